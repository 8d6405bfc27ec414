/**
 * The OpenAI reviewer: one chat completion with a JSON-schema response format, against OpenAI
 * or any server that speaks the same API (Ollama, vLLM, LM Studio, Azure). The model judges;
 * this file keeps it honest: refs that point at nothing are dropped and counted, `overall` is
 * computed from the item scores, an item more than one point above the rules reviewer without
 * evidence is clamped, and any failure (timeout, HTTP error, malformed answer) is retried once
 * and then answered by the rules reviewer with a warning the user sees.
 */
import type OpenAI from 'openai';
import { RUBRIC_ITEM_IDS, RUBRIC_ITEM_TITLES, type ReviewMeta } from '../../../core/src';
import { overallScore, type Evidence, type Review, type ReviewItem } from '../../../core/src/rubric/schema';
import type { PromptLibrary } from '../data/prompts';
import type { LoadedRubrics } from '../data/rubrics';
import { buildMessages, citableRefs, modelReviewSchema, type ModelReview } from './openai-prompt';
import type { ReviewInput, Reviewer } from './registry';

export interface OpenAISettings {
  apiKey?: string;
  baseURL?: string;
  model: string;
  /** The whole review's budget, both attempts included. */
  timeoutMs: number;
}

/** The first attempt may use this share of the budget, so a retry still has time. */
const FIRST_ATTEMPT_SHARE = 0.6;
/** A retry with less time than this left is not worth starting. */
const MIN_RETRY_MS = 250;
const MAX_FOLLOWUPS = 6;

class AttemptError extends Error {}

interface Sdk {
  OpenAI: typeof OpenAI;
  zodResponseFormat: typeof import('openai/helpers/zod').zodResponseFormat;
}

let sdk: Promise<Sdk> | null = null;
/**
 * The SDK is loaded on the first review that needs it. Loading it costs about 0.4 s of start-up
 * (a third of what `designroom review` spent before reading the design), which the rules
 * reviewer, the command line's default, never needs.
 */
const loadSdk = (): Promise<Sdk> =>
  (sdk ??= Promise.all([import('openai'), import('openai/helpers/zod')]).then(([openai, helpers]) => ({
    OpenAI: openai.default,
    zodResponseFormat: helpers.zodResponseFormat,
  })));

interface Usage {
  promptTokens: number;
  completionTokens: number;
}

/** Settings from the validated server config; the reviewer is available once a key or a base URL is set. */
export function openAISettingsFrom(config: { OPENAI_API_KEY?: string; OPENAI_BASE_URL?: string; OPENAI_MODEL: string; OPENAI_TIMEOUT_MS: number }): OpenAISettings {
  return { apiKey: config.OPENAI_API_KEY || undefined, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, timeoutMs: config.OPENAI_TIMEOUT_MS };
}

export function createOpenAIReviewer(deps: {
  settings: OpenAISettings | undefined;
  prompts: PromptLibrary | undefined;
  rubrics: LoadedRubrics;
  rules: (input: ReviewInput) => Review;
}): Reviewer {
  const settings = deps.settings;
  const available = Boolean(settings && (settings.apiKey || settings.baseURL));
  let client: OpenAI | undefined;
  const weights = Object.fromEntries(deps.rubrics.generic.items.map((i) => [i.id, i.weight]));
  const secret = settings?.apiKey;
  const redact = (text: string): string => (secret ? text.split(secret).join('[key]') : text);

  return {
    name: 'openai',
    available,
    ...(available && settings ? { model: settings.model } : {}),
    async review(input, progress) {
      const started = Date.now();
      progress('rules', 'The rules reviewer is reading the board first.');
      const rules = deps.rules(input);
      if (!available || !settings) throw new Error('the OpenAI reviewer is not configured');
      const loaded = await loadSdk();
      client ??= new loaded.OpenAI({
        // A local OpenAI-compatible server needs no key, but the SDK insists on one.
        apiKey: settings.apiKey ?? 'no-key',
        baseURL: settings.baseURL,
        maxRetries: 0,
        logLevel: 'off',
      });
      const messages = buildMessages({
        board: input.board,
        prompt: deps.prompts?.get(input.promptId),
        promptId: input.promptId,
        rubrics: deps.rubrics,
        rules,
        answers: input.answers,
        curveballs: input.curveballs ?? [],
      });
      // The budget bounds the whole review, so a failing model costs the user at most this long.
      const deadline = started + settings.timeoutMs;
      const usage: Usage = { promptTokens: 0, completionTokens: 0 };
      let attempts = 0;
      let lastProblem = '';
      for (const share of [FIRST_ATTEMPT_SHARE, 1]) {
        const left = deadline - Date.now();
        const budget = attempts === 0 ? Math.min(left, Math.round(settings.timeoutMs * share)) : left;
        if (attempts > 0 && left < MIN_RETRY_MS) break;
        attempts++;
        if (attempts > 1) progress('retry', `The model failed (${lastProblem}); trying once more.`);
        else progress('model', `Asking ${settings.model}.`);
        try {
          const judged = await attempt(loaded, client, settings.model, messages, Math.max(1, budget), usage);
          progress('validating', 'Checking the model\'s refs and scores.');
          const review = merge(judged, rules, input, weights);
          return { review, meta: meta(review, settings.model, usage, started, attempts) };
        } catch (error) {
          lastProblem = redact(describe(loaded, error));
        }
      }
      progress('rules', 'The model failed; the rules reviewer answers instead.');
      rules.warnings.push(`The OpenAI reviewer failed (${lastProblem}) after ${attempts} attempt${attempts === 1 ? '' : 's'}; the rules reviewer answered instead.`);
      return {
        review: rules,
        meta: { ...meta(rules, settings.model, usage, started, attempts), reviewer: 'rules' },
      };
    },
  };
}

