import { describe, expect, it } from 'vitest';
import { useBrowserFixture } from './fixture';

/** The sections' Markdown preview: formatting shows, and typed HTML never becomes markup. */
const fx = useBrowserFixture();

describe('section preview', () => {
  it('renders Markdown as formatting and HTML as text, for the other participant too', async () => {
    const session = await fx.createSession();
    const { page: writer, dialogs: writerDialogs } = await fx.openBoard(session.links.candidate, 'Ada');
    const { page: reader, dialogs: readerDialogs } = await fx.openBoard(session.links.interviewer, 'Grace');

    await writer.locator('[data-testid="section-requirements"]').fill('## Scope\n- **redirects** under 50 ms\n<img src=x onerror=alert(1)>');
    await reader.locator('[data-testid="section-preview-toggle"]').click();
    const preview = reader.locator('[data-testid="section-preview-requirements"]');
    await preview.locator('h2', { hasText: 'Scope' }).waitFor();
    expect(await preview.locator('strong').textContent()).toBe('redirects');
    expect(await reader.locator('img[src="x"]').count()).toBe(0);
    expect([...writerDialogs, ...readerDialogs]).toEqual([]);

    // Back to writing: the text is intact and still editable.
    await reader.getByRole('button', { name: 'Write' }).click();
    expect(await reader.locator('[data-testid="section-requirements"]').inputValue()).toContain('<img src=x onerror=alert(1)>');
  });
});
