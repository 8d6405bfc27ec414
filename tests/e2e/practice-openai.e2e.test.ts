/**
 * The practice coach with the OpenAI reviewer configured (the real `openai` SDK in the server,
 * talking to a local fake of the OpenAI HTTP API): the model is offered and chosen by default,
 * its critique says so, and when the model fails the rules reviewer's critique comes with a
 * warning the candidate sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { useBrowserFixture } from './fixture';

let fake: FakeOpenAI;
const env: Record<string, string> = {};
// Registered before the fixture's hooks, so the server starts with the fake's address.
beforeAll(async () => {
  fake = await startFakeOpenAI();
  Object.assign(env, { OPENAI_API_KEY: 'sk-test-not-a-real-key', OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'fake-model', OPENAI_TIMEOUT_MS: '5000' });
});
afterAll(async () => {
  await fake?.close();
});
const fx = useBrowserFixture({ env });

describe('practice with the OpenAI reviewer', () => {
  it('offers the model, shows its critique, and never hides a fallback to the rules reviewer', async () => {
    const session = await fx.createSession('solo');
    expect((await fx.putDocument(session, '---\nprompt: url-shortener\n---\n\n## Requirements\nUsers shorten links and get redirected quickly.\n')).ok).toBe(true);
    const { page } = await fx.openBoard(session.links.candidate, 'Ada');
    const chooser = page.getByRole('combobox', { name: 'Choose the reviewer' });
    await chooser.waitFor();
    expect(await chooser.inputValue()).toBe('openai');
    expect(await chooser.locator('option').allTextContents()).toEqual(['Rules reviewer (offline)', 'OpenAI model · fake-model']);

    fake.respond('good');
    await page.getByTestId('get-critique').click();
    const first = page.locator('[aria-label="Critique 1"]');
    await first.waitFor();
    expect(await first.getAttribute('data-reviewer')).toBe('openai');
    expect(await first.getByText('You asked for the OpenAI model').count()).toBe(0);

    fake.respond('http-500');
    await page.getByTestId('get-critique').click();
    const second = page.locator('[aria-label="Critique 2"]');
    await second.waitFor();
    expect(await second.getAttribute('data-reviewer')).toBe('rules');
    const warning = second.getByTestId('critique-warnings');
    expect(await warning.getAttribute('role')).toBe('alert');
    expect(await warning.textContent()).toContain('You asked for the OpenAI model, but it did not answer');

    // After a reload the fallback is still shown: the stored review's metadata remembers what was asked.
    await page.reload();
    await page.getByRole('tab', { name: 'Critique' }).click();
    await page.locator('[aria-label="Critique 2"]').getByTestId('critique-warnings').getByText('You asked for the OpenAI model').waitFor();
  });
});
