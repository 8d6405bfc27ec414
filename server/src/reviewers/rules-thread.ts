/**
 * The rules thread (see rules-off-thread.ts): reviews boards for the live checklists away from
 * the event loop that carries edits. It gets the prompts and rubrics once, as data; each
 * review is checked against the contract here, so the main thread only has to send it.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { reviewSchema } from '../../../core/src/rubric/schema';
import { createRulesReviewer } from './rules-reviewer';
import { rulesFromSnapshot, type RulesReady, type RulesReply, type RulesRequest, type RulesSnapshot } from './rules-snapshot';

const rules = createRulesReviewer(rulesFromSnapshot(workerData as RulesSnapshot));
const port = parentPort!;

port.on('message', ({ id, input }: RulesRequest) => {
  const started = performance.now();
  let reply: RulesReply;
  try {
    reply = { id, review: reviewSchema.parse(rules.sync(input)), ms: performance.now() - started };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error), ms: performance.now() - started };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies RulesReady);
