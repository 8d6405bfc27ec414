import { describe, expect, it } from 'vitest';
import type { UserField } from '../../client/src/board/presence/awareness-state';
import { readTyping, readUser } from '../../client/src/board/presence/awareness-state';
import { followedClient, groupPeople, type Participant } from '../../client/src/board/presence/group-people';

const ada: UserField = { name: 'Ada', color: '#e5484d', role: 'candidate', id: 'bbrowser-ada' };
const grace: UserField = { name: 'Grace', color: '#0090ff', role: 'interviewer', id: 'bbrowser-grace' };
const bot: UserField = { name: 'AI reviewer', color: '#6e56cf', role: null, bot: true };
const at = (clientId: number, user: UserField, changedAt = 0): Participant => ({ clientId, user, changedAt });

describe('grouping awareness states into people', () => {
  it('shows two tabs of one browser as one person, standing for the tab that changed last', () => {
    const people = groupPeople([at(1, grace), at(7, ada, 100), at(3, ada, 250)], 1);
    expect(people.map((p) => [p.name, p.clientId, p.clientIds, p.self])).toEqual([
      ['Grace', 1, [1], true],
      ['Ada', 3, [3, 7], false],
    ]);
    expect(groupPeople([at(1, grace), at(7, ada, 300), at(3, ada, 250)], 1)[1]?.clientId).toBe(7);
  });

  it('counts this user once when another of their tabs is open, standing for this tab', () => {
    const people = groupPeople([at(5, ada, 900), at(2, ada, 10), at(4, grace)], 2);
    expect(people.map((p) => [p.name, p.clientId, p.self])).toEqual([
      ['Ada', 2, true],
      ['Grace', 4, false],
    ]);
  });

  it('keeps people without a browser id, and the AI reviewer, apart', () => {
    const anon: UserField = { name: 'Ada', color: '#30a46c', role: 'candidate' };
    const people = groupPeople([at(1, grace), at(2, anon), at(3, anon), at(9, bot), at(10, { ...bot, id: 'bbrowser-grace' })], 1);
    expect(people.map((p) => p.clientId).sort((a, b) => a - b)).toEqual([1, 2, 3, 9, 10]);
  });

  it('moves "following" to the tab now standing for the person, and drops it when they left', () => {
    const people = groupPeople([at(1, grace), at(7, ada, 100), at(3, ada, 250)], 1);
    expect(followedClient(people, 7)).toBe(3);
    expect(followedClient(people, 3)).toBe(3);
    expect(followedClient(people, 42)).toBeNull();
    expect(followedClient(people, null)).toBeNull();
    // Following oneself (another tab of this browser) means nothing.
    expect(followedClient(groupPeople([at(1, grace), at(8, grace)], 1), 8)).toBeNull();
  });
});

describe('reading the new awareness fields from other browsers', () => {
  it('keeps a well-formed browser id and drops anything else', () => {
    expect(readUser({ user: { name: 'Ada', role: 'candidate', id: 'bm3x-0a1b2c' } }, 1)?.id).toBe('bm3x-0a1b2c');
    expect(readUser({ user: { name: 'Ada', role: 'candidate', id: '<script>' } }, 1)?.id).toBeUndefined();
    expect(readUser({ user: { name: 'Ada', role: 'candidate', id: 'x'.repeat(65) } }, 1)?.id).toBeUndefined();
    expect(readUser({ user: { name: 'Bot', role: null, bot: true, id: 'bm3x' } }, 1)).toEqual({ name: 'Bot', color: expect.any(String), role: null, bot: true });
  });

  it('reads typing only for a known section', () => {
    expect(readTyping({ typing: { section: 'api', at: 5 } })).toEqual({ section: 'api', at: 5 });
    expect(readTyping({ typing: { section: 'nowhere', at: 5 } })).toBeNull();
    expect(readTyping({ typing: { section: 'api' } })).toBeNull();
    expect(readTyping({ typing: null })).toBeNull();
    expect(readTyping(null)).toBeNull();
  });
});
