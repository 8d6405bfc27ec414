import type { Person } from '../../store/presence';
import type { UserField } from './awareness-state';

/** One awareness state with a valid `user`, and when it last changed (this page's clock). */
export interface Participant {
  clientId: number;
  user: UserField;
  changedAt: number;
}

/** The person a state belongs to: its browser id, or the connection itself without one (the AI reviewer, old clients). */
export function personKey(clientId: number, user: UserField): string {
  return user.id !== undefined && !user.bot ? `b:${user.id}` : `c:${clientId}`;
}

/**
 * Who is here, one entry per person however many tabs they have open: states are grouped by
 * browser id. A group stands for its tab that changed last (the one the person is using), or
 * for this tab when it is one of them; `clientIds` lists all its tabs. This user first, then by name.
 */
export function groupPeople(participants: readonly Participant[], self: number): Person[] {
  const groups = new Map<string, Participant[]>();
  for (const p of participants) {
    const key = personKey(p.clientId, p.user);
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const people: Person[] = [];
  for (const group of groups.values()) {
    const mine = group.some((p) => p.clientId === self);
    const shown = mine
      ? group.find((p) => p.clientId === self)
      : group.reduce((best, p) => (p.changedAt > best.changedAt || (p.changedAt === best.changedAt && p.clientId < best.clientId) ? p : best));
    if (!shown) continue;
    const clientIds = group.map((p) => p.clientId).sort((a, b) => a - b);
    people.push({ clientId: shown.clientId, ...shown.user, self: mine, clientIds });
  }
  return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/**
 * Whom "following" means once tabs are grouped: the tab now standing for the followed
 * person, or null when the person has left (or it is this user, in another tab).
 */
export function followedClient(people: readonly Person[], following: number | null): number | null {
  if (following === null) return null;
  const person = people.find((p) => p.clientIds.includes(following));
  return person && !person.self ? person.clientId : null;
}
