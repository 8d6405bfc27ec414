/**
 * The traffic model as review evidence for scaling: what the design's first bottleneck is, and
 * what is over capacity at ten times the design's own estimate ("at 10×, the single PostgreSQL
 * primary takes 12,000 writes a second against about 5,000"), plus the follow-up question about
 * that bottleneck. Only for designs that state their traffic: an assumed default proves nothing.
 */
import type { Board } from '../board/schema';
import type { ReviewFollowUp, ReviewItem } from '../rubric/schema';
import type { CapacityDefaults } from '../traffic/defaults';
import { analyseTraffic, fmt, type NodeTraffic } from '../traffic/report';
import { prepareTraffic, type ModelNode } from '../traffic/prepare';

/** The multiple interviewers ask about. */
export const EVIDENCE_MULTIPLE = 10;
const MAX_FOLLOW_UPS = 6;

function name(node: { label: string; id: string }): string {
  return `"${node.label.trim() || node.id}"`;
}

/** "takes 12k writes a second against about 5,000": the flow that fills it most. */
function overload(model: ModelNode, load: NodeTraffic): string {
  if (model.behaviour === 'queue' || model.behaviour === 'stream') {
    return `takes ${fmt(load.loadPerSecond)} messages a second against about ${fmt(model.writeCapacity ?? 0)}`;
  }
  const readShare = model.readCapacity ? load.readsPerSecond / model.readCapacity : 0;
  const writeShare = model.writeCapacity ? load.writesPerSecond / model.writeCapacity : 0;
  return writeShare >= readShare
    ? `takes ${fmt(load.writesPerSecond)} writes a second against about ${fmt(model.writeCapacity ?? 0)}`
    : `takes ${fmt(load.readsPerSecond)} reads a second against about ${fmt(model.readCapacity ?? 0)}`;
}

/**
 * Adds the model's findings to the scaling item's evidence and asks about the first bottleneck.
 * Scores are left alone: the rubric's checks judge the answer; this gives it numbers to judge by.
 */
export function addTrafficEvidence(board: Board, capacity: CapacityDefaults, items: ReviewItem[], followUps: ReviewFollowUp[]): void {
  const scaling = items.find((i) => i.id === 'scaling');
  if (!scaling || board.nodes.length === 0) return;
  const model = prepareTraffic(board, capacity);
  if (model.baseline.origin !== 'estimate') return;
  const report = analyseTraffic(model, EVIDENCE_MULTIPLE);
  const first = report.firstBottleneck;
  if (!first) return;
  const firstNode = model.nodes[model.index.get(first.id) ?? -1];
  const worstId = report.bottlenecks[0];
  const worst = worstId === undefined ? undefined : model.nodes[model.index.get(worstId) ?? -1];
  const worstLoad = report.nodes.find((n) => n.id === worstId);
  if (worst && worstLoad) {
    scaling.evidence.push({
      ref: `node:${worst.id}`,
      text: `Traffic model: at ${EVIDENCE_MULTIPLE}× the estimate, ${name(worst)} ${overload(worst, worstLoad)}.`.slice(0, 500),
    });
  }
  if (!firstNode) return;
  if (first.id !== worstId) {
    scaling.evidence.push({ ref: `node:${first.id}`, text: `Traffic model: ${name(firstNode)} is the first component to saturate, at ${fmt(first.atTraffic)}× the estimate.` });
  }
  const question = `By the traffic model, ${name(firstNode)} saturates first, at about ${fmt(first.atTraffic)}× your estimated traffic. What do you change there, and what breaks next?`;
  // Follow-ups run from the weakest item to the strongest; this one goes with scaling's place.
  const score = new Map(items.map((i) => [i.id, i.score]));
  const at = followUps.findIndex((f) => (score.get(f.item) ?? 0) > scaling.score);
  followUps.splice(at < 0 ? followUps.length : at, 0, { item: 'scaling', question });
  if (followUps.length > MAX_FOLLOW_UPS) followUps.pop();
}
