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
  const checks: Array<[RubricCheck, boolean]> = [...item.checks.map((c): [RubricCheck, boolean] => [c, false]), ...(extra?.checks ?? []).map((c): [RubricCheck, boolean] => [c, true])];
  const outcomes: CheckOutcome[] = checks.map(([check, fromPrompt]) => ({ check, fromPrompt, result: evaluateCheck(check, ctx) }));

  let earned = 0;
  let possible = 0;
  for (const { check, result } of outcomes) {
    possible += check.points;
    if (result.passed) earned += check.points;
  }
  const ratio = possible === 0 ? 0 : earned / possible;
  let score = earned === 0 ? 0 : 1;
  for (let level = 2; level <= 4; level++) if (ratio >= (thresholds[level - 1] ?? 1)) score = level;
  if (earned > 0 && ratio < (thresholds[0] ?? 0)) score = 1;

  const passed = new Set(outcomes.filter((o) => o.result.passed).map((o) => o.check.id));
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
  const parts = [descriptor.replace(/\.?$/, '.')];
  if (found.length > 0) parts.push(`Has ${listOf(found.slice(0, 3))}.`);
  if (lacking.length > 0) parts.push(`Lacks ${listOf(lacking.slice(0, 3))}.`);
  return parts.join(' ');
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;
}
