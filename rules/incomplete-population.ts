// What an auditor samples from must be there and be the period's: a control that runs on events needs the list of
// those events (its population), and a population file must date every item within the audit period, or the auditor
// cannot tell which items the sample may be drawn from.
import { compareDates } from '../src/core/dates.js';
import { defineRule } from '../src/engine/rule.js';
import { BUILT_IN_POPULATIONS, isBuiltInPopulation, populationFileAt, populationFilesNamed, type PopulationItem } from '../src/model/population.js';
import { activeControls, samplingWindow, typeTwoPeriod } from '../src/model/program.js';

/** Items without a date reported one by one per file, up to this many; the rest are counted in one finding. */
const MAX_UNDATED = 10;
/** The built-in populations a program keeps in files of that name (the others come from its records). */
const FROM_FILES = new Set(['changes', 'incidents']);
const BUILT_INS = BUILT_IN_POPULATIONS.join(', ');

export default defineRule({
  meta: {
    id: 'incomplete-population',
    description:
      'An active event-driven control that names no population (or one that does not exist), or a population file with items that have no date or are dated outside the audit period.',
    defaultSeverity: 'warn',
    reads: ['control', 'population', 'scope'],
    messages: {
      noPopulation: `Control {{control}} runs on events but names no population, and the auditor will ask for the list of the period's events to sample from. Add population: with one of ${BUILT_INS}, or the path of a population file (see docs/populations.md).`,
      unknownPopulation: `Control {{control}} names the population "{{population}}", which is neither a built-in population (${BUILT_INS}) nor a population file soc2lint read. Fix the name, or put the file where paths.populations finds it (populations/ by default).`,
      noPopulationFile: 'Control {{control}} samples from {{population}}, but there is no {{population}} population file (populations/{{population}}.json, .csv or .yaml). Export the period\'s {{population}} to one (see docs/populations.md).',
      undated: '{{file}}: item {{item}} has no date, so nobody can tell whether it belongs to the audit period. Add the day it happened.',
      unreadableDate: '{{file}}: item {{item}} is dated "{{written}}", which is not a date. Write it as YYYY-MM-DD or an ISO 8601 timestamp (2026-03-04T15:22:10Z).',
      moreUndated: '{{file}}: {{count}} more items have no date or one that cannot be read, not listed. Add the day each happened.',
      outsidePeriod: '{{file}}: {{count}} items are dated outside {{window}}, the first {{item}} on {{date}}; an auditor samples from the period only. Export the population for the period.',
      oneOutsidePeriod: '{{file}}: item {{item}} is dated {{date}}, outside {{window}}; an auditor samples from the period only. Export the population for the period.',
    },
  },
  check({ model, asOf, report }) {
    for (const control of activeControls(model)) {
      const written = control.population;
      if (written === undefined) {
        if (control.frequency === 'event') report({ messageId: 'noPopulation', data: { control: control.id }, at: control.source.at(['frequency']) });
        continue;
      }
      if (isBuiltInPopulation(written)) {
        if (FROM_FILES.has(written) && populationFilesNamed(model.populationFiles, written).length === 0) {
          report({ messageId: 'noPopulationFile', data: { control: control.id, population: written }, at: control.source.at(['population']) });
        }
      } else if (!populationFileAt(model.populationFiles, written)) {
        report({ messageId: 'unknownPopulation', data: { control: control.id, population: written }, at: control.source.at(['population']) });
      }
    }

    // The Type II period as declared (an export made mid-period cannot hold later items anyway); without one, the
    // last 12 months up to the as-of date, the stretch the other rules judge people and events in.
    const period = typeTwoPeriod(model);
    const window = period ? { ...period, label: `the audit period ${period.start} to ${period.end}` } : samplingWindow(model, asOf, 12);
    for (const file of model.populationFiles) {
      const undated = file.items.filter((item) => item.date === undefined);
      for (const item of undated.slice(0, MAX_UNDATED)) {
        if (item.writtenDate !== undefined) report({ messageId: 'unreadableDate', data: { file: file.file, item: item.id, written: item.writtenDate }, at: item.at });
        else report({ messageId: 'undated', data: { file: file.file, item: item.id }, at: item.at });
      }
      if (undated.length > MAX_UNDATED) report({ messageId: 'moreUndated', data: { file: file.file, count: undated.length - MAX_UNDATED }, at: undated[MAX_UNDATED]!.at });

      const outside = file.items.filter((item): item is PopulationItem & { date: string } => item.date !== undefined && (compareDates(item.date, window.start) < 0 || compareDates(item.date, window.end) > 0));
      const first = outside[0];
      if (!first) continue;
      const data = { file: file.file, item: first.id, date: first.date, window: window.label };
      if (outside.length === 1) report({ messageId: 'oneOutsidePeriod', data, at: first.at });
      else report({ messageId: 'outsidePeriod', data: { ...data, count: outside.length }, at: first.at });
    }
  },
});
