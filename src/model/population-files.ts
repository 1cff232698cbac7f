// Reading a population file (docs/populations.md): a CSV, JSON or YAML list of items, each with an id and a date.
// `changes.*` files are read as changes, in the shape `gh pr list --json ...` writes or as a plain CSV; `incidents.*`
// as incidents; any other name as plain items. JSON is read as YAML 1.2 (of which it is a subset) so that every item
// keeps the line and column it is written at. A file or an item that cannot be read is a load problem, never a throw.
import { basename, extname } from 'node:path';
import { compareMoments, dayOf, readMoment, type Moment } from '../core/dates.js';
import type { LoadProblem, SourceRange } from '../core/types.js';
import { parseCsv } from '../parse/csv.js';
import { jsonSyntaxProblem } from '../parse/json.js';
import { CsvRowSource, NO_NODE, yamlSource, type RecordSource } from '../parse/source.js';
import { parseYaml, type ParsedYaml } from '../parse/yaml.js';
import type { Change, ChangeReview, Incident, PopulationFile, PopulationItem } from './population.js';

type Raw = Record<string, unknown>;

export interface PopulationRead {
  /** Undefined when the file cannot be read as a population at all (it does not parse, or holds no list). */
  population?: PopulationFile;
  problems: LoadProblem[];
  /** The parsed document of a YAML or JSON file, for its directives. */
  yaml?: ParsedYaml;
}

/** Problems reported per file: an export of thousands of rows can break the same way in each. */
const MAX_PROBLEMS = 20;

/** One item as written: its fields, where each is written, and its last line. */
interface WrittenItem {
  fields: Raw;
  source: RecordSource;
  /** 1-based position in the file's list, for messages. */
  index: number;
  endLine: number;
}

export function readPopulationFile(file: string, text: string): PopulationRead {
  const extension = extname(file).toLowerCase();
  const name = basename(file, extname(file));
  const format = extension === '.csv' ? 'csv' : extension === '.json' ? 'json' : 'yaml';
  const problems: LoadProblem[] = [];
  let written: WrittenItem[];
  let yaml: ParsedYaml | undefined;
  if (format === 'csv') {
    const read = csvItems(file, text, problems);
    if (!read) return { problems };
    written = read;
  } else {
    const invalid = format === 'json' ? jsonSyntaxProblem(text, file) : undefined;
    if (invalid) return { problems: [invalid] };
    const parsed = parseYaml(text, file);
    if (!parsed.ok) return { problems: parsed.problems };
    yaml = parsed.yaml;
    const read = yamlItems(file, name, parsed.yaml, problems);
    if (!read) return { problems, yaml };
    written = read;
  }
  const kind = name.toLowerCase();
  const items: PopulationItem[] = [];
  for (const item of written) {
    const read = kind === 'changes' ? toChange(item) : kind === 'incidents' ? toIncident(item) : toItem(item);
    if (typeof read === 'string') problems.push({ kind: 'schema', message: read, range: item.source.at() });
    else items.push(read);
  }
  problems.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
  const shown = problems.slice(0, MAX_PROBLEMS);
  if (problems.length > MAX_PROBLEMS) {
    shown.push({ kind: 'schema', message: `${problems.length - MAX_PROBLEMS} more problems in ${file}, not listed; fix the ones above first.`, range: problems[MAX_PROBLEMS]!.range });
  }
  return { population: { file, name, format, items }, problems: shown, ...(yaml ? { yaml } : {}) };
}

