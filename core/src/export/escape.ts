/** Escaping for the three output languages: whatever a user wrote stays text. */

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML or SVG element content and quoted attribute values. */
export function escapeXml(text: string): string {
  // Control characters other than tab and newline are not allowed in XML at all.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\uFFFD');
}

/**
 * One line of Markdown that renders as exactly `text`: HTML is entity-encoded (so no tag
 * reaches a renderer), the punctuation that starts emphasis, code, links, tables or strike-through
 * is backslash-escaped, as is a line start that would make a heading or a list; line breaks
 * become spaces.
 */
export function mdInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^([-=+#])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Multi-line user text as a Markdown block quote, each line escaped, line breaks kept. */
export function mdQuote(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line) => (line.trim() === '' ? '>' : `> ${mdInline(line)}`)).join('  \n');
}

/** A table cell: inline text with its pipes escaped (mdInline already does). */
export function mdCell(text: string): string {
  return mdInline(text) || ' ';
}
