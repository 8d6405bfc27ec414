/**
 * What the OpenAI reviewer sends to the model, and the shape it asks back. Everything the model
 * sees is built here, so docs/ai-reviewer.md can say exactly what leaves the server: the design
 * doc Markdown, the prompt's statement, expectations and answer key, the rubric descriptors,
 * the rules reviewer's findings with their evidence refs, and the candidate's answers. No
 * session token, link, name or other participant data is ever part of it.
 */
import { z } from 'zod';
import { RUBRIC_ITEM_IDS, formatDesignDoc, type Board, type Prompt } from '../../../core/src';
import type { ReviewAnswer } from '../../../core/src/reviewer/index';
import type { Review } from '../../../core/src/rubric/schema';
import type { LoadedRubrics } from '../data/rubrics';
import type { CurveballContext } from './registry';

/** What the model must answer: its judgement only. Titles, `max` and `overall` are ours. */
export const modelReviewSchema = z.object({
  items: z.array(
    z.object({
      id: z.enum(RUBRIC_ITEM_IDS),
      score: z.number().int().min(0).max(4),
      summary: z.string(),
      evidence: z.array(z.object({ ref: z.string(), text: z.string() })),
      missing: z.array(z.string()),
    }),
  ),
  followUps: z.array(z.object({ item: z.enum(RUBRIC_ITEM_IDS), question: z.string() })),
});
export type ModelReview = z.infer<typeof modelReviewSchema>;

/** Every ref the model may cite, with what it points at. */
export function citableRefs(board: Board, answers: readonly ReviewAnswer[]): Map<string, string> {
  const refs = new Map<string, string>();
  for (const node of board.nodes) refs.set(`node:${node.id}`, node.label || node.kind);
  for (const edge of board.edges) refs.set(`edge:${edge.id}`, edge.label || 'connection');
  for (const [id, text] of Object.entries(board.sections)) if (text && text.trim()) refs.set(`section:${id}`, id);
  for (const answer of answers) refs.set(`answer:${answer.id}`, answer.question);
  return refs;
}

const SYSTEM = [
  'You are a senior engineer scoring a system-design interview answer against a rubric.',
  'Score each of the eight rubric items 0-4 using the descriptors given. Be specific and strict:',
  'credit only what the candidate actually wrote or drew; a component drawn but not explained earns at most 1;',
  'an empty section earns 0 for its written part; "I don\'t know" or an off-topic answer earns nothing.',
  'Every evidence ref must be one of the refs listed under "Citable refs"; never invent ids.',
  'Refer to components by their labels, never by internal ids, in summaries and missing points.',
  'Each "missing" entry is one actionable sentence that fits this prompt.',
  'Follow-up questions: the ones an interviewer would ask next, weakest items first, at most six.',
  'Answer only with the JSON object the response format describes.',
].join('\n');

export interface PromptParts {
  board: Board;
  prompt: Prompt | undefined;
  promptId: string;
  rubrics: LoadedRubrics;
  rules: Review;
  answers: readonly ReviewAnswer[];
  curveballs: readonly CurveballContext[];
}

/** The chat messages for one review. */
export function buildMessages(parts: PromptParts): Array<{ role: 'system' | 'user'; content: string }> {
  const { board, prompt, rubrics, rules, answers, curveballs } = parts;
  const sections: string[] = [];
  sections.push(`# Prompt: ${prompt?.title ?? parts.promptId}`);
  if (prompt) {
    sections.push(prompt.body);
    sections.push('## What a strong answer covers (answer key, per rubric item)');
    for (const id of RUBRIC_ITEM_IDS) sections.push(`### ${id}\n${(prompt.strongAnswer[id] ?? []).map((p) => `- ${p}`).join('\n')}`);
    sections.push(`## Common mistakes\n${prompt.mistakes.map((m) => `- ${m}`).join('\n')}`);
  }
  const promptRubric = rubrics.forPrompt(parts.promptId);
  sections.push('## Rubric (score descriptors 0-4)');
  for (const item of rubrics.generic.items) {
    const extra = promptRubric?.items[item.id]?.checks.map((c) => c.label) ?? [];
    sections.push(
      `### ${item.id} (weight ${item.weight})\n${item.descriptors.map((d, i) => `${i}: ${d}`).join('\n')}${extra.length ? `\nThis prompt expects: ${extra.join('; ')}` : ''}`,
    );
  }
  sections.push(`## The candidate's design (design-doc Markdown)\n${formatDesignDoc(board)}`);
  if (answers.length > 0) {
    sections.push(`## The candidate's answers to follow-up questions\n${answers.map((a) => `- answer:${a.id} (${a.item}) Q: ${a.question}\n  A: ${a.text}`).join('\n')}`);
  }
  for (const c of curveballs) {
    sections.push(`## Curveball given mid-session: "${c.text}"\nThe design before it:\n${formatDesignDoc(c.before)}\nSay in the relevant item's summary how the design answered it.`);
  }
  sections.push(
    `## The rules reviewer's findings (a mechanical baseline; judge for yourself, but score more than one point above it only with evidence)\n${rules.items
      .map((i) => `- ${i.id}: ${i.score}/4; evidence: ${i.evidence.map((e) => e.ref).join(', ') || 'none'}; missing: ${i.missing.join(' | ') || 'nothing'}`)
      .join('\n')}`,
  );
  const refs = citableRefs(board, answers);
  sections.push(`## Citable refs\n${[...refs].map(([ref, what]) => `- ${ref}: ${what}`).join('\n') || '(none: the board is empty)'}`);
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: sections.join('\n\n') },
  ];
}
