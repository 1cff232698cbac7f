// strongdm/comply's files read as soc2lint records. A document (policies/, narratives/) is a policy: `acronym` its
// ID, `name` its title, `satisfies` its criteria, and its newest `majorRevisions` date when it was last reviewed and
// approved (comply has no draft status: a document with a revision is approved). A procedure is a control whose
// frequency is its `cron` (six fields, seconds first); one without a cron is event-driven. standards/*.yml list a
// standard's criteria, which are the program's scope when it has no scope.yaml.
import { parseWrittenDate, compareDates, type IsoDate } from '../core/dates.js';
import type { PathSegment } from '../parse/source.js';
import { yamlSource } from '../parse/source.js';
import type { ParsedYaml } from '../parse/yaml.js';
import { isAbsent, Translation, type NormalisationProblem } from './mapping.js';
import type { ControlFrequency, Standard } from './types.js';

type Raw = Record<string, unknown>;

/** Keys comply reads that have no soc2lint field of their own: read, never reported as unknown. */
const COMPLY_ONLY = ['majorRevisions', 'satisfies', 'live', 'cron'];

/**
 * Fill the native fields of a comply document or procedure from comply's keys, where the config mapped nothing for
 * them; returns the keys comply reads, which are therefore never unknown.
 */
export function readComply(raw: Raw, kind: 'document' | 'procedure', translation: Translation, problems: NormalisationProblem[]): string[] {
  const unset = (field: string) => !(field in translation.value) && isAbsent(raw[field]);
  const pick = (field: string, key: string) => {
    if (unset(field) && !isAbsent(raw[key])) translation.set(field, raw[key], [key]);
  };
  pick('id', 'acronym');
  pick('title', 'name');
  if (unset('criteria')) satisfied(raw.satisfies, translation);
  if (kind === 'document' && unset('status')) revisions(raw, translation, problems);
  if (kind === 'procedure' && unset('frequency')) frequency(raw, translation, problems);
  return ['acronym', 'name', ...COMPLY_ONLY];
}

/**
 * `satisfies: { TSC: [CC6.1] }`: the criteria of the Trust Services Criteria standard. Other standards (`ISO27001`)
 * are not SOC 2 and are left alone; a document with a single standard is read as mapping that one, whatever its name.
 */
function satisfied(satisfies: unknown, translation: Translation): void {
  if (!satisfies || typeof satisfies !== 'object' || Array.isArray(satisfies)) return;
  const standards = Object.keys(satisfies);
  const soc2 = standards.filter((name) => /^(tsc|soc\s*-?\s*2|aicpa|trust)/i.test(name));
  const read = soc2.length > 0 ? soc2 : standards.length === 1 ? standards : [];
  const list = read.flatMap((name) => {
    const ids = (satisfies as Raw)[name];
    return Array.isArray(ids) ? ids.map((value, index) => ({ value, written: ['satisfies', name, index] as PathSegment[] })) : [];
  });
  if (read.length > 0) translation.setList('criteria', list, ['satisfies', read[0]!]);
}

/** The newest revision is the last review and approval; a document with any revision is approved. */
function revisions(raw: Raw, translation: Translation, problems: NormalisationProblem[]): void {
  const list = Array.isArray(raw.majorRevisions) ? raw.majorRevisions : [];
  let newest: { date: IsoDate; index: number } | undefined;
  list.forEach((revision, index) => {
    const written = revision && typeof revision === 'object' ? (revision as Raw).date : undefined;
    const at: PathSegment[] = ['majorRevisions', index, 'date'];
    if (isAbsent(written)) return;
    const read = parseWrittenDate(String(written));
    if (read === undefined) problems.push({ path: at, written: true, message: `"${String(written)}" is not a date; write the revision date as YYYY-MM-DD or as comply does (Jun 1 2018).` });
    else if ('ambiguous' in read) problems.push({ path: at, written: true, message: `"${String(written)}" could be either of two days (month/day or day/month). Write it as YYYY-MM-DD.` });
    else if (!newest || compareDates(read.date, newest.date) >= 0) newest = { date: read.date, index };
  });
  translation.set('status', list.length > 0 ? 'approved' : 'draft', ['majorRevisions']);
  if (newest) {
    const at = ['majorRevisions', newest.index, 'date'];
    if (!('last_reviewed' in translation.value) && isAbsent(raw.last_reviewed)) translation.set('last_reviewed', newest.date, at);
    if (!('approved_on' in translation.value) && isAbsent(raw.approved_on)) translation.set('approved_on', newest.date, at);
  }
}

