import rule from '../../rules/evidence-date-mismatch.js';
import { testRule } from '../helpers/rule-tester.js';

/** A control citing [path, date] pairs; the `date` value of entry i is on line 7 + 2i, column 11. */
const control = (frequency: string, entries: [string, string][]) =>
  `id: C-1\ntitle: The control\nowner: a@x.io\nfrequency: ${frequency}\nevidence:\n${entries.map(([path, date]) => `  - path: ${path}\n    date: ${date}\n`).join('')}`;
const dateAt = (index: number) => ({ file: 'controls/c.yaml', line: 7 + 2 * index, column: 11 });

testRule(rule, {
  valid: [
    { name: 'the name and the date agree', files: { 'controls/c.yaml': control('monthly', [['evidence/2026-03-30-scan.md', '2026-03-30']]) } },
    { name: 'filed a few days after the run named in it', files: { 'controls/c.yaml': control('monthly', [['evidence/2026-03-30-scan.md', '2026-04-02']]) } },
    { name: 'a quarter named in the file, dated inside it', files: { 'controls/c.yaml': control('quarterly', [['evidence/2026-Q1-access-review.md', '2026-03-27']]) } },
    { name: 'a quarterly report dated within a quarter after its quarter', files: { 'controls/c.yaml': control('quarterly', [['evidence/2026-q1-access-review.md', '2026-04-20']]) } },
    { name: 'a month export dated just after its month', files: { 'controls/c.yaml': control('daily', [['evidence/2026-02-backup-jobs.csv', '2026-03-03']]).replace('frequency: daily', 'frequency: daily\nevidence_every: monthly') } },
    { name: 'a half-year report', files: { 'controls/c.yaml': control('semiannual', [['evidence/uptime-2026-H1.csv', '2026-07-01']]) } },
    { name: 'no date in the name', files: { 'controls/c.yaml': control('monthly', [['evidence/okta-mfa-policy.png', '2026-06-28']]) } },
    { name: 'numbers that are not dates (2026-13, a version 1234-56)', files: { 'controls/c.yaml': control('monthly', [['evidence/report-2026-13.md', '2026-06-28'], ['evidence/build-1234-56.md', '2026-06-28']]) } },
    { name: 'only the file name counts, not its folders', files: { 'controls/c.yaml': control('monthly', [['evidence/2025-01-01/scan.md', '2026-06-28']]) } },
    { name: 'only the file name counts, whatever the separators (evidence\\2025-01-01\\scan.md)', files: { 'controls/c.yaml': control('monthly', [['evidence\\2025-01-01\\scan.md', '2026-06-28']]) } },
    { name: 'a gap of exactly the interval the entry is in (30 days after the day named, in April)', files: { 'controls/c.yaml': control('monthly', [['evidence/2026-03-30-scan.md', '2026-04-29']]) } },
    { name: 'an impossible day in the name is read as its month (2026-02-31, dated in February)', files: { 'controls/c.yaml': control('monthly', [['evidence/2026-02-31-scan.md', '2026-02-01']]) } },
    { name: 'a quarter or half glued to other letters or digits is not a date', files: { 'controls/c.yaml': control('monthly', [['evidence/release2026-Q1b.md', '2027-06-28'], ['evidence/build12026-H2.md', '2024-01-01'], ['evidence/2026-H1x.md', '2028-01-01']]) } },
  ],
  invalid: [
    {
      name: 'the Q1 file dated in June, at the date',
      files: { 'controls/c.yaml': control('quarterly', [['evidence/2026-Q1-access-review.md', '2026-03-27'], ['evidence/2026-Q1-access-review-copy.md', '2026-07-05']]) },
      errors: [
        {
          ...dateAt(1),
          messageId: 'namedInterval',
          data: { control: 'C-1', path: 'evidence/2026-Q1-access-review-copy.md', named: '2026-Q1', start: '2026-01-01', end: '2026-03-31', span: '2026-07-05', days: 96, interval: 'quarter' },
          message:
            'Control C-1: "evidence/2026-Q1-access-review-copy.md" is named for 2026-Q1 (2026-01-01 to 2026-03-31), but the entry is dated 2026-07-05, 96 days outside it (more than a quarter). A file of another interval cited again, or a typo? Fix the date, or cite the file of that run.',
        },
      ],
    },
    {
      name: 'a day in the name, two months from the date of a monthly control',
      files: { 'controls/c.yaml': control('monthly', [['evidence/2026-03-30-scan.md', '2026-05-30']]) },
      errors: [{ ...dateAt(0), messageId: 'namedDay', data: { control: 'C-1', path: 'evidence/2026-03-30-scan.md', named: '2026-03-30', span: '2026-05-30', days: 61, interval: 'month' } }],
    },
    {
      name: 'a month in the name, dated the year before',
      files: { 'controls/c.yaml': control('monthly', [['evidence/scan-2026-03.md', '2025-03-15']]) },
      errors: [{ ...dateAt(0), messageId: 'namedInterval', message: 'is named for 2026-03 (2026-03-01 to 2026-03-31), but the entry is dated 2025-03-15, 351 days outside it (more than a month)' }],
    },
    {
      name: 'the second half-year in the name (h2, after a dash), dated in February of a quarterly control',
      files: { 'controls/c.yaml': control('quarterly', [['evidence/uptime-2026-h2.csv', '2026-02-15']]) },
      errors: [{ ...dateAt(0), messageId: 'namedInterval', data: { control: 'C-1', path: 'evidence/uptime-2026-h2.csv', named: '2026-H2', start: '2026-07-01', end: '2026-12-31', span: '2026-02-15', days: 136, interval: 'quarter' } }],
    },
    {
      name: 'a quarter after a dash in the name, dated two quarters later',
      files: { 'controls/c.yaml': control('quarterly', [['evidence/access-review-2026-Q1.md', '2026-09-30']]) },
      errors: [{ ...dateAt(0), messageId: 'namedInterval', message: 'is named for 2026-Q1 (2026-01-01 to 2026-03-31), but the entry is dated 2026-09-30, 183 days outside it (more than a quarter)' }],
    },
    {
      name: 'one day past the interval the entry is in (31 days after the day named, in April)',
      files: { 'controls/c.yaml': control('monthly', [['evidence/2026-03-30-scan.md', '2026-04-30']]) },
      errors: [{ ...dateAt(0), messageId: 'namedDay', message: 'dated 2026-04-30, 31 days apart (more than a month)' }],
    },
    {
      name: 'a range cited for the Q1 file, at its from (no date written)',
      files: { 'controls/c.yaml': 'id: C-1\ntitle: The control\nowner: a@x.io\nfrequency: quarterly\nevidence:\n  - path: evidence/2026-Q1-uptime.csv\n    from: 2026-08-01\n    to: 2026-08-31\n' },
      errors: [{ file: 'controls/c.yaml', line: 7, column: 11, messageId: 'namedInterval', data: { control: 'C-1', path: 'evidence/2026-Q1-uptime.csv', named: '2026-Q1', start: '2026-01-01', end: '2026-03-31', span: '2026-08-01 to 2026-08-31', days: 123, interval: 'quarter' } }],
    },
    {
      name: 'a range before the month named, reported at its date when one is written',
      files: { 'controls/c.yaml': 'id: C-1\ntitle: The control\nowner: a@x.io\nfrequency: monthly\nevidence:\n  - path: evidence/scan-2026-06.md\n    from: 2026-01-01\n    to: 2026-01-31\n    date: 2026-01-31\n' },
      errors: [{ file: 'controls/c.yaml', line: 9, column: 11, messageId: 'namedInterval', data: { control: 'C-1', path: 'evidence/scan-2026-06.md', named: '2026-06', start: '2026-06-01', end: '2026-06-30', span: '2026-01-01 to 2026-01-31', days: 121, interval: 'month' } }],
    },
    {
      name: 'an event-driven control is allowed a month',
      files: { 'controls/c.yaml': control('event', [['evidence/2026-01-20-onboarding.md', '2026-03-11']]) },
      errors: [{ ...dateAt(0), messageId: 'namedDay', message: 'is named for 2026-01-20, but the entry is dated 2026-03-11, 50 days apart (more than a month)' }],
    },
  ],
});