async function attempt({ zodResponseFormat }: Sdk, client: OpenAI, model: string, messages: ReturnType<typeof buildMessages>, timeoutMs: number, usage: Usage): Promise<ModelReview> {
  const completion = await client.chat.completions.create(
    { model, messages, response_format: zodResponseFormat(modelReviewSchema, 'review'), temperature: 0 },
    { timeout: timeoutMs, maxRetries: 0 },
  );
  usage.promptTokens += completion.usage?.prompt_tokens ?? 0;
  usage.completionTokens += completion.usage?.completion_tokens ?? 0;
  const content = completion.choices[0]?.message?.content;
  if (!content) throw new AttemptError('the model sent no content');
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new AttemptError('the model did not answer with valid JSON');
  }
  const parsed = modelReviewSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AttemptError(`the model's answer does not fit the review shape at ${issue?.path.join('.') || 'top level'}`);
  }
  return parsed.data;
}

function describe({ OpenAI }: Sdk, error: unknown): string {
  if (error instanceof AttemptError) return error.message;
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'the model did not answer in time';
  if (error instanceof OpenAI.APIError && error.status) return `HTTP ${error.status} from the model server`;
  if (error instanceof OpenAI.APIConnectionError) return 'could not reach the model server';
  return 'unexpected error talking to the model';
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The model's judgement made contract-safe, checked against the board and the rules reviewer. */
function merge(model: ModelReview, rules: Review, input: ReviewInput, weights: Record<string, number>): Review {
  const refs = citableRefs(input.board, input.answers);
  const warnings = [...rules.warnings];
  let dropped = 0;
  const items: ReviewItem[] = RUBRIC_ITEM_IDS.map((id) => {
    const baseline = rules.items.find((i) => i.id === id) as ReviewItem;
    const judged = model.items.find((i) => i.id === id);
    if (!judged) {
      warnings.push(`The model did not score ${RUBRIC_ITEM_TITLES[id]}; the rules reviewer's score is used.`);
      return baseline;
    }
    const evidence: Evidence[] = [];
    for (const e of judged.evidence) {
      const target = refs.get(e.ref);
      if (target === undefined || !/^(node|edge|section|answer):[A-Za-z0-9_-]+$/.test(e.ref)) {
        dropped++;
        continue;
      }
      evidence.push({ ref: e.ref, text: clip(e.text.trim() || target, 500) });
    }
    let score = judged.score;
    if (score > baseline.score + 1 && evidence.length === 0) {
      warnings.push(`${RUBRIC_ITEM_TITLES[id]}: the model gave ${score}/4 without evidence on the board; held at ${baseline.score + 1}/4.`);
      score = baseline.score + 1;
    }
    return {
      id,
      title: RUBRIC_ITEM_TITLES[id],
      score,
      max: 4,
      summary: clip(judged.summary.trim() || baseline.summary, 1000),
      evidence: evidence.slice(0, 8),
      missing: judged.missing.map((m) => m.trim()).filter((m) => m.length > 0).slice(0, 6),
    };
  });
  if (dropped > 0) warnings.push(`Dropped ${dropped} evidence ref${dropped === 1 ? '' : 's'} that point${dropped === 1 ? 's' : ''} at nothing on the board.`);
  const followUps = model.followUps.filter((f) => f.question.trim()).slice(0, MAX_FOLLOWUPS);
  return {
    prompt: rules.prompt,
    reviewer: 'openai',
    overall: overallScore(items, weights),
    items,
    followUps: followUps.length > 0 ? followUps : rules.followUps,
    warnings,
  };
}

function meta(review: Review, model: string, usage: Usage, started: number, attempts: number): ReviewMeta {
  return {
    reviewer: review.reviewer,
    requested: 'openai',
    model,
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    latencyMs: Date.now() - started,
    attempts,
    warnings: [...review.warnings],
  };
}