/** The items of a YAML or JSON file: a list at the top, or under the file's name or `items` (`incidents: [...]`). */
function yamlItems(file: string, name: string, yaml: ParsedYaml, problems: LoadProblem[]): WrittenItem[] | undefined {
  const root = yaml.root;
  if (root === NO_NODE || yaml.value === null || yaml.value === undefined) return []; // an empty file holds no items
  let list = root;
  let values: unknown = yaml.value;
  if (yaml.index.kind(root) === 'map') {
    const key = [name, 'items'].find((candidate) => yaml.index.child(root, candidate) !== undefined);
    list = key === undefined ? NO_NODE : yaml.node([key]);
    values = key === undefined ? undefined : (yaml.value as Raw)[key];
  }
  if (yaml.index.kind(list) !== 'seq' || !Array.isArray(values)) {
    const shape = format(file) === 'json' ? 'a JSON array of objects' : `a list of items (at the top, or under ${name}: or items:)`;
    problems.push({ kind: 'schema', message: `A population file holds ${shape}, one item a row with at least an id and a date; ${file} does not.`, range: yamlSource(yaml, root).at() });
    return undefined;
  }
  const items: WrittenItem[] = [];
  yaml.index.items(list).forEach((node, i) => {
    const source = yamlSource(yaml, node);
    if (yaml.index.kind(node) !== 'map') {
      problems.push({ kind: 'schema', message: `Item ${i + 1} of ${file} is not ${format(file) === 'json' ? 'an object' : 'a mapping'}; each item has fields (id, date, …).`, range: source.at() });
      return;
    }
    // The values as the whole document reads them (aliases resolved), beside the nodes that say where they are.
    items.push({ fields: (values as Raw[])[i]!, source, index: i + 1, endLine: source.at().endLine });
  });
  return items;
}

function csvItems(file: string, text: string, problems: LoadProblem[]): WrittenItem[] | undefined {
  const parsed = parseCsv(text, file);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  return parsed.rows.map((row, i) => ({
    fields: row.values,
    source: new CsvRowSource(file, row.line, row.text, parsed.header, row.cells),
    index: i + 1,
    endLine: row.line + row.text.split('\n').length - 1,
  }));
}

function format(file: string): 'json' | 'other' {
  return extname(file).toLowerCase() === '.json' ? 'json' : 'other';
}

/** The fields every item has: its id (from `idKeys`, the first written), its date (from `dateKeys`), where it is written. */
function baseItem(item: WrittenItem, idKeys: readonly string[], dateKeys: readonly string[]): { base: PopulationItem; moment?: Moment } | string {
  const idKey = idKeys.find((key) => scalar(item.fields[key]) !== undefined);
  const file = item.source.file;
  if (idKey === undefined) return `Item ${item.index} of ${file} has no ${idKeys.join(' or ')}; every population item needs one, as the auditor would cite it.`;
  const id = idKey === 'number' ? `#${scalar(item.fields.number)!.replace(/^#/, '')}` : scalar(item.fields[idKey])!;
  const at: SourceRange = { ...span(item.source, idKey), record: id };
  const dateKey = dateKeys.find((key) => scalar(item.fields[key]) !== undefined);
  const written = dateKey === undefined ? undefined : scalar(item.fields[dateKey])!;
  const moment = written === undefined ? undefined : readMoment(written);
  const title = scalar(item.fields.title) ?? scalar(item.fields.name);
  const base: PopulationItem = {
    id,
    ...(moment !== undefined ? { date: dayOf(moment) } : {}),
    ...(title !== undefined ? { title } : {}),
    at,
    endLine: Math.max(item.endLine, at.endLine),
    evidence: paths(item.fields.evidence ?? item.fields.evidence_path),
    ...(written !== undefined && moment === undefined ? { writtenDate: written } : {}),
  };
  return { base, ...(moment !== undefined ? { moment } : {}) };
}

function toItem(item: WrittenItem): PopulationItem | string {
  const read = baseItem(item, ['id'], ['date']);
  return typeof read === 'string' ? read : read.base;
}

function toIncident(item: WrittenItem): Incident | string {
  const read = baseItem(item, ['id'], ['opened', 'date']);
  if (typeof read === 'string') return read;
  const severity = scalar(item.fields.severity);
  const closedText = scalar(item.fields.closed);
  const closed = closedText === undefined ? undefined : readMoment(closedText);
  const postmortem = paths(item.fields.postmortem);
  const title = read.base.title ?? scalar(item.fields.summary);
  return {
    ...read.base,
    ...(title !== undefined ? { title } : {}),
    ...(read.moment !== undefined ? { opened: read.moment } : {}),
    ...(severity !== undefined ? { severity } : {}),
    ...(closed !== undefined ? { closed: dayOf(closed) } : {}),
    evidence: [...read.base.evidence, ...postmortem],
  };
}

