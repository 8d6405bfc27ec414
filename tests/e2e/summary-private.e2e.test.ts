/**
 * Issue 11, point 5: the summary is the interviewer's. Their private notes and hire
 * recommendation are in their summary and never in the candidate's (page or API), and the
 * automatic review after a live round reaches the candidate only once the interviewer releases it.
 */
import { describe, expect, it } from 'vitest';
import type { CreatedSession } from '../support/board-client';
import { useBrowserFixture } from './fixture';

const fx = useBrowserFixture();

const summaryUrl = (session: CreatedSession, role: 'candidate' | 'interviewer') =>
  `${fx.server.url}/s/${session.id}/summary#token=${session.tokens[role]}`;

async function close(session: CreatedSession): Promise<void> {
  const res = await fetch(`${fx.server.url}/api/sessions/${session.id}/close`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.tokens.interviewer}` },
  });
  expect(res.status).toBe(200);
}

describe('the summary is the interviewer’s', () => {
  it('shows the private notes in the interviewer’s summary and never in the candidate’s', async () => {
    const session = await fx.createSession();
    const { page: interviewer } = await fx.openBoard(session.links.interviewer, 'Grace');
    const tools = interviewer.getByRole('tablist', { name: 'Interviewer tools' });
    await tools.getByRole('tab', { name: 'Notes' }).click();
    const note = 'Private: strong on IDs, hand-waved the cache';
    await interviewer.getByRole('textbox', { name: 'New note' }).fill(note);
    await interviewer.getByRole('button', { name: 'Save note' }).click();
    await interviewer.getByTestId('notes').filter({ hasText: note }).waitFor();
    await close(session);

    await interviewer.goto(summaryUrl(session, 'interviewer'));
    await interviewer.getByTestId('summary').waitFor();
    await interviewer.getByTestId('summary-private-notes').filter({ hasText: note }).waitFor();

    const { page: candidate } = await fx.newPage();
    await candidate.goto(summaryUrl(session, 'candidate'));
    await candidate.getByTestId('summary').waitFor();
    await candidate.getByTestId('summary-questions').waitFor();
    expect(await candidate.getByTestId('summary-private-notes').count()).toBe(0);
    expect(await candidate.content()).not.toContain('hand-waved');

    const api = await fetch(`${fx.server.url}/api/sessions/${session.id}/summary`, { headers: { authorization: `Bearer ${session.tokens.candidate}` } });
    expect(api.status).toBe(200);
    expect(await api.text()).not.toContain('hand-waved');
  });

  it('keeps the recommendation private and holds the automatic review back until released', async () => {
    const session = await fx.createSession();
    const { page: interviewer } = await fx.openBoard(session.links.interviewer, 'Grace');
    const tools = interviewer.getByRole('tablist', { name: 'Interviewer tools' });
    await tools.getByRole('tab', { name: 'Rubric' }).click();
    // The level descriptors of the rubric are beside the 0–4 buttons.
    await interviewer.getByTestId('rubric-requirements').getByText('No requirements stated.').waitFor();
    const form = interviewer.getByTestId('recommendation');
    await form.getByRole('radio', { name: 'Lean hire' }).check();
    await form.getByRole('textbox', { name: 'Reason' }).fill('Solid basics; needs depth on caching');
    await form.getByRole('button', { name: 'Save recommendation' }).click();
    await form.getByText('Saved').waitFor();
    await close(session);

    await interviewer.goto(summaryUrl(session, 'interviewer'));
    await interviewer.getByTestId('summary-recommendation').filter({ hasText: 'Lean hire' }).filter({ hasText: 'needs depth on caching' }).waitFor();
    await interviewer.getByTestId('rules-review').waitFor();

    const { page: candidate } = await fx.newPage();
    await candidate.goto(summaryUrl(session, 'candidate'));
    await candidate.getByTestId('review-held').waitFor();
    expect(await candidate.getByTestId('rules-review').count()).toBe(0);
    expect(await candidate.content()).not.toContain('needs depth on caching');

    await interviewer.getByRole('button', { name: 'Release the review to the candidate' }).click();
    await interviewer.getByTestId('review-released').waitFor();
    await candidate.reload();
    await candidate.getByTestId('rules-review').waitFor();
  });
});
