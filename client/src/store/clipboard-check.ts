/**
 * What the clipboard may bring onto the board. A payload is text that anyone can put on the
 * system clipboard, so it is parsed with the board's own zod schemas before it touches the
 * document; anything that fails is refused whole with a message naming the first problem.
 * Labels longer than the board allows are the one thing repaired rather than refused: they are
 * shortened and the user is told, and a component's full label is kept in its notes so no
 * text is lost.
 */
import { z } from 'zod';
import { BOARD_LIMITS, boardEdgeSchema, boardNodeSchema, type BoardEdge, type BoardNode } from '../../../core/src';

export const PAYLOAD_TYPE = 'designroom/nodes@1';

export interface ClipboardPayload {
  type: typeof PAYLOAD_TYPE;
  /** Positions are absolute, except for nodes whose parent is in the payload too. */
  nodes: BoardNode[];
  edges: BoardEdge[];
}

const payloadSchema = z.object({
  type: z.literal(PAYLOAD_TYPE),
  nodes: z.array(boardNodeSchema).min(1).max(BOARD_LIMITS.maxNodes),
  edges: z.array(boardEdgeSchema).max(BOARD_LIMITS.maxEdges),
});

export type ClipboardCheck =
  | { ok: true; payload: ClipboardPayload; notices: string[] }
  | { ok: false; message: string };

const FULL_LABEL = 'Full label: ';

/** Cuts `text` to at most `max` UTF-16 units, ending in "…", without splitting a surrogate pair. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Shortens over-long labels in place on a copy, counting what it changed. */
function fitLabels(value: Record<string, unknown>): { value: Record<string, unknown>; shortened: number } {
  const max = BOARD_LIMITS.maxLabelLength;
  let shortened = 0;
  const fit = (item: unknown, keepInNotes: boolean): unknown => {
    const entry = record(item);
    if (!entry || typeof entry.label !== 'string' || entry.label.length <= max) return item;
    shortened++;
    const out: Record<string, unknown> = { ...entry, label: shorten(entry.label, max) };
    const notes = typeof entry.notes === 'string' ? entry.notes : '';
    const kept = `${notes}${notes ? '\n\n' : ''}${FULL_LABEL}${entry.label}`;
    if (keepInNotes && kept.length <= BOARD_LIMITS.maxNotesLength) out.notes = kept;
    return out;
  };
  const nodes = Array.isArray(value.nodes) ? value.nodes.map((n) => fit(n, true)) : value.nodes;
  const edges = Array.isArray(value.edges) ? value.edges.map((e) => fit(e, false)) : value.edges;
  return { value: { ...value, nodes, edges }, shortened };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it is not a valid list of components';
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/**
 * Checks clipboard text. Returns null when the text is not a Designroom payload at all (plain
 * text, a design doc to import), else the validated payload or the reason it was refused.
 */
export function checkClipboardText(text: string): ClipboardCheck | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const value = record(parsed);
  if (!value || value.type !== PAYLOAD_TYPE) return null;
  const { value: fitted, shortened } = fitLabels(value);
  const result = payloadSchema.safeParse(fitted);
  if (!result.success) {
    return { ok: false, message: `Nothing was pasted: the copied components are not valid for this board (${describeIssue(result.error)}).` };
  }
  const notices =
    shortened > 0
      ? [
          `${shortened === 1 ? 'One label was' : `${shortened} labels were`} longer than ${BOARD_LIMITS.maxLabelLength} characters, the board's limit, and ${shortened === 1 ? 'was' : 'were'} shortened; a component's full label is kept in its notes.`,
        ]
      : [];
  return { ok: true, payload: result.data, notices };
}
