/**
 * Numbers with units: "600 writes/s", "50M new links a day", "27 TB", "p99 < 50 ms", "99.99%",
 * "10:1". A bare number is not an estimate; a number with a unit is.
 */

export type NumberCategory = 'rate' | 'size' | 'duration' | 'percent' | 'count' | 'ratio';

export interface FoundNumber {
  text: string;
  category: NumberCategory;
  /** For rates: the time unit ("s", "min", "h", "day", "month", "year"). */
  per?: string;
}

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
const SCALE = String.raw`(?:\s?(?:k|m|b|bn|t|thousand|million|billion|trillion)\b)?`;
const TIME = String.raw`(s|sec|secs|second|seconds|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|mo|month|months|y|yr|year|years)`;
/** Up to three words between the number and its rate unit: "50M new links a day". */
const NOUNS = String.raw`(?:\s+[a-z][a-z-]*){0,3}?`;

const RATE = new RegExp(
  String.raw`(?:~|≈|about\s+)?${NUM}${SCALE}${NOUNS}\s*(?:\/\s*|\bper\s+|\ban?\s+|\beach\s+|\bevery\s+)${TIME}\b`,
  'gi',
);
const RATE_WORD = new RegExp(String.raw`${NUM}${SCALE}\s*(rps|qps|tps|ops|iops)\b`, 'gi');
const SIZE = new RegExp(String.raw`${NUM}${SCALE}\s*(pb|tb|gb|mb|kb|bytes?|b(?!\s+[a-z])|tib|gib|mib|kib|bits?)\b`, 'gi');
const DURATION = new RegExp(String.raw`${NUM}\s*(ms|milliseconds?|µs|us|seconds?|s|minutes?|mins?|hours?|days?|weeks?|years?)\b`, 'gi');
const PERCENT = new RegExp(String.raw`${NUM}\s*%`, 'g');
const COUNT = new RegExp(String.raw`${NUM}\s?(?:k|m|b|bn|t|thousand|million|billion|trillion)\b(?:\s+[a-z]+)?`, 'gi');
const RATIO = new RegExp(String.raw`\b\d+\s*:\s*\d+\b|${NUM}\s*(?:reads?|redirects?|requests?)\s+(?:per|for each|to)\s+(?:write|creation|post)|${NUM}\s*[x×]\s+(?:more\s+)?(?:reads?|writes?)`, 'gi');

const TIME_UNIT: Record<string, string> = {
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
  min: 'min', mins: 'min', minute: 'min', minutes: 'min',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  d: 'day', day: 'day', days: 'day',
  mo: 'month', month: 'month', months: 'month',
  y: 'year', yr: 'year', year: 'year', years: 'year',
};

/** Every number with a unit in a text, each span counted once (rates win over durations). */
export function findNumbers(text: string): FoundNumber[] {
  const out: FoundNumber[] = [];
  const taken: Array<[number, number]> = [];
  const add = (re: RegExp, category: NumberCategory, perGroup?: number): void => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      // "1:1" inside a time such as "12:30" or a port is not a ratio worth anything; skip zeros.
      if (/^0+(?:\.0+)?\s/.test(m[0])) continue;
      taken.push([start, end]);
      const per = perGroup !== undefined ? TIME_UNIT[(m[perGroup] ?? '').toLowerCase()] : undefined;
      out.push(per ? { text: m[0].trim(), category, per } : { text: m[0].trim(), category });
    }
  };
  add(RATE, 'rate', 1);
  add(RATE_WORD, 'rate');
  add(RATIO, 'ratio');
  add(SIZE, 'size');
  add(PERCENT, 'percent');
  add(DURATION, 'duration');
  add(COUNT, 'count');
  return out;
}

/** Signs that one figure was worked out from another. */
const DERIVATION = /(≈|~|→|->|=>|=|÷|\btimes\b|×|\*|\bx\s*\d|\d\s*x\b|\bso\b|\bgives?\b|\bthat(?:'s| is)\b|\bwhich is\b|\bcomes to\b|\bmeans\b|\broughly\b|\babout\b|\baround\b)/i;

export function hasDerivation(text: string): boolean {
  return DERIVATION.test(text);
}

/** A rate derived in this text: two figures with a derivation sign, one of them a rate. */
export function isDerivedRate(text: string, found: readonly FoundNumber[] = findNumbers(text)): boolean {
  const rates = found.filter((n) => n.category === 'rate');
  if (rates.length === 0) return false;
  const figures = found.filter((n) => n.category !== 'percent').length;
  if (figures >= 2 && hasDerivation(text)) return true;
  // "100M DAU × 10 req/day ≈ 12k QPS" style already counted; a per-second figure next to a ratio also counts.
  return rates.some((r) => r.per === 's') && found.some((n) => n.category === 'count' || n.category === 'ratio') && hasDerivation(text);
}

/** A size derived from counts: a size figure plus another figure and a derivation sign. */
export function isDerivedSize(text: string, found: readonly FoundNumber[] = findNumbers(text)): boolean {
  const sizes = found.filter((n) => n.category === 'size');
  if (sizes.length === 0) return false;
  return found.length >= 2 && (hasDerivation(text) || /\beach\b|\bper (?:record|row|entry|item|user|key|message)\b/i.test(text));
}

/** Words that turn a figure into a decision. */
const IMPLICATION = /\b(fits?|enough|too (?:few|many|small|large|big)|so (?:we|one|a|the|it)|which (?:means|is why)|therefore|need(?:s)?\s+(?:about\s+|~)?\d|needs? (?:to|a|an|more|several)|shards?\b|nodes?\b|machines?\b|bottleneck|not the bottleneck|dominat|drives?|small (?:redis|cluster|enough)|one (?:node|machine|server|primary|database))/i;

export function hasImplication(text: string): boolean {
  return IMPLICATION.test(text);
}
