/**
 * How big one component is: instances, replicas and shards, and per-node overrides of the
 * capacity defaults. Read from the node's properties (the inspector writes them) first, then
 * from what the candidate wrote on the box ("Postgres (3 replicas)", "Kafka x4") and in its
 * notes ("sharded 8 ways"). Properties win because they are the explicit, structured answer.
 */
import type { BoardNode } from '../board/schema';

/** The node properties the traffic model reads; the inspector edits the same keys. */
export const TRAFFIC_PROPS = ['instances', 'replicas', 'shards', 'capacity', 'readCapacity', 'writeCapacity', 'hitRatio'] as const;
export type TrafficProp = (typeof TRAFFIC_PROPS)[number];

export interface NodeScale {
  /** Copies that each take a share of all traffic (servers, pods, brokers, nodes). */
  instances?: number;
  /** Copies that serve reads (read replicas, replication factor); writes still go to one. */
  replicas?: number;
  /** Partitions that each own a share of the data, so both reads and writes spread. */
  shards?: number;
  /** Operations a second per instance, overriding the default for its kind and engine. */
  capacity?: number;
  readCapacity?: number;
  writeCapacity?: number;
  hitRatio?: number;
  /** Human-readable reasons, e.g. `3 replicas (label)`, in the order they were found. */
  found: string[];
}

const MAX_COUNT = 100_000;
const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, sixteen: 16, twenty: 20, thirty: 30, fifty: 50, hundred: 100,
};
const COUNT = String.raw`(\d{1,3}(?:,\d{3})+|\d+|${Object.keys(WORD_NUMBERS).join('|')})`;

type CountField = 'instances' | 'replicas' | 'shards';

/** Phrases that state a count, tried in order; the first match per field wins. */
const COUNT_PATTERNS: ReadonlyArray<readonly [CountField, RegExp, 'label only'?]> = [
  ['replicas', new RegExp(String.raw`\b(?:replication factor|rf)\s*(?:=|:|of)?\s*${COUNT}\b`, 'i')],
  ['replicas', new RegExp(String.raw`\b${COUNT}\s*(?:x\s*)?(?:read[- ]?)?(?:replicas?|copies)\b`, 'i')],
  ['shards', new RegExp(String.raw`\b(?:sharded|partitioned|split)\s+(?:in(?:to)?\s+|across\s+)?${COUNT}(?:\s+ways?|\s+shards?|\s+partitions?)?\b`, 'i')],
  ['shards', new RegExp(String.raw`\b${COUNT}[- ]way\s+(?:shard|partition|split)`, 'i')],
  ['shards', new RegExp(String.raw`\b${COUNT}\s*(?:shards?|partitions?)\b`, 'i')],
  ['instances', new RegExp(String.raw`\b${COUNT}\s*(?:instances?|nodes?|servers?|pods?|machines?|hosts?|brokers?|workers?|consumers?|containers?|tasks?|boxes)\b`, 'i')],
  // "x4", "×4", "(4x)" on a box is a count; in prose it is usually arithmetic ("8M × 250 B").
  ['instances', /(?:^|[\s(])[x×]\s?(\d{1,5})(?=$|[\s),;])/i, 'label only'],
  ['instances', /(?:^|[\s(])(\d{1,5})\s?[x×](?=$|[),;]|\s+(?:instances?|nodes?|servers?|replicas?)\b)/i, 'label only'],
];

const HIT_RATIO = /\b(\d{1,2}(?:\.\d+)?)\s*%\s*(?:cache\s+)?hit(?:\s*(?:ratio|rate))?\b|\bhit\s*(?:ratio|rate)\s*(?:of\s*|=\s*|:\s*)?(?:~|≈)?\s*(\d{1,2}(?:\.\d+)?)\s*%/i;

