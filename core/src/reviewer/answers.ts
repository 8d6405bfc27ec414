/**
 * Answers to follow-up questions (and to the interviewer's live questions) as evidence. An
 * answer is judged against what a good answer mentions (the prompt's follow-up points, else
 * the prompt's strong-answer notes for that item); one that makes none of those points, or
 * that says "I don't know", earns nothing. An answer that earns credit joins the corpus as
 * written text of its item's section, so the same checks judge it as if it were on the board,
 * and the evidence it earns points at `answer:ID`.
 */
import type { RubricItemId } from '../rubric/items';
import type { Corpus } from './corpus';
import { makeUnit } from './corpus';
import { sentences, tokens, wordCount } from './text';

/** A candidate's answer as the reviewer reads it. */
export interface ReviewAnswer {
  /** Evidence refs become `answer:<id>`. */
  id: string;
  item: RubricItemId;
  question: string;
  text: string;
}

/** What the prompt says a good answer mentions. */
export interface AnswerKey {
  followUps?: ReadonlyArray<{ item: string; question: string; points?: readonly string[] }>;
  strongAnswer?: Partial<Record<string, readonly string[]>>;
}

export interface AnswerVerdict {
  answer: ReviewAnswer;
  credited: boolean;
  /** Content words the answer shares with the expected points. */
  shared: number;
  /** Why it earned nothing, when it did not. */
  reason?: 'non-answer' | 'off-topic';
}

const NON_ANSWER = /^\s*(?:i\s+(?:do\s*n[o']?t|dont|have\s+no)\s+(?:know|idea)|no\s+idea|not\s+sure|idk|dunno|pass|skip|n\/?a|\?+|-+|\.+)\b/i;

/** Words too common to show an answer is on the subject. */
const STOP = new Set(
  'the a an and or but of to in on for with by at from as is are be was were it its this that these those we you they i my our your their would could should will can may might do does did not no yes so if then than there here which what when where who why how about into over under more most less least some any all each other such only also just very use using used need make get'
    .split(' ')
    .map((w) => tokens(w)[0] ?? w),
);

function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokens(text)) if (t.length > 2 && !STOP.has(t) && !/^\d+$/.test(t)) out.add(t);
  return out;
}

/** The points a good answer to this question makes, from the prompt's answer key. */
export function expectedPoints(answer: Pick<ReviewAnswer, 'item' | 'question'>, key: AnswerKey): string[] {
  const asked = answer.question.trim().toLowerCase();
  const followUp = key.followUps?.find((f) => f.question.trim().toLowerCase() === asked);
  const points = [...(followUp?.points ?? [])];
  // The item's strong-answer notes always count too: a good answer may take another route.
  points.push(...(key.strongAnswer?.[answer.item] ?? []));
  return points;
}

/**
 * Judges one answer: it earns credit when it is not a non-answer and shares at least two
 * content words with the points a good answer makes that the question itself does not
 * already contain (repeating the question back earns nothing).
 */
export function judgeAnswer(answer: ReviewAnswer, key: AnswerKey): AnswerVerdict {
  const text = answer.text.trim();
  if (NON_ANSWER.test(text) || wordCount(text) < 4) return { answer, credited: false, shared: 0, reason: 'non-answer' };
  const questionWords = contentStems(answer.question);
  const pointWords = new Set<string>();
  for (const point of expectedPoints(answer, key)) for (const w of contentStems(point)) if (!questionWords.has(w)) pointWords.add(w);
  let shared = 0;
  for (const w of contentStems(text)) if (pointWords.has(w)) shared++;
  return shared >= 2 ? { answer, credited: true, shared } : { answer, credited: false, shared, reason: 'off-topic' };
}

/**
 * The rubric item an answer to an untagged live question speaks to: the one whose answer key it
 * matches best, or undefined when it matches none.
 */
export function bestItem(question: string, text: string, key: AnswerKey, items: readonly RubricItemId[]): RubricItemId | undefined {
  let best: AnswerVerdict | undefined;
  for (const item of items) {
    const verdict = judgeAnswer({ id: 'probe', item, question, text }, key);
    if (verdict.credited && (!best || verdict.shared > best.shared)) best = verdict;
  }
  return best?.answer.item;
}

/** Adds the credited answers to the corpus as text of their item's section. */
export function addAnswers(corpus: Corpus, verdicts: readonly AnswerVerdict[]): void {
  for (const { answer, credited } of verdicts) {
    if (!credited) continue;
    const ref = `answer:${answer.id}`;
    const source = answer.item;
    const lines = answer.text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
    lines.forEach((line, lineIndex) => {
      for (const sentence of sentences(line)) {
        const unit = makeUnit(ref, source, sentence, line, lineIndex, false, false);
        corpus.units.push(unit);
        const list = corpus.bySource.get(source);
        if (list) list.push(unit);
        else corpus.bySource.set(source, [unit]);
      }
    });
    corpus.sectionsPresent.add(source);
  }
}
