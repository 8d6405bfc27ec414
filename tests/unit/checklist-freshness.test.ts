import { describe, expect, it } from 'vitest';
import { checklistFreshness, QUEUED_AFTER_MS } from '../../client/src/practice/checklist-freshness';

describe("the checklist's freshness line", () => {
  it('is current with nothing waiting, checking for the usual second, and says the server is busy after that', () => {
    // Not "your" changes: an interviewer reads the same line about the candidate's.
    expect(checklistFreshness(1, 2).text).toBe('checking the latest changes…');
    expect(checklistFreshness(null, 50_000)).toEqual({ state: 'current', text: 'up to date' });
    expect(checklistFreshness(10_000, 10_000 + QUEUED_AFTER_MS - 1).state).toBe('checking');
    const late = checklistFreshness(10_000, 33_400);
    expect(late.state).toBe('queued');
    expect(late.text).toContain('23 s');
    expect(late.text).toContain('busy');
  });

  it('never shows a negative wait when the clock steps back', () => {
    expect(checklistFreshness(10_000, 9_000).state).toBe('checking');
  });
});
