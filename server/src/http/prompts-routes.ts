import { Router } from 'express';
import type { Prompt } from '../../../core/src';
import type { PromptLibrary } from '../data/prompts';
import { HttpError } from './errors';

/**
 * What anyone may read of a prompt: the problem, the answers to clarifying questions, the
 * scale and the phases. The answer key (what a strong answer covers, the follow-up points,
 * the common mistakes) is not public: a candidate could read it mid-interview.
 */
export function publicPrompt(prompt: Prompt) {
  const { id, title, difficulty, tags, statement, clarifications, scale, phases, hints, body } = prompt;
  return { id, title, difficulty, tags, statement, clarifications, scale, phases, hints, body };
}

export function promptsRouter(prompts: PromptLibrary): Router {
  const router = Router();
  router.get('/api/prompts', (_req, res) => {
    res.json(prompts.list());
  });
  router.get('/api/prompts/:id', (req, res) => {
    const prompt = prompts.get(req.params.id);
    if (!prompt) throw new HttpError('NOT_FOUND', `no prompt "${req.params.id}"`);
    res.json(publicPrompt(prompt));
  });
  return router;
}
