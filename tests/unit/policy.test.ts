import { describe, expect, it } from 'vitest';
import { ACTIONS, may, type Action } from '../../core/src';

/**
 * The policy table against the README's role table, written out by hand: a change to who may
 * do what must change both. (roles.test.ts then checks the server enforces the table.)
 */
type Row = [candidate: boolean, interviewer: boolean, observer: boolean];
const README: Record<Action, { live: Row; solo: Row; sharedObserver?: boolean }> = {
  'board.read': { live: [true, true, true], solo: [true, true, true] },
  'board.write': { live: [true, true, false], solo: [true, true, false] },
  'comment.write': { live: [true, true, false], solo: [true, true, false] },
  'questions.read': { live: [true, true, true], solo: [true, true, true] },
  'question.ask': { live: [false, true, false], solo: [false, true, false] },
  'question.answer': { live: [true, false, false], solo: [true, false, false] },
  'timer.control': { live: [false, true, false], solo: [true, true, false] },
  'note.add': { live: [false, true, false], solo: [false, true, false] },
  'scores.update': { live: [false, true, false], solo: [false, true, false] },
  'verdict.write': { live: [false, true, false], solo: [false, true, false] },
  'answer.add': { live: [true, false, false], solo: [true, false, false] },
  'hints.read': { live: [false, true, false], solo: [true, true, false] },
  'curveball.add': { live: [false, true, false], solo: [true, true, false] },
  'share.manage': { live: [false, true, false], solo: [true, true, false] },
  'share.private': { live: [false, true, false], solo: [false, true, false] },
  'notes.share': { live: [false, true, false], solo: [false, true, false] },
  'private.read': { live: [false, true, false], solo: [false, true, false], sharedObserver: true },
  'prompt.read': { live: [false, true, false], solo: [false, true, false] },
  'review.run': { live: [true, true, false], solo: [true, true, false] },
  'session.close': { live: [false, true, false], solo: [true, true, false] },
};

describe('the role policy table', () => {
  it('says what the README says, action by action, in both modes', () => {
    expect(ACTIONS.sort()).toEqual((Object.keys(README) as Action[]).sort());
    for (const action of ACTIONS) {
      for (const mode of ['live', 'solo'] as const) {
        const actual: Row = [may('candidate', action, { mode }), may('interviewer', action, { mode }), may('observer', action, { mode })];
        expect(actual, `${action} (${mode})`).toEqual(README[action][mode]);
        expect(may('observer', action, { mode, shared: true }), `${action} (${mode}, shared)`).toBe(README[action][mode][2] || Boolean(README[action].sharedObserver));
        expect(may(null, action, { mode })).toBe(false);
      }
    }
  });
});
