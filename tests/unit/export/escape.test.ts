import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeXml, mdInline } from '../../../core/src/export/escape';

/** A CommonMark renderer that, like GitHub, passes raw HTML through: escaping must not rely on it being off. */
const md = new MarkdownIt({ html: true });
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();

const NASTY = [
  '</script><script>alert(1)</script><img src=x onerror=alert(2)>',
  '**bold** _em_ `code` [link](javascript:alert(1)) ![img](http://x/y.png)',
  '# heading',
  '- list item',
  '+ plus item',
  '1. ordered',
  '2) ordered',
  '> quote',
  '| a | b |',
  '~~strike~~',
  'a\\*b\\',
  '&amp; &lt; &#60;',
  '<https://example.com>',
  '===',
  'line one\nline two',
];

describe('mdInline', () => {
  it.each(NASTY)('renders %j as exactly its text, with no tag', (text) => {
    const html = md.renderInline(mdInline(text));
    expect(html).not.toMatch(/<(?!\/?(p)\b)[a-z]/i);
    expect(textOf(html)).toBe(text.replace(/\s+/g, ' '));
    // As a block too: no heading, list or quote from the line start.
    expect(md.render(mdInline(text))).toMatch(/^<p>/);
  });
});

describe('escapeXml', () => {
  it('leaves no markup and no control character', () => {
    expect(escapeXml(`<a href="x" onclick='y'>&\u0001`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;\uFFFD');
  });
});
