// The editor's view: the real yaml-language-server (what VS Code's YAML extension runs), spoken to over stdio, on a
// program `soc2lint init` wrote, with the `yaml.schemas` of the .vscode/settings.json it wrote and the schemas where
// an installed package puts them. A misspelt field, rule or option is flagged at its line, by schema association and
// by modeline alike; and nothing goes to the network (every HTTP request would reach the recording proxy).
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffold } from '../../src/cli/commands/init.js';
import { packageRoot } from '../../src/core/package-root.js';
import { DEFAULT_OWNER } from '../../src/report/init-plan.js';
import { makeRepo } from '../helpers/repo.js';
import { LanguageServer, type Diagnostic } from './lsp.js';

const SERVER = join(packageRoot, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const WAIT_MS = 10_000;

/** Each document opened: its file in the program, its text, and the 0-based line each expected diagnostic is on. */
const CONTROL = readFileSync(join(packageRoot, 'templates', 'init', 'controls', 'access.yaml'), 'utf8');
const MISSPELT_CONTROL = CONTROL.replace('    owner: ${owner}', '    ownr: jane@acme.example').replaceAll('${today}', '2026-01-05');
const CONFIG = 'rules:\n  stale-reveiw: warn\n  stale-evidence: [error, { grace: -1 }]\n';
const MODELINE_CONTROL = [
  '# yaml-language-server: $schema=../node_modules/soc2lint/schemas/control.schema.json',
  'id: AC-09',
  'title: Draft control',
  'frequncy: quarterly',
  '',
].join('\n');

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle));

describe('yaml-language-server with the schemas init maps', () => {
  let dir: string;
  let server: LanguageServer;
  let proxy: Server;
  const requests: string[] = [];
  const uri = (file: string) => pathToFileURL(join(dir, file)).href;
  const open = (file: string, text: string) => server.notify('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'yaml', version: 1, text } });
  const withMessage = (pattern: RegExp) => (diagnostics: Diagnostic[]) => diagnostics.some((d) => pattern.test(d.message));

  beforeAll(async () => {
    proxy = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      response.writeHead(502).end();
    });
    proxy.on('connect', (request: { url?: string }, socket: { destroy(): void }) => {
      requests.push(`CONNECT ${request.url}`);
      socket.destroy();
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

    dir = makeRepo({}, 'soc2lint-editor-');
    scaffold(dir, { today: '2026-01-05', owner: DEFAULT_OWNER });
    mkdirSync(join(dir, 'node_modules', 'soc2lint'), { recursive: true });
    symlinkSync(join(packageRoot, 'schemas'), join(dir, 'node_modules', 'soc2lint', 'schemas'));
    const { 'yaml.schemas': schemas } = JSON.parse(readFileSync(join(dir, '.vscode', 'settings.json'), 'utf8')) as { 'yaml.schemas': object };
    writeFileSync(join(dir, 'soc2lint.config.yaml'), CONFIG);

    const settings = {
      yaml: { schemas, validate: true, schemaStore: { enable: false }, kubernetesCRDStore: { enable: false } },
      http: { proxy: proxyUrl, proxyStrictSSL: false },
    };
    const env = { ...process.env, HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl, http_proxy: proxyUrl, https_proxy: proxyUrl, NO_PROXY: '', no_proxy: '' };
    server = new LanguageServer(process.execPath, [SERVER, '--stdio'], settings, env);
    await server.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'program' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: {} } },
    });
    server.notify('initialized', {});
    server.notify('workspace/didChangeConfiguration', { settings: {} }); // the server then pulls `settings`
    // The first document waits until the settings are in use; the others are checked with them from the start.
    open('controls/access.yaml', MISSPELT_CONTROL);
    await server.diagnosticsFor(uri('controls/access.yaml'), withMessage(/ownr/), WAIT_MS);
  }, 30_000);

  afterAll(async () => {
    await server?.stop();
    await new Promise((resolve) => proxy?.close(resolve));
  });

  it('flags a misspelt field of a control at its line, by the settings init wrote', () => {
    const diagnostics = server.latestDiagnostics(uri('controls/access.yaml'))!;
    const misspelt = diagnostics.filter((d) => /ownr/.test(d.message));
    expect(misspelt.map((d) => d.range.start.line)).toEqual([lineOf(MISSPELT_CONTROL, 'ownr:')]);
    expect(misspelt[0]!.message).toMatch(/not allowed/);
  });

  it('flags a misspelt rule and a bad rule option in soc2lint.config.yaml, by the generated config schema', async () => {
    open('soc2lint.config.yaml', CONFIG);
    const diagnostics = await server.diagnosticsFor(uri('soc2lint.config.yaml'), withMessage(/stale-reveiw/), WAIT_MS);
    expect(diagnostics.filter((d) => /stale-reveiw/.test(d.message)).map((d) => d.range.start.line)).toEqual([lineOf(CONFIG, 'stale-reveiw')]);
    expect(diagnostics.some((d) => d.range.start.line === lineOf(CONFIG, 'grace') && /minimum|>= ?0/i.test(d.message))).toBe(true);
  });

  it('flags an interval the schema\'s pattern does not take', async () => {
    const scope = readFileSync(join(dir, 'scope.yaml'), 'utf8').replace('review_every: annual', 'review_every: yearly');
    open('scope.yaml', scope);
    const diagnostics = await server.diagnosticsFor(uri('scope.yaml'), (found) => found.length > 0, WAIT_MS);
    expect(diagnostics.map((d) => d.range.start.line)).toEqual([lineOf(scope, 'review_every:')]);
  });

  it('flags a misspelt field in a file that names its schema in a modeline, by a relative path', async () => {
    mkdirSync(join(dir, 'drafts'), { recursive: true });
    open('drafts/control.yaml', MODELINE_CONTROL);
    const diagnostics = await server.diagnosticsFor(uri('drafts/control.yaml'), withMessage(/frequncy/), WAIT_MS);
    expect(diagnostics.filter((d) => /frequncy/.test(d.message)).map((d) => d.range.start.line)).toEqual([lineOf(MODELINE_CONTROL, 'frequncy:')]);
  });

  it('finds nothing wrong in the files init wrote', async () => {
    for (const file of ['controls/change.yaml', 'people.yaml', 'vendors/vendors.yaml', 'acknowledgments/acknowledgments.yaml']) {
      open(file, readFileSync(join(dir, file), 'utf8'));
      expect(await server.diagnosticsFor(uri(file), () => true, WAIT_MS), file).toEqual([]);
    }
  });

  it('never touches the network', () => {
    expect(requests).toEqual([]);
  });
});
