// Reading one file defensively: size cap, binary and encoding checks, BOM removal.
// Bad input is normal input: every failure becomes a problem with a place, never an exception.
// An overlay gives some files' content instead of the disk's (an editor's unsaved buffer): checked the same way.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { SourceRange } from '../core/types.js';
import type { EvidenceContent } from '../core/types.js';

/** Compliance documents are small; anything larger is a mistake or an attack, and parsing it would be slow. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; message: string; range: SourceRange };

/** File content to use instead of the disk's, by root-relative path with `/` separators. Never written anywhere. */
export type Overlay = ReadonlyMap<string, Uint8Array>;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `file` is the root-relative path, for problems and the overlay. */
export function readTextFile(absolutePath: string, file: string, overlay?: Overlay): ReadResult {
  let bytes: Uint8Array | number;
  try {
    bytes = overlaid(file, overlay) ?? readCapped(absolutePath);
  } catch (error) {
    return failure(file, 1, readErrorMessage(error));
  }
  if (typeof bytes === 'number') {
    return failure(file, 1, `File is ${formatBytes(bytes)}, over the ${formatBytes(MAX_FILE_BYTES)} limit; soc2lint did not read it. Split it into smaller files.`);
  }
  return decodeText(bytes, file);
}

export function decodeText(bytes: Uint8Array, file: string): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return failure(file, 1, 'File is UTF-16 encoded; save it as UTF-8.');
  }
  const nul = bytes.subarray(0, 8192).indexOf(0);
  if (nul !== -1) {
    return failure(file, lineAt(bytes, nul), 'File is binary (it contains NUL bytes), not text; it cannot be a policy or record.');
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return failure(file, lineAt(bytes, offset), `File is not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset}); save it as UTF-8.`);
  }
  // TextDecoder keeps no BOM by default (ignoreBOM is false), so the text is ready to parse.
  return { ok: true, text };
}

/** The overlay's bytes for `file`, or its size when it is over the limit, as for a file on disk. */
function overlaid(file: string | undefined, overlay: Overlay | undefined, limit = MAX_FILE_BYTES): Uint8Array | number | undefined {
  const bytes = file === undefined ? undefined : overlay?.get(file);
  return bytes !== undefined && bytes.length > limit ? bytes.length : bytes;
}

/** Opening a named pipe waits for a writer; O_NONBLOCK returns at once, and nothing but a regular file is read. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Thrown for a path that is not a regular file (a named pipe, socket or device): it is never read. */
class NotRegularFile extends Error {
  readonly code = 'ENOTREG';
}

/** The file's bytes, or its size when it is over the limit (then nothing is read). */
function readCapped(absolutePath: string, limit = MAX_FILE_BYTES): Buffer | number {
  const fd = openSync(absolutePath, OPEN_FLAGS);
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!stats.isFile()) throw new NotRegularFile(absolutePath);
    const size = stats.size;
    if (size > limit) return size;
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function readErrorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return 'Expected a file but found a folder.';
  if (code === 'ENOTREG') return 'Not a regular file (a named pipe, socket or device); soc2lint does not read it.';
  if (code === 'EACCES') return 'File cannot be read (permission denied).';
  if (code === 'ENOENT') return 'File disappeared while it was being read (or is a broken symlink).';
  return `File cannot be read: ${(error as Error).message}`;
}

function failure(file: string, line: number, message: string): ReadResult {
  return { ok: false, message, range: { file, line, column: 1, endLine: line, endColumn: 1 } };
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return 0;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** Evidence is scanned, not parsed: larger files are skipped rather than refused, and any encoding is read as text. */
export const MAX_EVIDENCE_BYTES = 1024 * 1024;

/** `file` is the root-relative path, for the overlay. */
export function readEvidence(absolutePath: string, file?: string, overlay?: Overlay): EvidenceContent {
  return readEvidenceWithDigest(absolutePath, file, overlay, false).content;
}

/**
 * The text of an evidence file and, when asked, its digest, from one read: a file under the text cap is hashed from
 * the bytes already read; a larger one is hashed in chunks.
 */
export function readEvidenceWithDigest(absolutePath: string, file: string | undefined, overlay: Overlay | undefined, digest: true): { content: EvidenceContent; digest: EvidenceDigest };
export function readEvidenceWithDigest(absolutePath: string, file: string | undefined, overlay: Overlay | undefined, digest: boolean): { content: EvidenceContent; digest?: EvidenceDigest };
export function readEvidenceWithDigest(absolutePath: string, file: string | undefined, overlay: Overlay | undefined, digest: boolean): { content: EvidenceContent; digest?: EvidenceDigest } {
  let bytes: Uint8Array | number;
  try {
    bytes = overlaid(file, overlay, MAX_EVIDENCE_BYTES) ?? readCapped(absolutePath, MAX_EVIDENCE_BYTES);
  } catch {
    return { content: { skipped: 'unreadable' }, ...(digest ? { digest: { unreadable: true } as const } : {}) };
  }
  if (typeof bytes === 'number') return { content: { skipped: 'too-large' }, ...(digest ? { digest: digestEvidence(absolutePath, file, overlay) } : {}) };
  return { content: decodeEvidence(bytes), ...(digest ? { digest: digestBytes(bytes) } : {}) };
}

/** Lenient: one decoder for every evidence file (making one per file costs more than most decodes). */
const lenientUtf8 = new TextDecoder('utf-8');

function decodeEvidence(bytes: Uint8Array): EvidenceContent {
  if (bytes.subarray(0, 8192).indexOf(0) !== -1) return { skipped: 'binary' };
  // Secrets are ASCII; a lenient decode keeps them findable in files that are not valid UTF-8.
  return { text: lenientUtf8.decode(bytes) };
}

/** What the evidence integrity rules need of a file, whatever its size or kind: how big, blank or not, and a digest. */
export type EvidenceDigest = { bytes: number; blank: boolean; sha256: string } | { unreadable: true };

const CHUNK = 64 * 1024;
/** One chunk buffer for every digest: reading is synchronous, and a new 64 KiB buffer per small file is most of the cost. */
let chunk: Buffer | undefined;
/** ASCII whitespace and the UTF-8 byte-order mark: a file of nothing else has no content. */
const BLANK_BYTES = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xef, 0xbb, 0xbf]);

/** Hash a file in chunks (an evidence export may be large or binary); the overlay's bytes when it has the file. */
export function digestEvidence(absolutePath: string, file?: string, overlay?: Overlay): EvidenceDigest {
  const hash = createHash('sha256');
  let bytes = 0;
  let blank = true;
  const take = (chunk: Uint8Array) => {
    hash.update(chunk);
    bytes += chunk.length;
    if (blank) for (const byte of chunk) if (!BLANK_BYTES.has(byte)) { blank = false; break; }
  };
  const given = file === undefined ? undefined : overlay?.get(file);
  if (given !== undefined) return digestBytes(given);
  try {
    const fd = openSync(absolutePath, 'r');
    try {
      const buffer = (chunk ??= Buffer.allocUnsafe(CHUNK));
      for (let n = readSync(fd, buffer, 0, CHUNK, null); n > 0; n = readSync(fd, buffer, 0, CHUNK, null)) take(buffer.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  } catch {
    return { unreadable: true };
  }
  return { bytes, blank, sha256: hash.digest('hex') };
}

function digestBytes(bytes: Uint8Array): EvidenceDigest {
  let blank = true;
  for (const byte of bytes) if (!BLANK_BYTES.has(byte)) { blank = false; break; }
  return { bytes: bytes.length, blank, sha256: createHash('sha256').update(bytes).digest('hex') };
}
