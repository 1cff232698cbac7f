import rule from '../../rules/impossible-record.js';
import { policy } from '../helpers/repo.js';
import { people } from '../helpers/people.js';
import { testRule } from '../helpers/rule-tester.js';

const JORDAN = 'jordan@acme.example';
const staff = { 'people.yaml': people({ id: JORDAN, start: '2026-05-11' }) };
/** POL-INFOSEC version "3.0", approved 2026-01-12. */
const infosec = { 'policies/infosec.md': policy('id: POL-INFOSEC\ntitle: Information Security\nstatus: approved\nversion: "3.0"\napproved_on: 2026-01-12\nrequires_acknowledgment: true') };
/** One acknowledgment row in a CSV file: its date on line 2, column 38 with JORDAN and version 3.0. */
const ack = (version: string, date: string) => ({ 'acknowledgments/2026.csv': `person,policy,version,date\n${JORDAN},POL-INFOSEC,${version},${date}\n` });
const training = (date: string) => ({ 'training/2026.csv': `person,course,date\n${JORDAN},security-awareness,${date}\n` });

testRule(rule, {
  valid: [
    { name: 'acknowledged on the start day, after the version was approved', files: { ...staff, ...infosec, ...ack('3.0', '2026-05-11') } },
    { name: 'trained on the start day', files: { ...staff, ...training('2026-05-11') } },
    { name: 'an acknowledgment of an older version is not judged against the current approval', files: { 'people.yaml': people({ id: JORDAN, start: '2020-01-06' }), ...infosec, ...ack('2.0', '2025-03-01') } },
    { name: 'a person with no start recorded', files: { 'people.yaml': people({ id: JORDAN }), ...training('2020-01-01') } },
    { name: 'a record of someone not in people.yaml is another rule\'s business', files: { ...staff, 'training/2026.csv': 'person,course,date\nghost@acme.example,security-awareness,2020-01-01\n' } },
  ],
  invalid: [
    {
      name: 'an acknowledgment (of an earlier version) 17 months before the person started',
      files: { ...staff, ...infosec, ...ack('2.0', '2024-12-11') },
      errors: [
        {
          file: 'acknowledgments/2026.csv',
          line: 2,
          column: 37,
          messageId: 'acknowledgmentBeforeStart',
          data: { person: JORDAN, policy: 'POL-INFOSEC', date: '2024-12-11', start: '2026-05-11' },
          message: 'Acknowledgment of POL-INFOSEC by jordan@acme.example is dated 2024-12-11, before they started on 2026-05-11.',
        },
      ],
    },
    {
      name: 'an acknowledgment of the current version before it was approved',
      files: { 'people.yaml': people({ id: JORDAN, start: '2020-01-06' }), ...infosec, ...ack('3.0', '2026-01-05') },
      errors: [
        {
          file: 'acknowledgments/2026.csv',
          line: 2,
          column: 37,
          messageId: 'acknowledgmentBeforeApproval',
          data: { person: JORDAN, policy: 'POL-INFOSEC', version: '3.0', date: '2026-01-05', approvedOn: '2026-01-12' },
          message: 'Acknowledgment of POL-INFOSEC version "3.0" by jordan@acme.example is dated 2026-01-05, before that version was approved on 2026-01-12.',
        },
      ],
    },
    {
      name: 'an acknowledgment both before the person started and before the version existed gives both findings',
      files: { ...staff, ...infosec, ...ack('3.0', '2024-12-11') , 'policies/infosec.md': policy('id: POL-INFOSEC\ntitle: Information Security\nstatus: approved\nversion: "3.0"\napproved_on: 2025-12-08') },
      errors: [
        { file: 'acknowledgments/2026.csv', line: 2, column: 37, messageId: 'acknowledgmentBeforeStart', data: { person: JORDAN, policy: 'POL-INFOSEC', date: '2024-12-11', start: '2026-05-11' } },
        { file: 'acknowledgments/2026.csv', line: 2, column: 37, messageId: 'acknowledgmentBeforeApproval', data: { person: JORDAN, policy: 'POL-INFOSEC', version: '3.0', date: '2024-12-11', approvedOn: '2025-12-08' } },
      ],
    },
    {
      name: 'training dated before the person started',
      files: { ...staff, ...training('2026-05-10') },
      errors: [
        {
          file: 'training/2026.csv',
          line: 2,
          column: 40,
          messageId: 'trainingBeforeStart',
          data: { person: JORDAN, course: 'security-awareness', date: '2026-05-10', start: '2026-05-11' },
        },
      ],
    },
  ],
});
