/**
 * What the checklist's header says about how current it is. The server works the checklist out
 * again about a second after a change, but a node near its capacity spaces readings out (the
 * checklist pacer gives edits the loop first), so a reading can lag the board by tens of
 * seconds. Saying so beats showing an old reading as if it were live.
 */
export type Freshness = { state: 'current' | 'checking' | 'queued'; text: string };

/** After this long waiting, the lag is the server's load, not the usual second: say so. */
export const QUEUED_AFTER_MS = 5000;

export function checklistFreshness(checkingSince: number | null, now: number): Freshness {
  if (checkingSince === null) return { state: 'current', text: 'up to date' };
  const waited = Math.max(0, now - checkingSince);
  if (waited < QUEUED_AFTER_MS) return { state: 'checking', text: 'checking the latest changes…' };
  return { state: 'queued', text: `latest changes not checked yet (${Math.floor(waited / 1000)} s): the server is busy` };
}