const RATE = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?([km])?`;
/**
 * What one instance can take, stated by the design ("A Redis primary does ~100k–150k Lua
 * calls/s"): a per-instance subject, a verb of capacity, a rate or a range of rates a second.
 */
const PER_INSTANCE_CAPACITY = new RegExp(
  String.raw`\b(?:an?|one|each|every|single)\s+(?:[\w-]+\s+){0,2}?(?:primary|node|instance|shard|broker|server|partition|machine|worker|consumer)\s+` +
    String.raw`(?:does|handles?|can\s+(?:handle|take|serve|do|sustain)|serves?|sustains?|takes?)\s+(?:about\s+|around\s+|up\s+to\s+)?[~≈]?\s*${RATE}` +
    String.raw`(?:\s*(?:–|—|-|to)\s*[~≈]?\s*${RATE})?[^.\n/]{0,30}?(?:\/\s*s(?:ec)?\b|\s(?:per|a)\s+second\b|\s(?:ops|qps|rps)\b)`,
  'i',
);

function rateValue(digits: string | undefined, scale: string | undefined): number {
  return Number((digits ?? '').replace(/,/g, '')) * ({ k: 1e3, m: 1e6 }[(scale ?? '').toLowerCase() as 'k' | 'm'] ?? 1);
}

/** A stated per-instance capacity; a range ("100k–150k") stands for its middle, as estimates do. */
function statedCapacity(text: string): { value: number; phrase: string } | undefined {
  const match = PER_INSTANCE_CAPACITY.exec(text);
  if (!match) return undefined;
  const low = rateValue(match[1], match[2]);
  // "100–150k": the unit written once, after the range, applies to both ends.
  const high = match[3] ? rateValue(match[3], match[4]) : low;
  const lowScaled = match[3] && !match[2] && match[4] && low * 1000 <= high ? rateValue(match[1], match[4]) : low;
  const value = (lowScaled + high) / 2;
  return value > 0 && value <= 1e9 ? { value, phrase: match[0].trim() } : undefined;
}

function countValue(text: string): number | undefined {
  const lower = text.toLowerCase();
  const value = WORD_NUMBERS[lower] ?? Number(lower.replace(/,/g, ''));
  return Number.isInteger(value) && value >= 1 && value <= MAX_COUNT ? value : undefined;
}

/** A rate written in a property: "5000", "5k", "1.2M", "5,000/s". */
export function parseRate(text: string): number | undefined {
  const match = /^\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([kmb])?\s*(?:\/\s*s|ops\/s|rps|qps)?\s*$/i.exec(text);
  if (!match) return undefined;
  const scale = { k: 1e3, m: 1e6, b: 1e9 }[(match[2] ?? '').toLowerCase() as 'k' | 'm' | 'b'] ?? 1;
  const value = Number((match[1] as string).replace(/,/g, '')) * scale;
  return value > 0 && value <= 1e9 ? value : undefined;
}

/** A hit ratio written as "0.9", "90%" or "90". */
export function parseRatio(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(%)?\s*$/.exec(text);
  if (!match) return undefined;
  const raw = Number(match[1]);
  const value = match[2] || raw > 1 ? raw / 100 : raw;
  return value >= 0 && value < 1 ? value : undefined;
}

type TextField = CountField | 'hitRatio' | 'capacity';

/** What free text (a label or notes) says: a value and the phrase it came from, per field. */
export interface TextCounts {
  values: Partial<Record<TextField, number>>;
  phrases: Partial<Record<TextField, string>>;
}

/** Instance counts, a cache hit ratio and a stated per-instance capacity in free text; `label` allows "x4". */
export function countsInText(text: string, label = false): TextCounts {
  const out: TextCounts = { values: {}, phrases: {} };
  for (const [field, re, only] of COUNT_PATTERNS) {
    if (out.values[field] !== undefined || (only && !label)) continue;
    const match = re.exec(text);
    const value = match ? countValue(match[1] as string) : undefined;
    if (match && value !== undefined) {
      out.values[field] = value;
      out.phrases[field] = match[0].trim().replace(/^\(/, '');
    }
  }
  const hit = HIT_RATIO.exec(text);
  const ratio = hit ? Number(hit[1] ?? hit[2]) / 100 : NaN;
  if (hit && ratio >= 0 && ratio < 1) {
    out.values.hitRatio = ratio;
    out.phrases.hitRatio = hit[0].trim();
  }
  const capacity = statedCapacity(text);
  if (capacity) {
    out.values.capacity = capacity.value;
    out.phrases.capacity = capacity.phrase;
  }
  return out;
}

/** A sentence of the design's sections that names a node, with the section it is in. */
export interface Mention {
  text: string;
  where: string;
}

/**
 * A node's scale: properties, then its label, then its notes, then sentences of the sections
 * that name it ("Cassandra runs with replication factor 3"). Bad property values are reported
 * in `warnings` (naming the node and the value) and ignored, never guessed at. A count of one
 * in a sentence ("losing one node") is the default anyway and says nothing about size.
 */
export function readNodeScale(node: BoardNode, warnings: string[], mentions: readonly Mention[] = []): NodeScale {
  const scale: NodeScale = { found: [] };
  const name = node.label.trim() || node.id;
  for (const key of TRAFFIC_PROPS) {
    const raw = node.props[key];
    if (raw === undefined || raw.trim() === '') continue;
    if (key === 'instances' || key === 'replicas' || key === 'shards') {
      const value = countValue(raw.trim());
      if (value === undefined) warnings.push(`"${name}": ${key} "${raw}" is not a whole number from 1 to ${MAX_COUNT.toLocaleString('en-US')}; ignored.`);
      else {
        scale[key] = value;
        scale.found.push(`${key} ${value} (properties)`);
      }
    } else if (key === 'hitRatio') {
      const value = parseRatio(raw);
      if (value === undefined) warnings.push(`"${name}": hit ratio "${raw}" is not a share below 100 %; ignored.`);
      else {
        scale.hitRatio = value;
        scale.found.push(`hit ratio ${Math.round(value * 100)} % (properties)`);
      }
    } else {
      const value = parseRate(raw);
      if (value === undefined) warnings.push(`"${name}": ${key} "${raw}" is not a rate such as 5000 or 5k; ignored.`);
      else {
        scale[key] = value;
        scale.found.push(`${key} ${value.toLocaleString('en-US')}/s (properties)`);
      }
    }
  }
  const texts: Mention[] = [{ text: node.label, where: 'label' }, { text: node.notes, where: 'notes' }, ...mentions];
  for (const [k, { text, where }] of texts.entries()) {
    if (!text) continue;
    const counts = countsInText(text, k === 0);
    for (const field of ['instances', 'replicas', 'shards', 'hitRatio', 'capacity'] as const) {
      const value = counts.values[field];
      if (scale[field] === undefined && value !== undefined && (k < 2 || field === 'hitRatio' || field === 'capacity' || value > 1)) {
        scale[field] = value;
        scale.found.push(`${counts.phrases[field] ?? field} (${where})`);
      }
    }
  }
  return scale;
}

