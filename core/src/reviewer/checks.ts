/**
 * Evaluates one rubric check against the board. A check passes or fails; when it passes it
 * says where (evidence refs into the board) and whether it rests on written text or only on
 * node labels. Nothing is credited from a word list.
 */
import type { RubricCheck } from '../rubric/schema';
import type { RubricItemId } from '../rubric/items';
import type { Evidence } from '../rubric/schema';
import { unitsIn, type Corpus, type TextUnit, type UnitSource } from './corpus';
import { nodeName, type GraphFacts } from './graph';
import { hasImplication, isDerivedRate, isDerivedSize } from './numbers';
import { findEndpoints, findStatusCodes, findTables, hasKeyAssignment, hasPayload, INDEX_TERMS, KEY_TERMS, mentionsStore, STRUCTURE_TERMS } from './structure';
import { clip, compileTerms, hasAlternative, hasContrast, hasReason, hasStrongReason, keyed, matchesAny } from './text';

export interface CheckContext {
  corpus: Corpus;
  graph: GraphFacts;
  item: RubricItemId;
}

export interface CheckResult {
  passed: boolean;
  /** At least one piece of evidence is written text (a sentence), not only a label. */
  viaText: boolean;
  evidence: Evidence[];
  /** A more specific "missing" sentence than the check's own, when the check can name nodes. */
  missing?: string;
}

const ALL_SECTIONS: UnitSource[] = ['requirements', 'estimation', 'api', 'data-model', 'high-level-design', 'scaling', 'reliability', 'trade-offs', 'notes'];
const NOT_REQUIREMENTS = ALL_SECTIONS.filter((s) => s !== 'requirements');

const compiled = new WeakMap<readonly string[], string[]>();
function termsOf(terms: readonly string[]): string[] {
  let c = compiled.get(terms);
  if (!c) {
    c = compileTerms(terms);
    compiled.set(terms, c);
  }
  return c;
}

function fail(): CheckResult {
  return { passed: false, viaText: false, evidence: [] };
}

