import { describe, expect, it } from 'vitest';
import { BOARD_LIMITS } from '../../core/src';
import { checkClipboardText, PAYLOAD_TYPE, shorten } from '../../client/src/store/clipboard-check';

const node = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'service', label: id, x: 0, y: 0, notes: '', props: {}, ...extra });
const text = (value: unknown) => JSON.stringify(value);

describe('clipboard payloads are validated before they reach the board', () => {
  it('ignores text that is not a Designroom payload', () => {
    expect(checkClipboardText('hello')).toBeNull();
    expect(checkClipboardText('{"type":"other"}')).toBeNull();
    expect(checkClipboardText('[1,2]')).toBeNull();
  });

  it('accepts a valid payload and drops keys the schema does not know', () => {
    const check = checkClipboardText(text({ type: PAYLOAD_TYPE, nodes: [node('a', { evil: '<img>' })], edges: [{ id: 'e', source: 'a', target: 'a', __proto__x: 1 }] }));
    expect(check?.ok).toBe(true);
    if (!check?.ok) return;
    expect(check.payload.nodes[0]).not.toHaveProperty('evil');
    expect(check.payload.edges[0]).toEqual({ id: 'e', source: 'a', target: 'a', label: '', mode: 'sync' });
    expect(check.notices).toEqual([]);
  });

  it.each([
    ['an unknown kind', { type: PAYLOAD_TYPE, nodes: [node('a', { kind: 'script' })], edges: [] }, 'nodes.0.kind'],
    ['an id outside the safe alphabet', { type: PAYLOAD_TYPE, nodes: [node('a" onload="x')], edges: [] }, 'nodes.0.id'],
    ['a coordinate that is not a finite number', { type: PAYLOAD_TYPE, nodes: [node('a', { x: 'NaN' })], edges: [] }, 'nodes.0.x'],
    ['no nodes at all', { type: PAYLOAD_TYPE, nodes: [], edges: [] }, 'nodes'],
    ['nodes that are not a list', { type: PAYLOAD_TYPE, nodes: { a: 1 }, edges: [] }, 'nodes'],
    ['too many nodes', { type: PAYLOAD_TYPE, nodes: Array.from({ length: BOARD_LIMITS.maxNodes + 1 }, (_, i) => node(`n${i}`)), edges: [] }, 'nodes'],
  ])('refuses %s with a message naming the field', (_what, payload, field) => {
    const check = checkClipboardText(text(payload));
    expect(check?.ok).toBe(false);
    if (check?.ok !== false) return;
    expect(check.message).toContain('Nothing was pasted');
    expect(check.message).toContain(field);
  });

  it('shortens a 693-character label, says so, and keeps the full label in the notes', () => {
    const long = 'x'.repeat(693);
    const check = checkClipboardText(text({ type: PAYLOAD_TYPE, nodes: [node('a', { label: long, notes: 'mine' })], edges: [{ id: 'e', source: 'a', target: 'a', label: long }] }));
    expect(check?.ok).toBe(true);
    if (!check?.ok) return;
    const pasted = check.payload.nodes[0]!;
    expect(pasted.label).toHaveLength(BOARD_LIMITS.maxLabelLength);
    expect(pasted.label.endsWith('…')).toBe(true);
    expect(pasted.notes).toBe(`mine\n\nFull label: ${long}`);
    expect(check.payload.edges[0]!.label).toHaveLength(BOARD_LIMITS.maxLabelLength);
    expect(check.notices.join(' ')).toMatch(/2 labels were longer than 200 characters.*shortened/);
  });

  it('never splits a surrogate pair when shortening', () => {
    const cut = shorten('a'.repeat(198) + '😀😀', 200);
    expect(cut).toBe('a'.repeat(198) + '…');
    expect(shorten('short', 200)).toBe('short');
  });
});
