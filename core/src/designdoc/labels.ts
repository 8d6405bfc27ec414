/**
 * Label text inside Mermaid. Mermaid has no backslash escapes; it decodes entity codes written
 * `#quot;` or `#35;`. The formatter encodes every character that could end or confuse a label
 * that way, and the parser decodes them, so any label round-trips exactly.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: '\u00a0',
  num: '#',
};

/** Decodes Mermaid entity codes (`#quot;`, `#35;`); unknown names are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/#(\d{1,7}|[A-Za-z]{2,8});/g, (whole, code: string) => {
    if (/^\d/.test(code)) {
      const point = Number(code);
      return point <= 0x10ffff ? String.fromCodePoint(point) : whole;
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

const ENCODED: Readonly<Record<string, string>> = {
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
  '|': '#124;',
};

/**
 * Encodes a label for use between double quotes. `<` and `>` are encoded too, so an exported
 * file never carries markup even where a renderer does not sanitise labels. `#` is encoded
 * only where it would otherwise read as the start of an entity code.
 */
export function encodeQuotedLabel(label: string): string {
  let out = '';
  for (let i = 0; i < label.length; i++) {
    const ch = label.charAt(i);
    const code = label.charCodeAt(i);
    if (ch === '#' && /^#(\d{1,7}|[A-Za-z]{2,8});/.test(label.slice(i))) out += '#35;';
    else if (ENCODED[ch] !== undefined) out += ENCODED[ch];
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff && !isPairedSurrogate(label, i))) {
      out += `#${code};`;
    } else out += ch;
  }
  return out;
}

function isPairedSurrogate(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  const prev = text.charCodeAt(i - 1);
  return prev >= 0xd800 && prev <= 0xdbff;
}

/** Labels that read back unchanged without quotes (and that Mermaid accepts bare). */
const PLAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N} _.,/'+-]*[\p{L}\p{N}_.])?$/u;

/** The label as written inside a node shape or edge pipes: bare when safe, else quoted and encoded. */
export function writeLabel(label: string): string {
  return PLAIN_LABEL.test(label) ? label : `"${encodeQuotedLabel(label)}"`;
}
