// A language server client just big enough for tests: JSON-RPC over a child process's stdio, framed by
// Content-Length headers (the Language Server Protocol's base protocol). It answers the server's requests from
// `settings` (workspace/configuration) or with null, and keeps the diagnostics the server publishes per document.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
}

interface Message {
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

export class LanguageServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  private readonly diagnostics = new Map<string, Diagnostic[][]>();
  private readonly waiters = new Set<() => void>();
  private stderr = '';

  /** `settings` by section, as the server pulls them with workspace/configuration. */
  constructor(command: string, args: readonly string[], private readonly settings: Record<string, unknown>, env: NodeJS.ProcessEnv) {
    this.child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.on('exit', () => {
      for (const { reject } of this.pending.values()) reject(new Error(`the language server exited: ${this.stderr}`));
      this.pending.clear();
    });
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Wait for a publishDiagnostics for `uri` that `accept` takes, and return those diagnostics. */
  async diagnosticsFor(uri: string, accept: (diagnostics: Diagnostic[]) => boolean, timeoutMs: number): Promise<Diagnostic[]> {
    const found = () => this.diagnostics.get(uri)?.find(accept);
    return new Promise((resolve, reject) => {
      const check = () => {
        const diagnostics = found();
        if (!diagnostics) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(diagnostics);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no accepted diagnostics for ${uri} within ${timeoutMs} ms; published: ${JSON.stringify(this.diagnostics.get(uri) ?? [])}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** The last diagnostics published for `uri`, or undefined if none were. */
  latestDiagnostics(uri: string): Diagnostic[] | undefined {
    return this.diagnostics.get(uri)?.at(-1);
  }

  /** Shut the server down politely, then for sure. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('exit', () => resolve())));
    try {
      await Promise.race([this.request('shutdown', null), delay(2_000)]);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    await Promise.race([exited, delay(2_000)]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(JSON.parse(body) as Message);
    }
  }

  private handle(message: Message): void {
    if (message.method && message.id !== undefined) {
      // A request from the server: configuration from `settings`, anything else (registrations, progress) acknowledged.
      const result =
        message.method === 'workspace/configuration'
          ? ((message.params as { items: { section?: string }[] }).items ?? []).map(({ section }) => (section ? (this.settings[section] ?? null) : null))
          : null;
      this.send({ jsonrpc: '2.0', id: message.id, result });
    } else if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: Diagnostic[] };
      this.diagnostics.set(uri, [...(this.diagnostics.get(uri) ?? []), diagnostics]);
      for (const waiter of [...this.waiters]) waiter();
    } else if (typeof message.id === 'number' && this.pending.has(message.id)) {
      const { resolve, reject } = this.pending.get(message.id)!;
      this.pending.delete(message.id);
      if (message.error) reject(new Error(message.error.message));
      else resolve(message.result);
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
