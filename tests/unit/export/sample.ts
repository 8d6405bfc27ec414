import { readFileSync } from 'node:fs';
import { parseDesignDoc } from '../../../core/src/designdoc';
import type { ExportData } from '../../../core/src/export';
import { reviewBoard } from '../../../core/src/reviewer';
import type { RubricSet } from '../../../core/src/rubric/schema';

/** The string every export must keep as text. */
export const HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';

/** A realistic session: a fixture design with groups, a hostile label, comment and answer, and a review of it. */
export function sampleData(rubrics: RubricSet): ExportData {
  const text = readFileSync(new URL('../../fixtures/designs/url-shortener-strong.md', import.meta.url), 'utf8');
  const board = parseDesignDoc(text).board;
  board.nodes.push(
    { id: 'dc', kind: 'group', label: 'Region eu-west', x: 0, y: 600, width: 500, height: 240, notes: '', props: {} },
    { id: 'evil', kind: 'external', label: HOSTILE, x: 40, y: 60, parent: 'dc', notes: HOSTILE, props: {} },
  );
  board.edges.push({ id: 'e-evil', source: board.nodes[0]!.id, target: 'evil', label: HOSTILE, mode: 'async' });
  board.sections.notes = `Some **bold** text, [a link](https://example.com), ![img](https://example.com/x.png) and ${HOSTILE}`;
  board.comments = [
    { id: 'c1', target: 'evil', author: HOSTILE, role: 'observer', text: `${HOSTILE}\nsecond line`, createdAt: 1_700_000_100_000, resolved: false },
  ];
  const review = reviewBoard(board, undefined, rubrics);
  review.items[0]!.evidence.push({ ref: 'node:evil', text: HOSTILE });
  review.followUps.push({ item: 'scaling', question: HOSTILE });
  return {
    exportedAt: 1_700_000_900_000,
    session: { id: 'sess1', prompt: 'url-shortener', title: 'URL shortener', mode: 'live', createdAt: 1_700_000_000_000, closedAt: 1_700_000_800_000 },
    board,
    reviews: [{ id: 1, createdAt: 1_700_000_700_000, review }],
    questions: [
      { id: 1, text: HOSTILE, item: 'scaling', askedAt: 1_700_000_200_000, answer: `Shard by code. ${HOSTILE}`, answeredAt: 1_700_000_300_000 },
      { id: 2, text: 'What about hot keys?', item: 'scaling', askedAt: 1_700_000_400_000, answer: null, answeredAt: null },
    ],
    comments: board.comments,
    interview: { phases: [{ phase: 'requirements', ms: 300_000 }, { phase: 'high-level-design', ms: 1_200_000 }], totalMs: 1_500_000 },
    private: { notes: [{ id: 1, text: `Strong on caching. ${HOSTILE}`, at: 1_700_000_500_000 }], scores: null },
  };
}
