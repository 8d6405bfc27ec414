/**
 * The traffic a design says it must carry, read from its own Estimation section with the rules
 * reviewer's number reader: reads and writes a second, at peak when the design says what peak
 * is. Also the latency target from its requirements ("p99 under 30 ms").
 */
import type { Board } from '../board/schema';
import { findNumbers } from '../reviewer/numbers';
import type { CapacityDefaults } from './defaults';

export interface Baseline {
  readsPerSecond: number;
  writesPerSecond: number;
  /** Where the figures came from, in words a person can check. */
  source: string;
  origin: 'typed' | 'estimate' | 'default';
  /**
   * True when the write figures count deliveries (notifications, pushes, emails, SMS): what
   * leaves a fan-out, not requests from clients.
   */
  deliveries?: boolean;
}

/** Figures typed in the traffic panel; they win over the Estimation section. */
export interface TypedTraffic {
  readsPerSecond: number;
  writesPerSecond: number;
}

type Flow = 'read' | 'write' | 'unknown';

interface Figure {
  flow: Flow;
  peak: boolean;
  perSecond: number;
  /** True when written per second (not derived from a per-day or per-month figure). */
  direct: boolean;
  text: string;
  /** A write figure whose clause names only deliveries ("30M push + 10M email per day"). */
  delivery: boolean;
}

const READ_WORDS = /\b(reads?|read[- ]side|redirects?|lookups?|views?|gets?|quer(?:y|ies)|fetch(?:es)?|brows(?:e|ing)|visits?|clicks?|searche?s?|impressions?|feed loads?|resolves?)\b/gi;
const WRITE_WORDS =
  /\b(writes?|write[- ]side|creates?|creations?|new (?:links|urls|users|posts|orders)|inserts?|uploads?|posts?|orders?|checkouts?|payments?|sends?|notifications?|messages?|pushe?s?|emails?|sms|publish(?:es)?|updates?|puts?|shortens?)\b/gi;
/** A sentence that states what a component can take, not what the design must carry. */
const CAPACITY_SENTENCE = /\b(does|do|handles?|can (?:handle|take|serve|do)|capacity|quota|limit(?:ed|s)?|caps?|max(?:imum)?|throughput of|per (?:node|shard|instance|server|primary|broker|partition|core|replica)|each (?:node|shard|instance|server|broker))\b/i;
/** Write words that count deliveries to people, not requests into the system. */
const DELIVERY_WORD = /^(notifications?|push(?:es)?|emails?|sms)$/i;
/** "5k notification requests/s" counts requests into the system, not deliveries. */
const REQUEST_WORDS = /\b(requests?|calls?|api)\b/i;
const PEAK = /\bpeak/i;
const AVERAGE = /\b(average|avg|mean|on average|typical)\b/i;

const SCALES: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9, t: 1e12, trillion: 1e12 };
const SECONDS: Record<string, number> = { s: 1, min: 60, h: 3600, day: 86_400, month: 2_592_000, year: 31_536_000 };

/** The value of a figure such as "~1.5k/s", "46k redirects/s", "40M creates/day", "12k QPS". */
function perSecond(text: string, per: string | undefined): number | undefined {
  const match = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k|m|b|bn|t|thousand|million|billion|trillion)?\b/i.exec(text);
  if (!match) return undefined;
  const value = Number((match[1] as string).replace(/,/g, '')) * (SCALES[(match[2] ?? '').toLowerCase()] ?? 1);
  const seconds = SECONDS[per ?? 's'];
  return seconds && value > 0 ? value / seconds : undefined;
}

function lastMatch(re: RegExp, text: string): string | undefined {
  let last: string | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m[0];
  return last;
}

function flowOf(words: string): Flow | undefined {
  const read = lastMatch(READ_WORDS, words);
  const write = lastMatch(WRITE_WORDS, words);
  if (read && !write) return 'read';
  if (write && !read) return 'write';
  if (read && write) return words.toLowerCase().lastIndexOf(read.toLowerCase()) > words.toLowerCase().lastIndexOf(write.toLowerCase()) ? 'read' : 'write';
  return undefined;
}

/** Clauses: lines, then sentences, then semicolons; a figure's meaning stays inside one. */
function clauses(text: string): string[] {
  return text
    .split(/\r?\n|;\s|\.\s+(?=[A-Z])/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const clause of clauses(text)) {
    if (CAPACITY_SENTENCE.test(clause)) continue;
    const found = findNumbers(clause).filter((n) => n.category === 'rate');
    let cursor = 0;
    for (const number of found) {
      const at = clause.indexOf(number.text, cursor);
      if (at < 0) continue;
      cursor = at + number.text.length;
      const value = perSecond(number.text, number.per);
      if (value === undefined) continue;
      // Its own words first ("460 writes/s"), then the nearest words before it, then the clause.
      const flow = flowOf(number.text) ?? flowOf(clause.slice(0, at)) ?? flowOf(clause) ?? 'unknown';
      const after = clause.slice(cursor, cursor + 24).split(/[,;(]/)[0] ?? '';
      const before = clause.slice(Math.max(0, at - 16), at);
      const peak = (PEAK.test(after) || PEAK.test(before)) && !AVERAGE.test(after);
      const writeWords = flow === 'write' ? (clause.match(WRITE_WORDS) ?? []) : [];
      const delivery = writeWords.length > 0 && writeWords.every((word) => DELIVERY_WORD.test(word)) && !REQUEST_WORDS.test(clause);
      out.push({ flow, peak, perSecond: value, direct: (number.per ?? 's') === 's', text: number.text, delivery });
    }
  }
  return out;
}

/** "5× peak", "peak 20×", "peak factor of 3". */
function peakFactor(text: string): number | undefined {
  const match = /(\d+(?:\.\d+)?)\s*[x×]\s*(?:the\s+)?(?:average\s+)?(?:at\s+)?peak|peak(?:\s+factor)?\s*(?:of\s*|is\s*|=\s*|≈\s*|~\s*)?(\d+(?:\.\d+)?)\s*[x×]?(?=\s|$|[,.;)])/i.exec(text);
  const value = match ? Number(match[1] ?? match[2]) : NaN;
  return value >= 1 && value <= 1000 ? value : undefined;
}

