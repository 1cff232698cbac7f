// people.yaml for the people rules' tests, with a fixed shape so findings' places are predictable.
export interface PersonFixture {
  id: string;
  start?: string;
  end?: string;
}

/** people.yaml with four lines a person: person i's `id` value is on line 2 + 4i, column 9. */
export const people = (...list: PersonFixture[]): string =>
  `people:\n${list
    .map((p) => `  - id: ${p.id}\n    name: ${p.id.split('@')[0]}\n    ${p.start ? `start: ${p.start}` : '# no start recorded'}\n    ${p.end ? `end: ${p.end}` : 'role: Staff'}\n`)
    .join('')}`;

/** Where person i's `id` is in a file made by `people`. */
export const personAt = (index: number) => ({ file: 'people.yaml', line: 2 + 4 * index, column: 9 });
