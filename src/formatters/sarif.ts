// SARIF 2.1.0 as GitHub code scanning takes it: every rule described, every finding a result (suppressed ones marked
// as such, so code scanning shows them dismissed), fingerprints that survive lines moving.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, type Finding, type Severity, type Suppression } from '../engine/finding.js';
import { REPOSITORY_URL } from '../report/format-input.js';
import { fingerprints } from './fingerprint.js';
import type { FormatInput, Formatter, RuleDescription } from './types.js';

export const INFORMATION_URI = REPOSITORY_URL;
/** The key of soc2lint's own fingerprint in `partialFingerprints`; a new version means a new way of computing it. */
export const FINGERPRINT_KEY = 'soc2lint/v1';
const SRCROOT = '%SRCROOT%';

/**
 * `uriPrefix` (FormatInput) is the program root's path inside the checkout (`compliance/` when soc2lint lints
 * `compliance/` of a bigger repo): code scanning places results by paths relative to the repository, while findings
 * are relative to the program root.
 */
export type SarifInput = FormatInput;

/** Each rule's help comes from its docs in the input (`rules[].docs`); a rule without docs is described by its description. */
export const sarif: Formatter = (input) => `${JSON.stringify(sarifLog(input), null, 2)}\n`;

function sarifLog(input: SarifInput) {
  const prefix = normalizePrefix(input.uriPrefix);
  const ruleIndex = new Map(input.rules.map((rule, i) => [rule.meta.id, i]));
  const prints = fingerprints(input.findings);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'soc2lint',
            version: input.version,
            semanticVersion: input.version,
            informationUri: INFORMATION_URI,
            rules: input.rules.map(describeRule),
          },
        },
        // The folder the result URIs are relative to: the checkout, which is the program root unless a prefix says
        // the program lives further down.
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(resolve(input.root, ...prefix.split('/').filter(Boolean).map(() => '..'))) } },
        // Columns count UTF-16 code units: the parsers report offsets into JavaScript strings.
        columnKind: 'utf16CodeUnits',
        results: input.findings.map((finding, i) => result(finding, prints[i]!, ruleIndex.get(finding.ruleId), prefix)),
      },
    ],
  };
}

function describeRule({ meta: rule, url: helpUri, docs }: RuleDescription) {
  const summary = docs?.summary || rule.description;
  const fix = docs?.howToFix ?? '';
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: plainText(summary) },
    help: {
      text: [plainText(summary), ...(fix ? [`How to fix:\n${plainText(fix)}`] : []), `Documentation: ${helpUri}`].join('\n\n'),
      markdown: [summary, ...(fix ? [`## How to fix\n\n${fix}`] : []), `[Documentation of ${rule.id}](${helpUri})`].join('\n\n'),
    },
    helpUri,
    defaultConfiguration: { level: level(rule.defaultSeverity) },
    properties: { tags: ['soc2', 'compliance'] },
  };
}

function result(finding: Finding, fingerprint: string, ruleIndex: number | undefined, prefix: string) {
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: level(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(finding, prefix) }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(finding.suppressedBy ? { suppressions: [suppression(finding.suppressedBy, prefix)] } : {}),
  };
}

/**
 * A finding about the program as a whole (file `.`) points at the program's folder with no region: code scanning
 * rejects a result without a location, and a line in a folder means nothing.
 */
function physicalLocation(finding: Finding, prefix: string) {
  if (finding.file === REPO_ROOT) return { artifactLocation: { uri: prefix || './', uriBaseId: SRCROOT } };
  return { artifactLocation: { uri: prefix + relativeUri(finding.file), uriBaseId: SRCROOT }, region: region(finding) };
}

/** SARIF's end column is exclusive like ours; an end before the start is dropped rather than sent invalid. */
function region({ line, column, endLine, endColumn }: Finding) {
  const endsAfterStart = endLine > line || (endLine === line && endColumn >= column);
  return { startLine: line, startColumn: column, ...(endsAfterStart ? { endLine, endColumn } : {}) };
}

function suppression(by: Suppression, prefix: string) {
  const location = { physicalLocation: { artifactLocation: { uri: prefix + relativeUri(by.file), uriBaseId: SRCROOT }, region: { startLine: by.line } } };
  return by.kind === 'waiver'
    ? { kind: 'external', justification: by.reason, location, properties: { approvedBy: by.approvedBy, expires: by.expires } }
    : { kind: 'inSource', justification: by.reason, location };
}

function level(severity: Severity): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning';
}

/** Markdown made readable as plain text: links keep their words, emphasis and code marks go. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}

/** `stale-evidence` → `StaleEvidence`. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** `./compliance\\` → `compliance/`; empty stays empty. */
function normalizePrefix(prefix: string | undefined): string {
  const segments = (prefix ?? '').split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.');
  return segments.length > 0 ? `${segments.map(encodeSegment).join('/')}/` : '';
}

/** A root-relative path as a relative URI reference: each segment percent-encoded where a URI needs it. */
function relativeUri(path: string): string {
  return path.split('/').map(encodeSegment).join('/');
}

/**
 * Percent-encodes what a path segment may not hold (space, `%`, `#`, `?`, non-ASCII as UTF-8) and `:`, which would
 * read as a scheme in a first segment; keeps the sub-delimiters and `@` that are legal and common in file names.
 */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%(24|26|2B|2C|3B|3D|40)/g, (escape) => decodeURIComponent(escape));
}

function folderUri(path: string): string {
  const href = pathToFileURL(path).href;
  return href.endsWith('/') ? href : `${href}/`;
}
