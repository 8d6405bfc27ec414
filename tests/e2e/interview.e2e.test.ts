/**
 * The interview around the board in real Chromium against the real server: a whole round
 * (follow-up, answer, scores, end, summary) and user-written text that looks like HTML staying
 * text everywhere. Every wait is for a condition in the page, never a fixed sleep.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserFixture, waitForNodeCount, type OpenedPage } from './fixture';

const fx = useBrowserFixture();

/** Opens a board link as `fx.openBoard` does, then waits for the interview bar around it. */
async function openBoard(link: string, name: string): Promise<OpenedPage> {
  const opened = await fx.openBoard(link, name);
  await opened.page.getByTestId('interview-bar').waitFor();
  return opened;
}

describe('interview e2e', () => {
  it('runs a whole round: follow-up, answer, scores, end, summary with both reviews', async () => {
    const session = await fx.createSession();
    const { page: interviewer } = await openBoard(session.links.interviewer, 'Grace');
    const { page: candidate } = await openBoard(session.links.candidate, 'Ada');

    // The clock is the interviewer's: the candidate sees it run but has no controls.
    expect(await candidate.getByRole('button', { name: 'Start' }).count()).toBe(0);
    await interviewer.getByRole('button', { name: 'Start' }).click();
    await candidate.waitForFunction(() => document.querySelector('[data-testid="timer-clock"]')?.textContent !== '00:00');
    await interviewer.getByRole('button', { name: 'Next phase' }).click();
    await candidate.locator('.iv-phases li[aria-current="step"]', { hasText: 'Estimation' }).waitFor();

    await candidate.getByRole('button', { name: 'Add service' }).click();
    await waitForNodeCount(interviewer, 1);

    // The interviewer sends the prompt's first follow-up; the candidate's queue opens with it.
    const followUp = interviewer.getByTestId('follow-up').first();
    const question = (await followUp.locator('.iv-question-text').textContent())!;
    await followUp.getByRole('button', { name: /^Send/ }).click();
    const asked = candidate.getByTestId('question').filter({ hasText: question });
    await asked.waitFor();
    const answer = 'Base62 of a counter from a ticket server, 7 chars';
    await asked.getByRole('textbox', { name: 'Your answer' }).fill(answer);
    await asked.getByRole('button', { name: 'Send' }).click();
    await asked.getByTestId('answer').filter({ hasText: answer }).waitFor();
    await interviewer.getByTestId('answer').filter({ hasText: answer }).waitFor();

    // Two rubric scores and a private note.
    const tools = interviewer.getByRole('tablist', { name: 'Interviewer tools' });
    await tools.getByRole('tab', { name: 'Rubric' }).click();
    await interviewer.getByRole('button', { name: 'Requirements: 3' }).click();
    await interviewer.locator('[aria-label="Requirements: 3"][aria-pressed="true"]').waitFor();
    await interviewer.getByRole('button', { name: 'Scaling: 2' }).click();
    await interviewer.locator('[aria-label="Scaling: 2"][aria-pressed="true"]').waitFor();
    await tools.getByRole('tab', { name: 'Notes' }).click();
    await interviewer.getByRole('textbox', { name: 'New note' }).fill('Good on IDs, vague on caching');
    await interviewer.getByRole('button', { name: 'Save note' }).click();
    await interviewer.getByTestId('notes').filter({ hasText: 'vague on caching' }).waitFor();

    // End, after an in-page confirmation; both sides see the banner.
    await interviewer.getByRole('button', { name: 'End session' }).click();
    await interviewer.getByRole('alertdialog', { name: 'End this session?' }).getByRole('button', { name: 'End session' }).click();
    await candidate.getByRole('link', { name: 'Session ended — view summary' }).waitFor();
    await interviewer.getByRole('link', { name: 'Session ended — view summary' }).click();

    await interviewer.getByTestId('summary').waitFor();
    expect(interviewer.url().split('#')[0]).toBe(`${fx.server.url}/s/${session.id}/summary`);
    await interviewer.getByTestId('rules-review').waitFor();
    const human = interviewer.getByTestId('human-review');
    await human.locator('tr', { hasText: 'Requirements' }).filter({ hasText: '3 / 4' }).waitFor();
    await human.locator('tr', { hasText: 'Scaling' }).filter({ hasText: '2 / 4' }).waitFor();
    const qa = interviewer.getByTestId('summary-questions');
    await qa.getByText(question).waitFor();
    await qa.getByText(answer).waitFor();
    await interviewer.getByTestId('summary-phases').getByText('Estimation').waitFor();
    await interviewer.getByTestId('replay-node').first().waitFor();
  });

  it('renders HTML-looking labels, sections and comments as text on the board and the summary page', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const session = await fx.createSession();
    const doc = [
      '---',
      'prompt: url-shortener',
      'title: Escaping check',
      '---',
      '',
      '## Requirements',
      `- ${payload} must show as text`,
      '',
      '## High-level design',
      '```mermaid',
      'flowchart LR',
      `  api[${payload}] --> db[(URL store)]`,
      '```',
      '',
    ].join('\n');
    const put = await fx.putDocument(session, doc);
    expect(put.status, await put.clone().text()).toBe(200);

    const { page: board, dialogs: boardDialogs } = await openBoard(session.links.candidate, 'Ada');
    await board.locator('.react-flow__node', { hasText: payload }).waitFor();
    await board.waitForFunction(
      (text) => (document.querySelector('[data-testid="section-requirements"]') as HTMLTextAreaElement | null)?.value.includes(text) ?? false,
      payload,
    );
    expect(await board.locator('img[src="x"]').count()).toBe(0);

    // A comment on that component, with the same payload.
    await board.locator('.react-flow__node', { hasText: payload }).click();
    await board.getByRole('button', { name: /^Comments/ }).click();
    await board.getByRole('textbox', { name: 'New comment' }).fill(`why ${payload}?`);
    await board.getByRole('button', { name: 'Comment', exact: true }).click();
    await board.locator('[data-testid="comment"]', { hasText: `why ${payload}?` }).waitFor();
    await board.locator('[data-testid="connection-status"][data-status="saved"]').waitFor();

    const close = await fetch(`${fx.server.url}/api/sessions/${session.id}/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.tokens.interviewer}` },
    });
    expect(close.status).toBe(200);
    await board.getByRole('link', { name: 'Session ended — view summary' }).waitFor();

    const { page: summary, dialogs: summaryDialogs } = await fx.newPage();
    await summary.goto(`${fx.server.url}/s/${session.id}/summary#token=${session.tokens.interviewer}`);
    await summary.getByTestId('rules-review').waitFor();
    const replay = summary.getByTestId('replay-board');
    await replay.locator('[data-testid="replay-node"]', { hasText: payload }).waitFor();
    await replay.getByText(`${payload} must show as text`).waitFor();
    const comment = summary.getByTestId('summary-comment');
    expect(await comment.locator('p').textContent()).toBe(`why ${payload}?`);
    expect(await comment.textContent()).toContain(`on ${payload}`);
    expect(await summary.locator('img[src="x"]').count()).toBe(0);
    expect(await board.locator('img[src="x"]').count()).toBe(0);
    expect([...boardDialogs, ...summaryDialogs]).toEqual([]);
  });
});
