// changeApproval: the one judgement of a change's approval, shared by unreviewed-change and the audit request list.
// The rule's table (test/rules/unreviewed-change.test.ts) covers what is reported; this covers what is returned.
import { describe, expect, it } from 'vitest';
import { CHANGE_APPROVAL_DEFAULTS, changeApproval } from '../../src/model/changes.js';
import type { Change } from '../../src/model/population.js';

function change(fields: Partial<Change>): Change {
  return {
    id: '#1',
    date: '2026-03-02',
    at: { file: 'populations/changes.json', line: 3, column: 5, endLine: 3, endColumn: 16, record: '#1' },
    endLine: 20,
    evidence: [],
    author: 'alice',
    authorIsBot: false,
    mergedAt: '2026-03-02T15:00:00Z',
    reviews: [],
    labels: [],
    ...fields,
  };
}

describe('changeApproval', () => {
  it('names the approval that counts: the first independent one on the last commit', () => {
    const judged = changeApproval(
      change({
        lastCommitAt: '2026-03-02T10:00:00Z',
        reviews: [
          { by: 'bob', state: 'APPROVED', at: '2026-03-02T09:00:00Z' },
          { by: 'carol', state: 'APPROVED', at: '2026-03-02T12:00:00Z' },
          { by: 'dan', state: 'APPROVED', at: '2026-03-02T11:00:00Z' },
        ],
      }),
      CHANGE_APPROVAL_DEFAULTS,
      '2026-07-01',
    );
    expect(judged).toEqual({ state: 'approved', approval: { by: 'dan', at: '2026-03-02T11:00:00Z', afterMerge: false }, emergency: false });
  });

  it('marks an emergency change approved after its merge, and one still within its days as pending', () => {
    const emergency = change({ labels: ['Emergency'], reviews: [{ by: 'bob', state: 'APPROVED', at: '2026-03-03T09:00:00Z' }] });
    expect(changeApproval(emergency, CHANGE_APPROVAL_DEFAULTS, '2026-07-01')).toEqual({ state: 'approved', approval: { by: 'bob', at: '2026-03-03T09:00:00Z', afterMerge: true }, emergency: true });
    expect(changeApproval(change({ labels: ['emergency'] }), CHANGE_APPROVAL_DEFAULTS, '2026-03-04')).toEqual({ state: 'pending', due: '2026-03-04' });
    expect(changeApproval(change({ labels: ['emergency'] }), CHANGE_APPROVAL_DEFAULTS, '2026-03-05')).toMatchObject({ state: 'unapproved', reason: 'emergency-none', due: '2026-03-04' });
  });

  it('leaves bots out: marked by the export, or named in the options', () => {
    expect(changeApproval(change({ authorIsBot: true }), CHANGE_APPROVAL_DEFAULTS, '2026-07-01')).toEqual({ state: 'bot' });
    expect(changeApproval(change({ author: 'Deploy-Robot' }), { ...CHANGE_APPROVAL_DEFAULTS, bots: ['deploy-robot'] }, '2026-07-01')).toEqual({ state: 'bot' });
  });

  it('names the approval a reason is about', () => {
    const self = changeApproval(change({ reviews: [{ by: 'ALICE', state: 'APPROVED', at: '2026-03-02T11:00:00Z' }] }), CHANGE_APPROVAL_DEFAULTS, '2026-07-01');
    expect(self).toMatchObject({ state: 'unapproved', reason: 'self', merged: '2026-03-02T15:00:00Z', approval: { by: 'ALICE' } });
    const stale = changeApproval(
      change({ lastCommitAt: '2026-03-02T14:00:00Z', reviews: [{ by: 'bob', state: 'APPROVED', at: '2026-03-02T09:00:00Z' }, { by: 'carol', state: 'APPROVED', at: '2026-03-02T13:00:00Z' }] }),
      CHANGE_APPROVAL_DEFAULTS,
      '2026-07-01',
    );
    expect(stale).toMatchObject({ reason: 'before-last-commit', approval: { by: 'carol' } });
  });
});
