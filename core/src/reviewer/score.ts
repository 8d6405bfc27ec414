/**
 * Scores one rubric item: the share of check points earned maps to 0–4 through the rubric's
 * thresholds, then caps hold the score down until the checks that define a level pass
 * (no derived rate → estimation stays at 1; nothing written → a label-only item stays at 1).
 */
import type { GenericRubricItem, PromptRubric, RubricCap, RubricCheck, Evidence } from '../rubric/schema';
import { evaluateCheck, type CheckContext, type CheckResult } from './checks';

export interface CheckOutcome {
  check: RubricCheck;
  result: CheckResult;
  fromPrompt: boolean;
}

export interface ItemOutcome {
  score: number;
  outcomes: CheckOutcome[];
  /** Caps that held the score down, with their reason. */
  capped: RubricCap[];
  evidence: Evidence[];
  missing: string[];
}

export function scoreItem(
  item: GenericRubricItem,
  promptRubric: PromptRubric | undefined,
  thresholds: readonly number[],
  ctx: CheckContext,
): ItemOutcome {
  const extra = promptRubric?.items[item.id];
  const skipped = new Set(extra?.skip ?? []);
  const advice = extra?.advice ?? {};
  // A generic check that does not fit the prompt is not scored; its advice is the prompt's own when given.
  const generic = item.checks.filter((c) => !skipped.has(c.id)).map((c): RubricCheck => (advice[c.id] ? { ...c, missing: advice[c.id] as string } : c));
  const checks: Array<[RubricCheck, boolean]> = [...generic.map((c): [RubricCheck, boolean] => [c, false]), ...(extra?.checks ?? []).map((c): [RubricCheck, boolean] => [c, true])];
  const outcomes: CheckOutcome[] = checks.map(([check, fromPrompt]) => ({ check, fromPrompt, result: evaluateCheck(check, ctx) }));

  let earned = 0;
  let possible = 0;
  for (const { check, result } of outcomes) {
    possible += check.points;
    // Outside the diagram item, a point shown only by the diagram is drawn, not explained: half credit.
    if (result.passed) earned += result.viaText || item.id === 'high-level-design' ? check.points : check.points / 2;
  }
  const ratio = possible === 0 ? 0 : earned / possible;
  let score = earned === 0 ? 0 : 1;
  for (let level = 2; level <= 4; level++) if (ratio >= (thresholds[level - 1] ?? 1)) score = level;
  if (earned > 0 && ratio < (thresholds[0] ?? 0)) score = 1;

  const passed = new Set([...outcomes.filter((o) => o.result.passed).map((o) => o.check.id), ...skipped]);
  const keyOutcomes = outcomes.filter((o) => o.check.key);
  const keyShare = keyOutcomes.length === 0 ? 1 : keyOutcomes.filter((o) => o.result.passed).length / keyOutcomes.length;
  const anyText = outcomes.some((o) => o.result.passed && o.result.viaText);

  const capped: RubricCap[] = [];
  for (const cap of [...item.caps, ...(extra?.caps ?? [])]) {
    if (score <= cap.max) continue;
    const allOk = cap.unlessAll.every((id) => passed.has(id));
    const anyOk = cap.unlessAny.length === 0 || cap.unlessAny.some((id) => (id === '@key' ? keyOutcomes.some((o) => o.result.passed) : passed.has(id)));
    const shareOk = cap.minKeyShare === undefined || keyShare >= cap.minKeyShare;
    const textOk = !cap.needsText || anyText;
    const lifted = cap.liftKeyShare !== undefined && keyOutcomes.length > 0 && keyShare >= cap.liftKeyShare;
    if (!lifted && !(allOk && anyOk && shareOk && textOk)) {
      score = cap.max;
      capped.push(cap);
    }
  }

  // Drawn or named but not explained is 1 (the rubric's own descriptors): outside the diagram
  // item, a score above 1 needs at least one passed check that rests on written text.
  if (item.id !== 'high-level-design' && score > 1 && earned > 0 && !anyText) {
    score = 1;
    capped.push({ max: 1, unlessAll: [], unlessAny: [], needsText: true, why: 'drawn or named on the board but not explained in words' });
  }

  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const { result } of [...outcomes].sort((a, b) => b.check.points - a.check.points)) {
    if (!result.passed) continue;
    for (const e of result.evidence) {
      // One sentence is shown once, under the most valuable check it satisfied.
      const key = `${e.ref}|${e.text.slice(e.text.indexOf(':') + 1)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      evidence.push(e);
    }
  }

  const failed = outcomes
    .filter((o) => !o.result.passed)
    .sort((a, b) => Number(b.check.key) - Number(a.check.key) || b.check.points - a.check.points);
  const missing = [...new Set(failed.map((o) => o.result.missing ?? o.check.missing))];

  return { score, outcomes, capped, evidence: evidence.slice(0, 6), missing: missing.slice(0, 5) };
}

/** One line: what the score means, what earned it, what holds it back. */
export function summarize(descriptor: string, outcome: ItemOutcome): string {
  const found = outcome.outcomes.filter((o) => o.result.passed).sort((a, b) => b.check.points - a.check.points).map((o) => o.check.label);
  const lacking = outcome.outcomes
    .filter((o) => !o.result.passed)
    .sort((a, b) => Number(b.check.key) - Number(a.check.key) || b.check.points - a.check.points)
    .map((o) => o.check.label);
  // A capped score is explained by what holds it, not by the level's descriptor, which could
  // deny what the "Has" list then credits ("No API. Has versioning…").
  const cap = outcome.capped.at(-1);
  const passed = new Set(outcome.outcomes.filter((o) => o.result.passed).map((o) => o.check.id));
  const needed = [...cap?.unlessAll ?? [], ...cap?.unlessAny ?? []].filter((id) => !passed.has(id)).map((id) => labelOf(outcome, id));
  const lead = cap ? `Held at ${outcome.score}/4: ${cap.why ?? (needed.length > 0 ? `needs ${listOf(needed)}` : 'the level above needs more')}` : descriptor;
  const parts = [lead.replace(/\.?$/, '.')];
  if (found.length > 0) parts.push(`Has ${listOf(found.slice(0, 3))}.`);
  if (lacking.length > 0) parts.push(`Lacks ${listOf(lacking.slice(0, 3))}.`);
  return parts.join(' ');
}

function labelOf(outcome: ItemOutcome, id: string): string {
  return id === '@key' ? "the prompt's key points" : (outcome.outcomes.find((o) => o.check.id === id)?.check.label ?? id);
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;
}