function fromUnits(units: readonly TextUnit[], label: string, limit = 2): CheckResult {
  if (units.length === 0) return fail();
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    const text = `${label}: "${clip(unit.text)}"`;
    const key = `${unit.ref}|${unit.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    evidence.push({ ref: unit.ref, text });
    if (evidence.length >= limit) break;
  }
  return { passed: true, viaText: units.some((u) => !u.label), evidence };
}

const usable = (u: TextUnit): boolean => !u.list;

export function evaluateCheck(check: RubricCheck, ctx: CheckContext): CheckResult {
  const { corpus, graph } = ctx;
  const own = [ctx.item as UnitSource, 'notes' as UnitSource];
  const scope = (fallback: readonly UnitSource[] | undefined): TextUnit[] => unitsIn(corpus, (check.where as UnitSource[] | undefined) ?? fallback).filter(usable);

  switch (check.type) {
    case 'concept': {
      const terms = termsOf(check.terms);
      const hits = scope(undefined).filter((u) => matchesAny(u.key, terms) !== undefined && (!check.reason || (!u.label && hasStrongReason(u.text))));
      // Prefer sentences as evidence; a label alone still shows presence on the board.
      hits.sort((a, b) => Number(a.label) - Number(b.label));
      if (new Set(hits.map((h) => h.ref + h.text)).size < check.minHits) return fail();
      return fromUnits(hits, check.label);
    }
    case 'substance': {
      const hits = scope(own).filter((u) => u.substantive);
      return hits.length >= check.minUnits ? fromUnits(hits, check.label) : fail();
    }
    case 'numbers': {
      const hits = scope(own).filter((u) => u.numbers.some((n) => !check.categories || check.categories.includes(n.category)));
      const count = hits.reduce((sum, u) => sum + u.numbers.filter((n) => !check.categories || check.categories.includes(n.category)).length, 0);
      return count >= check.min ? fromUnits(hits, check.label) : fail();
    }
    case 'derived-rate':
      return fromUnits(scope(ALL_SECTIONS).filter((u) => isDerivedRate(u.text, u.numbers)), check.label);
    case 'derived-size':
      return fromUnits(scope(ALL_SECTIONS).filter((u) => isDerivedSize(u.text, u.numbers)), check.label);
    case 'implication':
      return fromUnits(scope(ALL_SECTIONS).filter((u) => u.numbers.length > 0 && hasImplication(u.text)), check.label);
    case 'endpoints': {
      const hits = scope([...ALL_SECTIONS, 'nodes']).filter((u) => !u.label && findEndpoints(u.text).length > 0);
      const distinct = new Set(hits.flatMap((u) => findEndpoints(u.text).map((e) => `${e.verb} ${e.path}`)));
      return distinct.size >= check.min ? fromUnits(hits, check.label) : fail();
    }
    case 'status-codes': {
      const hits = scope([...ALL_SECTIONS, 'nodes']).filter(
        (u) => !u.label && (u.source === 'api' || findEndpoints(u.line).length > 0) && findStatusCodes(u.text).some((c) => !check.errors || c >= 400),
      );
      const distinct = new Set(hits.flatMap((u) => findStatusCodes(u.text).filter((c) => !check.errors || c >= 400)));
      return distinct.size >= check.min ? fromUnits(hits, check.label) : fail();
    }
    case 'payloads':
      return fromUnits(scope([...ALL_SECTIONS, 'nodes']).filter((u) => !u.label && findEndpoints(u.line).length > 0 && hasPayload(u.text)), check.label);
    case 'entities': {
      const tableUnits = scope(NOT_REQUIREMENTS.filter((s) => s !== 'api')).filter((u) => !u.label && findTables(u.text).length > 0);
      const tables = new Set(tableUnits.flatMap((u) => findTables(u.text).map((t) => t.name)));
      const prose = scope(['data-model', 'notes']).filter((u) => u.substantive && matchesAny(u.key, STRUCTURE_TERMS) !== undefined && mentionsStore(u.key) !== undefined);
      const proseEntities = prose.length > 0 ? 1 : 0;
      return tables.size + (tables.size === 0 ? proseEntities : 0) >= check.min ? fromUnits([...tableUnits, ...prose], check.label) : fail();
    }
    case 'keys':
      return fromUnits(
        scope(['data-model', 'notes', 'nodes', 'high-level-design', 'scaling']).filter(
          (u) => !u.label && (matchesAny(u.key, KEY_TERMS) !== undefined || hasKeyAssignment(u.text)) && (u.source === 'data-model' || findTables(u.text).length > 0),
        ),
        check.label,
      );
    case 'indexes':
      return fromUnits(scope(['data-model', 'notes', 'nodes', 'scaling']).filter((u) => !u.label && matchesAny(u.key, INDEX_TERMS) !== undefined), check.label);
    case 'store-choice': {
      const hits = scope([...NOT_REQUIREMENTS, 'nodes']).filter(
        (u) => !u.label && mentionsStore(u.key) !== undefined && (!check.reason || (hasStrongReason(u.text) && !/^\s*(but|however)\b/i.test(u.text))),
      );
      return fromUnits(hits, check.label);
    }
    case 'tradeoffs': {
      const lines = tradeoffLines(corpus, check.where as UnitSource[] | undefined);
      return lines.count >= check.min ? fromUnits(lines.units, check.label, 3) : fail();
    }
    case 'graph-entry': {
      if (graph.entries.length === 0) return fail();
      return { passed: true, viaText: false, evidence: graph.entries.slice(0, 2).map((id) => ({ ref: `node:${id}`, text: `${check.label}: ${nodeName(nodeById(graph, id), id)}` })) };
    }
    case 'graph-path': {
      if (graph.storesReached.length === 0) return fail();
      const entry = graph.entries[0] as string;
      const store = graph.storesReached[0] as string;
      return {
        passed: true,
        viaText: false,
        evidence: [
          { ref: `node:${store}`, text: `${check.label}: ${nodeName(nodeById(graph, entry), entry)} reaches ${nodeName(nodeById(graph, store), store)}` },
        ],
      };
    }
    case 'graph-connected': {
      if (graph.entries.length === 0 || graph.connectedShare < 0.85) {
        return {
          passed: false,
          viaText: false,
          evidence: [],
          missing: graph.entries.length === 0 ? undefined : `${check.missing} (${Math.round((1 - graph.connectedShare) * 100)}% of components are not connected to the request path.)`,
        };
      }
      return { passed: true, viaText: false, evidence: [{ ref: `node:${graph.entries[0] as string}`, text: `${check.label}: every component hangs off the request path` }] };
    }
    case 'graph-kinds': {
      const terms = termsOf(check.terms);
      const hits = graph.nodes.filter(
        (n) =>
          (!check.onPath || graph.reachable.has(n.id)) &&
          (check.kinds.includes(n.kind) || (terms.length > 0 && matchesAny(keyedLabel(n.label), terms) !== undefined)),
      );
      if (hits.length === 0) return fail();
      return { passed: true, viaText: false, evidence: hits.slice(0, 2).map((n) => ({ ref: `node:${n.id}`, text: `${check.label}: ${nodeName(n, n.id)}` })) };
    }
    case 'graph-cache-read-path': {
      if (graph.readPathCaches.length === 0) return fail();
      const id = graph.readPathCaches[0] as string;
      return { passed: true, viaText: false, evidence: [{ ref: `node:${id}`, text: `${check.label}: ${nodeName(nodeById(graph, id), id)} sits in front of the store` }] };
    }
    case 'graph-async': {
      if (graph.asyncHops.length === 0) return fail();
      return {
        passed: true,
        viaText: false,
        evidence: graph.asyncHops.slice(0, 2).map((id) => ({ ref: `node:${id}`, text: `${check.label}: ${nodeName(nodeById(graph, id), id)} decouples the work` })),
      };
    }
    case 'graph-no-spof':
      return noSpof(check, ctx);
    case 'flow-text': {
      const prose = unitsIn(corpus, ['high-level-design', 'nodes', 'edges']).filter((u) => !u.list && (u.substantive || (u.source === 'edges' && u.label)));
      const edgeLabels = prose.filter((u) => u.source === 'edges').length;
      // A sentence explains the flow when it names a part of the board or says how requests or
      // data move; "scale horizontally with sharding" under the diagram explains no path.
      const names = componentWords(graph);
      const sentences = prose.filter((u) => u.substantive && describesFlow(u, names));
      // Two edge labels explain about as much as one sentence.
      if (sentences.length + Math.floor(edgeLabels / 2) < check.min) return fail();
      return fromUnits([...sentences, ...prose.filter((u) => u.source === 'edges')], check.label);
    }
  }
}

/** Words that say something moves: a request, a read, a write, a message. */
const FLOW = /(→|->|=>|\b(?:reads?|writes?|read path|write path|calls?|called|sends?|sent|forwards?|routes?|routed|returns?|publish(?:es|ed)?|consumes?|consumed|enqueues?|dequeues?|pushes|pulls?|emits?|fetch(?:es)?|queries|looks? (?:it |them )?up|lookups?|hits?|misses|miss|falls? back|first|then|before|after|via|through|goes|go to|passes|hands?|populates?|fills?|stores?|persists?|saves?|updates?|checks?|asks?|reaches|responds?|answers?|serves?|polls?|subscribes?|streams?|flows?|delivers?|redirects?)\b)/i;

/** Distinctive words of the board's node labels, stemmed ("Redis cache" → redis, cache). */
function componentWords(graph: GraphFacts): Set<string> {
  const words = new Set<string>();
  for (const node of graph.nodes) {
    if (graph.roles.get(node.id) === 'decor') continue;
    for (const word of keyedLabel(node.label).trim().split(' ')) if (word.length >= 3 && !/^\d+$/.test(word)) words.add(word);
  }
  return words;
}

function describesFlow(unit: TextUnit, names: ReadonlySet<string>): boolean {
  if (unit.source !== 'high-level-design') return true;
  if (FLOW.test(unit.text)) return true;
  return unit.key
    .trim()
    .split(' ')
    .some((word) => names.has(word));
}

function nodeById(graph: GraphFacts, id: string) {
  return graph.nodes.find((n) => n.id === id);
}

const labelCache = new Map<string, string>();
function keyedLabel(label: string): string {
  let k = labelCache.get(label);
  if (k === undefined) {
    k = keyed(label);
    if (labelCache.size > 5000) labelCache.clear();
    labelCache.set(label, k);
  }
  return k;
}

const REPLICATION = compileTerms(['replica', 'replicat', 'replicated', 'replication', 'failover', 'fail over', 'multi az', 'standby', 'cluster', 'quorum', 'replication factor', 'multi region', 'backup']);

/** Every store the requests reach has replication or failover said about it somewhere. */
function noSpof(check: RubricCheck, ctx: CheckContext): CheckResult {
  const { graph, corpus } = ctx;
  // As for the request path: with no database on the board, the in-memory store holds the state.
  const hasStore = graph.nodes.some((n) => graph.roles.get(n.id) === 'store');
  const stateful = (role: string | undefined): boolean => role === 'store' || role === 'queue' || (!hasStore && role === 'cache');
  const stores = graph.nodes.filter((n) => graph.reachable.has(n.id) && stateful(graph.roles.get(n.id)));
  if (stores.length === 0) return fail();
  const prose = corpus.units.filter((u) => !u.list && !u.label && u.source !== 'requirements' && matchesAny(u.key, REPLICATION) !== undefined);
  const lonely = stores.filter((n) => {
    const own = corpus.units.some((u) => u.ref === `node:${n.id}` && matchesAny(u.key, REPLICATION) !== undefined);
    return !own && prose.length === 0;
  });
  if (lonely.length > 0) {
    const names = lonely.slice(0, 3).map((n) => nodeName(n, n.id)).join(', ');
    return { passed: false, viaText: false, evidence: [], missing: `${names} ${lonely.length === 1 ? 'is a single point of failure' : 'are single points of failure'}: say how ${lonely.length === 1 ? 'it is' : 'they are'} replicated and how failover works.` };
  }
  const units = prose.length > 0 ? prose : corpus.units.filter((u) => stores.some((s) => u.ref === `node:${s.id}`) && matchesAny(u.key, REPLICATION) !== undefined);
  return fromUnits(units, check.label);
}

const STRICT_ALTERNATIVE = /\b(instead of|rather than|vs\.?|versus|compared (?:to|with)|(?:chose|choose|chosen|picked?|prefer(?:red|s)?|use[sd]?|using|went with)\s+[\w./ -]{1,40}?\s+over|over\s+[A-Z][\w-]+\s+(?:for|because|since|as))\b/;

/**
 * Trade-off statements: lines of the trade-offs section with an alternative or a contrast,
 * plus sentences elsewhere that name an alternative explicitly and give a reason.
 */
export function tradeoffLines(corpus: Corpus, where: UnitSource[] | undefined): { count: number; units: TextUnit[] } {
  const units: TextUnit[] = [];
  let count = 0;
  const section = (where ?? ['trade-offs']).filter((s) => s === 'trade-offs' || s === 'notes');
  const byLine = new Map<string, TextUnit[]>();
  for (const unit of unitsIn(corpus, section.length > 0 ? section : ['trade-offs'])) {
    if (unit.list || unit.label) continue;
    const key = `${unit.ref}#${unit.lineIndex}`;
    const list = byLine.get(key);
    if (list) list.push(unit);
    else byLine.set(key, [unit]);
  }
  for (const lineUnits of byLine.values()) {
    const tradeoffs = lineUnits.filter((u) => u.substantive && (hasAlternative(u.text) || hasContrast(u.text)));
    if (tradeoffs.length === 0) continue;
    const explicit = tradeoffs.filter((u) => STRICT_ALTERNATIVE.test(u.text)).length;
    count += Math.max(1, explicit);
    units.push(...tradeoffs);
  }
  for (const unit of corpus.units) {
    if (unit.list || unit.label || unit.source === 'trade-offs' || unit.source === 'notes') continue;
    if (unit.substantive && STRICT_ALTERNATIVE.test(unit.text) && hasReason(unit.text.replace(STRICT_ALTERNATIVE, ' '))) {
      count += 1;
      units.push(unit);
    }
  }
  return { count, units };
}
