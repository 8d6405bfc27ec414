/**
 * Who is here, in real Chromium: one person with the board open in two tabs of one browser is
 * shown once, to others and to themselves, and someone typing in a design section is shown to
 * everyone else on that section's tab and above its text until they stop.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserFixture } from './fixture';

const fx = useBrowserFixture();

describe('people on the board', () => {
  it('shows one person for two tabs of the same browser', async () => {
    const session = await fx.createSession();
    const { page: first } = await fx.openBoard(session.links.candidate, 'Ada Lovelace');
    // A second tab of the same browser: the name is remembered, so no question is asked.
    const second = await first.context().newPage();
    await second.goto(fx.server.url + session.links.candidate);
    await second.locator('[data-testid="connection-status"][data-status="saved"]').waitFor();
    const { page: interviewer } = await fx.openBoard(session.links.interviewer, 'Grace');

    // Once both of Ada's tabs have reached the interviewer, they are one avatar standing for two tabs.
    const ada = interviewer.getByTestId('presence').locator('[data-name="Ada Lovelace"]');
    await interviewer.getByTestId('presence').locator('[data-name="Ada Lovelace"][data-tabs="2"]').waitFor();
    expect(await ada.count()).toBe(1);
    // The people are Ada and Grace (the AI reviewer, when it follows the board, is shown apart).
    const people = (page: typeof first) => page.locator('[data-testid="presence"] .avatar:not(.bot)');
    expect(await people(interviewer).count()).toBe(2);

    // Ada's own tabs count her once too, and show her in one colour.
    for (const page of [first, second]) {
      await page.getByTestId('presence').locator('[data-name="Grace"]').waitFor();
      expect(await page.locator('[data-testid="presence"] .avatar.self').count()).toBe(1);
      expect(await people(page).count()).toBe(2);
    }
    const colour = (page: typeof first) => page.locator('[data-testid="presence"] .avatar.self').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await colour(first)).toBe(await colour(second));

    // Closing one tab leaves her there, with one tab.
    await second.close();
    await interviewer.getByTestId('presence').locator('[data-name="Ada Lovelace"][data-tabs="1"]').waitFor();
    expect(await ada.count()).toBe(1);
  });

  it('shows who is typing in a section until they stop', async () => {
    const session = await fx.createSession();
    const { page: interviewer } = await fx.openBoard(session.links.interviewer, 'Grace');
    const { page: candidate } = await fx.openBoard(session.links.candidate, 'Ada');

    const tabMark = interviewer.getByTestId('section-tab-api').getByTestId('section-tab-typing');
    expect(await tabMark.count()).toBe(0);
    await candidate.getByTestId('section-tab-api').click();
    await candidate.getByTestId('section-api').click();
    await candidate.keyboard.type('GET /links/{code}', { delay: 40 });

    // On the interviewer's screen: a dot on the API tab, and the note above the text once it is open.
    await tabMark.waitFor({ timeout: 5000 });
    expect(await tabMark.getAttribute('aria-label')).toBe('(Ada is typing…)');
    await interviewer.getByTestId('section-tab-api').click();
    const note = interviewer.getByTestId('section-typing');
    await note.filter({ hasText: 'Ada is typing…' }).waitFor();
    // In Ada's colour, as her avatar shows it.
    const avatarColour = await interviewer.locator('[data-testid="presence"] [data-name="Ada"]').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await note.evaluate((el) => getComputedStyle(el).color)).toBe(avatarColour);
    // Ada sees no mark of her own typing.
    expect(await candidate.getByTestId('section-tab-typing').count()).toBe(0);
    expect(await candidate.getByTestId('section-typing').innerText()).toBe('');

    // She stops typing: the marks go (about 3 s after her last keystroke).
    await tabMark.waitFor({ state: 'detached', timeout: 10_000 });
    await interviewer.waitForFunction(() => document.querySelector('[data-testid="section-typing"]')?.textContent === '');

    // Typing again, then leaving the text: the marks go at once, without waiting for the pause.
    await candidate.keyboard.type(' → 302');
    await tabMark.waitFor({ timeout: 5000 });
    // A keystroke just before leaving: the pause alone would keep the marks 3 s longer.
    await candidate.keyboard.type('!');
    await candidate.getByTestId('section-tab-requirements').focus();
    await tabMark.waitFor({ state: 'detached', timeout: 2000 });
  });
});