/**
 * A change, from a `gh pr list --json number,title,author,mergedAt,mergedBy,reviews,commits,labels,baseRefName` item
 * or a flat row (id, date, author, approver, approved_at; optional title, labels, merged_by, last_commit_at, base).
 */
function toChange(item: WrittenItem): Change | string {
  const { fields } = item;
  const read = baseItem(item, ['number', 'id'], ['mergedAt', 'merged_at', 'date']);
  if (typeof read === 'string') return read;
  const numberText = scalar(fields.number) ?? /^#?(\d+)$/.exec(read.base.id)?.[1];
  const number = numberText !== undefined && /^#?\d+$/.test(numberText) ? Number(numberText.replace(/^#/, '')) : undefined;
  const author = login(fields.author);
  const authorObject = isObject(fields.author) ? fields.author : undefined;
  const mergedBy = login(fields.mergedBy ?? fields.merged_by);
  const reviews: ChangeReview[] = list(fields.reviews).flatMap((review) => {
    if (!isObject(review)) return [];
    const by = login(review.author ?? review.by);
    const state = scalar(review.state)?.toUpperCase();
    if (by === undefined || state === undefined) return [];
    const at = moment(review.submittedAt ?? review.submitted_at ?? review.at);
    return [{ by, state, ...(at !== undefined ? { at } : {}) }];
  });
  const approver = scalar(fields.approver);
  if (approver !== undefined) {
    const at = moment(fields.approved_at ?? fields.approvedAt);
    reviews.push({ by: approver, state: 'APPROVED', ...(at !== undefined ? { at } : {}) });
  }
  const commitTimes = list(fields.commits).flatMap((commit) => {
    const at = isObject(commit) ? moment(commit.committedDate ?? commit.authoredDate) : undefined;
    return at !== undefined ? [at] : [];
  });
  const written = moment(fields.last_commit_at ?? fields.lastCommitAt);
  if (written !== undefined) commitTimes.push(written);
  const lastCommitAt = commitTimes.reduce<Moment | undefined>((latest, at) => (latest === undefined || compareMoments(at, latest) > 0 ? at : latest), undefined);
  const labels = typeof fields.labels === 'string' ? fields.labels.split(/[;,|]/).map((label) => label.trim()).filter(Boolean) : list(fields.labels).flatMap((label) => {
    const labelName = isObject(label) ? scalar(label.name) : scalar(label);
    return labelName !== undefined ? [labelName] : [];
  });
  const base = scalar(fields.baseRefName ?? fields.base);
  return {
    ...read.base,
    ...(number !== undefined ? { number } : {}),
    ...(author !== undefined ? { author } : {}),
    authorIsBot: authorObject?.is_bot === true || (author !== undefined && (/\[bot\]$/i.test(author) || /^app\//i.test(author))),
    ...(read.moment !== undefined && read.moment.length > 10 ? { mergedAt: read.moment } : {}),
    ...(mergedBy !== undefined ? { mergedBy } : {}),
    reviews,
    ...(lastCommitAt !== undefined ? { lastCommitAt } : {}),
    labels,
    ...(base !== undefined ? { base } : {}),
  };
}

/** A key and its value as one range: where the item's id is written. */
function span(source: RecordSource, key: string): SourceRange {
  const keyAt = source.at([key], 'key');
  const valueAt = source.at([key]);
  return { ...keyAt, endLine: valueAt.endLine, endColumn: valueAt.endColumn };
}

/** A text or number as text, trimmed; undefined for anything else or an empty text. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function moment(value: unknown): Moment | undefined {
  const text = scalar(value);
  return text === undefined ? undefined : readMoment(text);
}

/** `{ login: alice }` (as gh writes people) or `alice`. */
function login(value: unknown): string | undefined {
  return isObject(value) ? scalar(value.login) : scalar(value);
}

function isObject(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Evidence paths: one path, a list of them, or (in a CSV cell) several separated by `;`. */
function paths(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((entry) => (scalar(entry) !== undefined ? [scalar(entry)!] : []));
  const text = scalar(value);
  return text === undefined ? [] : text.split(';').map((path) => path.trim()).filter(Boolean);
}