/** "100:1", "10 reads per write", "reads 100× writes": reads for each write. */
function readWriteRatio(text: string): number | undefined {
  const match = /\b(\d+)\s*:\s*1\b|(\d+)\s+(?:reads?|redirects?|views?|requests?)\s+(?:per|for each|to)\s+(?:write|create|creation|post)/i.exec(text);
  const value = match ? Number(match[1] ?? match[2]) : NaN;
  return value >= 1 && value <= 100_000 ? value : undefined;
}

interface Pick {
  value: number;
  text: string;
}

/** One flow's figure: its peak if stated, else its average times the peak factor, else its average. */
function pickFlow(figures: readonly Figure[], factor: number | undefined): Pick | undefined {
  if (figures.length === 0) return undefined;
  const direct = figures.some((f) => f.direct) ? figures.filter((f) => f.direct) : figures;
  const peaks = direct.filter((f) => f.peak);
  const best = (list: readonly Figure[]) => list.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  if (peaks.length > 0) {
    const top = best(peaks);
    return { value: top.perSecond, text: `“${top.text}” at peak` };
  }
  const top = best(direct);
  if (factor) return { value: top.perSecond * factor, text: `“${top.text}” × ${factor} peak` };
  return { value: top.perSecond, text: `“${top.text}”` };
}

const round = (n: number): number => (n >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

/**
 * The design's traffic: typed figures if given, else the Estimation section (or, when that has
 * no figures, the Requirements), else the data file's default (and a warning). A figure with no
 * read or write word joins the flow the text is about; with neither, it counts as reads.
 */
export function readBaseline(board: Board, defaults: CapacityDefaults, typed: TypedTraffic | undefined, warnings: string[]): Baseline {
  if (typed) return { ...typed, source: 'typed in the traffic panel', origin: 'typed' };
  const context = `${board.sections.requirements ?? ''}\n${board.sections.estimation ?? ''}`;
  // Figures belong in Estimation; a design that put them with its requirements still has them.
  let where = 'Estimation section';
  let text = board.sections.estimation ?? '';
  let figures = figuresIn(text);
  if (figures.length === 0) {
    where = 'Requirements section';
    text = `${board.sections.requirements ?? ''}\n${board.sections.notes ?? ''}`;
    figures = figuresIn(text);
  }
  if (figures.length === 0) {
    warnings.push(defaults.defaultTraffic.source);
    return { readsPerSecond: defaults.defaultTraffic.readsPerSecond, writesPerSecond: defaults.defaultTraffic.writesPerSecond, source: 'default (no estimate on the board)', origin: 'default' };
  }
  const factor = peakFactor(text);
  const has = (flow: Flow) => figures.some((f) => f.flow === flow);
  // A figure with no read or write word continues the flow the text is about, if there is one.
  const unknownFlow: Flow | undefined = has('read') && has('write') ? undefined : has('write') ? 'write' : 'read';
  const flowFor = (f: Figure): Flow => (f.flow === 'unknown' ? (unknownFlow ?? 'unknown') : f.flow);
  let reads = pickFlow(figures.filter((f) => flowFor(f) === 'read'), factor);
  let writes = pickFlow(figures.filter((f) => flowFor(f) === 'write'), factor);
  const ratio = readWriteRatio(context);
  if (!reads && writes && ratio) reads = { value: writes.value * ratio, text: `${writes.text} × ${ratio} reads per write` };
  if (!writes && reads && ratio) writes = { value: reads.value / ratio, text: `${reads.text} ÷ ${ratio} reads per write` };
  const parts = [reads ? `reads ${reads.text}` : 'no read figure', writes ? `writes ${writes.text}` : 'no write figure'];
  // Deliveries when every write figure that says what it counts counts deliveries.
  const worded = figures.filter((f) => f.flow === 'write');
  const deliveries = worded.length > 0 && worded.every((f) => f.delivery);
  return {
    ...(deliveries ? { deliveries } : {}),
    readsPerSecond: round(reads?.value ?? 0),
    writesPerSecond: round(writes?.value ?? 0),
    source: `${where}: ${parts.join(', ')}`,
    origin: 'estimate',
  };
}

/** The latency target in the requirements, in ms: "p99 under 30 ms", "latency < 50ms". */
export function readLatencyTarget(board: Board): number | undefined {
  const text = `${board.sections.requirements ?? ''}\n${board.sections.notes ?? ''}`;
  const match = /\b(?:p\d{2,3}(?:\.\d)?|latency|response time)\b[^.\n]{0,40}?(?:<|≤|under|below|within|of|at most|less than)?\s*(\d+(?:\.\d+)?)\s*ms\b/i.exec(text);
  const value = match ? Number(match[1]) : NaN;
  return value > 0 && value <= 60_000 ? value : undefined;
}
