/**
 * Text analysis for the rules reviewer: normalisation, a light stemmer, and the "keyed" form
 * of a text (stemmed tokens joined by single spaces, padded) that concept terms are matched
 * against, so "caches", "cached" and "caching" all meet the term "cache".
 */

const IRREGULAR: Record<string, string> = {
  indices: 'index',
  data: 'data',
  analyses: 'analysis',
  replicas: 'replica',
  bus: 'bus',
  status: 'status',
  redis: 'redis',
  kafka: 'kafka',
  postgres: 'postgres',
  always: 'always',
  its: 'its',
  this: 'this',
  vs: 'versus',
};

/** A light stemmer: enough to make plurals and -ing/-ed forms meet their base word. */
export function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(sses|xes|ches|shes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // Undo the doubled consonant of "shardded"-style forms ("mapped" → "map"), then a final e.
  if (/([bdgmnprt])\1$/.test(w) && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/**
 * Lower-cases and splits identifiers (`idempotencyKey`, `short_code`) into words, and turns
 * arrows and approximation signs into words the number detectors look for.
 */
export function normalize(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

/** Stemmed word tokens of a text. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of normalize(text).split(/[^a-z0-9]+/)) {
    if (raw.length > 0) out.push(stem(raw));
  }
  return out;
}

/** The keyed form: " tok tok tok " — a term matches when its keyed form is a substring. */
export function keyed(text: string): string {
  const t = tokens(text);
  return t.length === 0 ? ' ' : ` ${t.join(' ')} `;
}

/** Compiles terms once: each becomes its keyed form. */
export function compileTerms(terms: readonly string[]): string[] {
  return terms.map((term) => keyed(term)).filter((k) => k.trim().length > 0);
}

/**
 * The first term of `compiled` that occurs in `keyedText`, trimmed. A term can only occur where
 * its first token does, so a set lookup rules out most terms before the substring search: a
 * live checklist asks this for every sentence against every check's terms, and the search
 * was its largest single cost.
 */
export function matchesAny(keyedText: string, compiled: readonly string[]): string | undefined {
  const present = tokenSet(keyedText);
  const firsts = firstTokens(compiled);
  for (let i = 0; i < compiled.length; i++) {
    if (present.has(firsts[i]!) && keyedText.includes(compiled[i]!)) return compiled[i]!.trim();
  }
  return undefined;
}

const firstsOf = new WeakMap<readonly string[], string[]>();
function firstTokens(compiled: readonly string[]): string[] {
  let firsts = firstsOf.get(compiled);
  if (!firsts) firstsOf.set(compiled, (firsts = compiled.map((term) => term.trim().split(' ')[0]!)));
  return firsts;
}

/** Token sets of recently asked texts: one review asks about the same sentences once per check. */
const recentSets = new Map<string, Set<string>>();
const RECENT_LIMIT = 512;
function tokenSet(keyedText: string): Set<string> {
  let set = recentSets.get(keyedText);
  if (!set) {
    if (recentSets.size >= RECENT_LIMIT) recentSets.clear();
    set = new Set(keyedText.split(' '));
    recentSets.set(keyedText, set);
  }
  return set;
}

/** Words that make a sentence a reason, not a label. */
const REASON = /\b(because|since|so that|so we|so the|so a|so it|so each|so one|so only|which (?:means|saves|keeps|lets|avoids|gives|makes)|therefore|thus|hence|to avoid|to keep|to stop|to protect|in order to|at the cost|costs?|means|otherwise|as long as|only look|only need|for (?:replay|throughput|durability|latency|simplicity|speed|ordering|consistency|availability|scale)|trade-?off|but|however|while|whereas|instead|rather than|avoids?|prevents?|allows?|lets|keeps?|saves?|reveals?|ensures?|guarantees?|if|when|unless|until|fits?)\b/i;

export function hasReason(text: string): boolean {
  return REASON.test(text);
}

/** A stricter reason: the sentence explains, not only conditions ("404 when unknown" does not count). */
const STRONG_REASON = /\b(because|since|so that|so (?:we|the|a|an|it|each|one|only|that|every|clients?|users?)|which (?:means|saves|keeps|lets|avoids|gives|makes|is why|would)|therefore|thus|hence|to (?:avoid|keep|stop|protect|prevent|make|save|reduce|spread|absorb|survive)|in order to|at the cost|otherwise|as long as|only (?:look|need|read|query)|for (?:replay|throughput|durability|latency|simplicity|speed|ordering|consistency|availability|scale|analytics|fairness|isolation)|trade-?off|but|however|instead of|rather than|avoids|prevents|allows|lets|ensures|guarantees|keeps|saves|reveals|hides|loses?|breaks?|costs?|means|we need|(?:it |this |that )?needs (?:consistency|transactions?|joins?|strong|ordering|durability|uniqueness|range)|for (?:the |a |an |its )?(?:write|read|append)[- ](?:heavy|only|mostly)|built for|suits?|fits)\b/i;

export function hasStrongReason(text: string): boolean {
  return STRONG_REASON.test(text);
}

/** Explicit alternatives: "Kafka over RabbitMQ", "instead of", "vs", "rather than". */
const ALTERNATIVE = /\b(over|instead of|rather than|vs\.?|versus|compared (?:to|with)|alternative(?:ly|s)?|would (?:avoid|need|cost|give|make|mean|be|require|lose|allow)|could (?:use|have)|considered|we chose|chosen|not chosen|rejected|either|or else|option)\b/i;
const CONTRAST = /\b(but|however|whereas|while|at the cost|downside|drawback|cost(?:s)? (?:of|more)|in exchange|trade-?off|on the other hand)\b/i;

export function hasAlternative(text: string): boolean {
  return ALTERNATIVE.test(text);
}

export function hasContrast(text: string): boolean {
  return CONTRAST.test(text);
}

/**
 * A word list: mostly comma-separated fragments of one to three words, no reasoning.
 * "Kafka, Redis, Cassandra, sharding, CDN" is one; "Redis caches hot codes, with LRU" is not.
 */
export function isWordList(text: string): boolean {
  // Commas inside payloads, tables and code ("{userId, params}") do not make a list.
  // Nor do thousands separators ("1,000 orders per second").
  const flat = text
    .replace(/`[^`]*`/g, ' code ')
    .replace(/\([^()]*\)|\{[^{}]*\}|\[[^\]]*\]/g, ' ')
    .replace(/(\d),(?=\d{3}\b)/g, '$1');
  const parts = flat
    .split(/[,;|·•]+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length < 4) return false;
  const lengths = parts.map((p) => p.split(/\s+/).length);
  const short = lengths.filter((n) => n <= 3).length;
  // Names are one or two words ("Kafka, CDN, consistent hashing"); an enumeration of specifics
  // ("cache hit rate, 5xx rate, lease latency", "partitioned by user id, clustered by time")
  // averages more, and says what each part is.
  const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
  return short / parts.length >= 0.75 && mean < 2.5 && !hasReason(text);
}

/** Word count, ignoring punctuation-only tokens. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** Sentences of a line, split at ". " / "; " boundaries (not inside numbers like 1.5). */
export function sentences(line: string): string[] {
  return line
    .split(/(?<=[.!?])\s+(?=[A-Z`(])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Shortens a text for evidence: whole words, at most `max` characters. */
export function clip(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').replace(/^[-*+]\s+/, '').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
