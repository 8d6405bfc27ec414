import { DesignDocError } from './errors';

/** Default size limit for one design doc: far above a real design, well below what hurts a server. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

function utf8Length(text: string, stopAbove: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The file as text with `\n` line endings and no byte-order mark. Bytes must be valid UTF-8;
 * a string must not hold NUL or other control characters (the mark of a binary file).
 * Throws `TOO_LARGE` or `NOT_TEXT`.
 */
export function readText(input: string | Uint8Array, maxBytes: number): string {
  let text: string;
  if (typeof input === 'string') {
    // Every UTF-16 unit is at least one UTF-8 byte, so a long string fails fast without counting.
    if (input.length > maxBytes || utf8Length(input, maxBytes) > maxBytes) throw tooLarge(maxBytes);
    text = input;
  } else {
    if (input.byteLength > maxBytes) throw tooLarge(maxBytes);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw new DesignDocError('NOT_TEXT', 'the file is not UTF-8 text');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  const bad = firstControlChar(text);
  if (bad >= 0) {
    const line = text.slice(0, bad).split('\n').length;
    const code = text.charCodeAt(bad).toString(16).padStart(4, '0');
    throw new DesignDocError('NOT_TEXT', `the file is not text: it contains the control character U+${code}`, line);
  }
  return text;
}

/** Index of the first control character other than tab, line feed and form feed, or -1. */
function firstControlChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c) || c === 0x7f) return i;
  }
  return -1;
}

function tooLarge(maxBytes: number): DesignDocError {
  return new DesignDocError('TOO_LARGE', `the file is larger than the limit of ${maxBytes} bytes`);
}