function frequency(raw: Raw, translation: Translation, problems: NormalisationProblem[]): void {
  if (isAbsent(raw.cron)) {
    translation.set('frequency', 'event', []);
    return;
  }
  const cadence = cronFrequency(String(raw.cron));
  if (cadence) translation.set('frequency', cadence, ['cron']);
  else problems.push({ path: ['cron'], written: true, fatal: true, message: `cron "${String(raw.cron)}" is not a cron schedule; comply writes six fields, seconds first ("0 0 9 1 * *": 09:00 on the 1st of each month).` });
}

const DESCRIPTORS: Record<string, ControlFrequency> = { '@yearly': 'annual', '@annually': 'annual', '@monthly': 'monthly', '@weekly': 'weekly', '@daily': 'daily', '@midnight': 'daily', '@hourly': 'daily' };
const FIELD = /^(\*|\?|[0-9A-Za-z]+(-[0-9A-Za-z]+)?(\/\d+)?|\*\/\d+)(,[0-9A-Za-z]+(-[0-9A-Za-z]+)?(\/\d+)?)*$/;

/**
 * How often a cron schedule runs, as a control frequency: every day (or most weekdays) is daily, some weekdays
 * weekly, a day of every month monthly, of 3 to 5 months quarterly, of 2 semiannual, of 1 annual. Six fields (comply's,
 * seconds first) or five (classic cron). Only the cadence matters to an auditor's sample, so no parser dependency
 * is needed for it.
 */
export function cronFrequency(expression: string): ControlFrequency | undefined {
  const trimmed = expression.trim();
  if (DESCRIPTORS[trimmed.toLowerCase()]) return DESCRIPTORS[trimmed.toLowerCase()];
  const fields = trimmed.split(/\s+/);
  if (fields.length === 5) fields.unshift('0');
  if (fields.length !== 6 || !fields.every((field) => FIELD.test(field))) return undefined;
  const [, , , dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string, string];
  const every = (field: string) => field === '*' || field === '?';
  if (every(dayOfMonth)) {
    if (every(dayOfWeek)) return 'daily';
    return count(dayOfWeek, 7) >= 5 ? 'daily' : 'weekly';
  }
  const months = every(month) ? 12 : count(month, 12);
  if (months >= 6) return 'monthly';
  if (months >= 3) return 'quarterly';
  return months === 2 ? 'semiannual' : 'annual';
}

/** How many values a cron field names (a list, a range, a step); a name (JAN, MON) counts one. */
function count(field: string, size: number): number {
  return field.split(',').reduce((total, part) => {
    const [range, step] = part.split('/');
    const span = range === '*' ? size : /^\d+-\d+$/.test(range!) ? Number(range!.split('-')[1]) - Number(range!.split('-')[0]) + 1 : 1;
    return total + (step ? Math.ceil(span / Number(step)) : span);
  }, 0);
}

/** `name: TSC` and then one key per criterion ID; anything else in the file is no criterion. */
export function readStandard(yaml: ParsedYaml): Standard | undefined {
  const value = yaml.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const source = yamlSource(yaml, yaml.root);
  const name = (value as Raw).name;
  return {
    file: yaml.file,
    ...(typeof name === 'string' ? { name } : {}),
    criteria: Object.keys(value)
      .filter((key) => key !== 'name')
      .map((id) => ({ id, range: source.at([id], 'key') })),
  };
}
