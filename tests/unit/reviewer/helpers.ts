/** Shared loading for the reviewer tests: real rubric files, real fixture designs. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Board } from '../../../core/src/board/schema';
import { parseDesignDoc } from '../../../core/src/designdoc/index';
import { reviewBoard } from '../../../core/src/reviewer/index';
import type { Review } from '../../../core/src/rubric/schema';
import { loadRubrics, type LoadedRubrics } from '../../../server/src/data/rubrics';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DESIGNS = path.join(ROOT, 'tests/fixtures/designs');
export const RUBRICS_DIR = path.join(ROOT, 'rubrics');

let rubrics: LoadedRubrics | undefined;
export async function rubricSet(): Promise<LoadedRubrics> {
  rubrics ??= await loadRubrics(RUBRICS_DIR);
  return rubrics;
}

export function board(name: string): Board {
  return parseDesignDoc(readFileSync(path.join(DESIGNS, `${name}.md`))).board;
}

export async function review(b: Board): Promise<Review> {
  return reviewBoard(b, undefined, await rubricSet());
}

export function scores(r: Review): Record<string, number> {
  return Object.fromEntries(r.items.map((i) => [i.id, i.score]));
}
