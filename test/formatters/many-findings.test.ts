// A generated file can break the schema in every one of its items: hundreds of thousands of findings in one file.
// Every format must still be written (a width or a count taken with Math.max(...findings) overflowed the stack).
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/formatters/index.js';
import { FIXTURE_FINDINGS, fixtureInput } from './fixture.js';

// More than a call takes as arguments (about 125,000 on Node's default stack).
const COUNT = 150_000;
const template = FIXTURE_FINDINGS.find((finding) => finding.file === 'controls/access.yaml')!;
const many = Array.from({ length: COUNT }, (_, i) => ({ ...template, line: i + 1, endLine: i + 1 }));

describe('150,000 findings in one file', () => {
  it.each(Object.keys(FORMATTERS))('%s writes them all', async (name) => {
    const format = await FORMATTERS[name]!();
    const output = format(fixtureInput({ findings: many }));
    expect(output.length).toBeGreaterThan(COUNT);
    if (name === 'stylish') expect(output).toContain(`${COUNT}:9`);
  });
});
