/**
 * `designroom eval DIR`: reviews every design in DIR and compares with DIR/labels.json
 * (one array of eight hand scores per file name, in the item order of `_items`). Prints
 * per-design scores against the labels, the mean absolute error, the share of items within
 * one point, and per prompt whether the overall scores rank the designs in the labels' order.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { RUBRIC_ITEM_IDS } from '../../../core/src/rubric/items';
import { overallScore } from '../../../core/src/rubric/schema';
import { reviewBoard } from '../../../core/src/reviewer/index';
import { CliError, EXIT } from './errors';
import { loadDesign, loadLibrary, oneLine, resolvePrompt } from './load';
import type { CommandOutput } from './review';

const scoresSchema = z.array(z.number().int().min(0).max(4)).length(RUBRIC_ITEM_IDS.length);

export interface EvalRow {
  name: string;
  prompt: string;
  scores: number[];
  labels: number[] | undefined;
  overall: number;
  labelOverall: number | undefined;
}

export interface EvalSummary {
  rows: EvalRow[];
  failures: string[];
  mae: number;
  withinOne: number;
  rankings: Array<{ prompt: string; ok: boolean; order: string[]; expected: string[] }>;
}

async function readLabels(dir: string): Promise<Map<string, number[]>> {
  const file = path.join(dir, 'labels.json');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CliError(`${file}: ${oneLine(error)}`, EXIT.badInput);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new CliError(`${file}: expected an object of score arrays`, EXIT.badInput);
  const order = (raw as Record<string, unknown>)._items;
  if (order !== undefined && JSON.stringify(order) !== JSON.stringify(RUBRIC_ITEM_IDS)) {
    throw new CliError(`${file}: _items must list ${RUBRIC_ITEM_IDS.join(', ')} in that order`, EXIT.badInput);
  }
  const labels = new Map<string, number[]>();
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (name.startsWith('_')) continue;
    const parsed = scoresSchema.safeParse(value);
    if (!parsed.success) throw new CliError(`${file}: ${name}: ${parsed.error.issues[0]?.message ?? 'invalid scores'}`, EXIT.badInput);
    labels.set(name, parsed.data);
  }
  return labels;
}

export async function evaluateDir(dir: string): Promise<EvalSummary> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md').sort();
  } catch {
    throw new CliError(`${dir}: no such directory`, EXIT.badInput);
  }
  const labels = await readLabels(dir);
  const library = await loadLibrary();
  const weights = Object.fromEntries(library.rubrics.generic.items.map((i) => [i.id, i.weight]));
  const rows: EvalRow[] = [];
  const failures: string[] = [];
  for (const file of names) {
    const name = file.slice(0, -'.md'.length);
    try {
      const design = await loadDesign(path.join(dir, file));
      const prompt = resolvePrompt(design, library, path.join(dir, file));
      const review = reviewBoard(design.board, prompt, library.rubrics);
      const label = labels.get(name);
      rows.push({
        name,
        prompt: review.prompt,
        scores: review.items.map((i) => i.score),
        labels: label,
        overall: review.overall,
        labelOverall: label ? overallScore(RUBRIC_ITEM_IDS.map((id, i) => ({ id, score: label[i] ?? 0 })), weights) : undefined,
      });
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }

  let errorSum = 0;
  let within = 0;
  let count = 0;
  for (const row of rows) {
    if (!row.labels) continue;
    row.scores.forEach((score, i) => {
      const d = Math.abs(score - (row.labels?.[i] ?? 0));
      errorSum += d;
      if (d <= 1) within++;
      count++;
    });
  }

  const rankings: EvalSummary['rankings'] = [];
  const byPrompt = new Map<string, EvalRow[]>();
  for (const row of rows) if (row.labelOverall !== undefined) byPrompt.set(row.prompt, [...(byPrompt.get(row.prompt) ?? []), row]);
  for (const [prompt, group] of [...byPrompt].sort(([a], [b]) => a.localeCompare(b))) {
    if (group.length < 2) {
      rankings.push({ prompt, ok: true, order: group.map((r) => r.name), expected: group.map((r) => r.name) });
      continue;
    }
    // Every pair the labels separate must be ordered the same way by the reviewer's overall.
    let ok = true;
    for (const a of group) {
      for (const b of group) {
        if ((a.labelOverall ?? 0) > (b.labelOverall ?? 0) && !(a.overall > b.overall)) ok = false;
      }
    }
    const order = [...group].sort((a, b) => b.overall - a.overall || a.name.localeCompare(b.name)).map((r) => r.name);
    const expected = [...group].sort((a, b) => (b.labelOverall ?? 0) - (a.labelOverall ?? 0) || a.name.localeCompare(b.name)).map((r) => r.name);
    rankings.push({ prompt, ok, order, expected });
  }

  return { rows, failures, mae: count === 0 ? 0 : errorSum / count, withinOne: count === 0 ? 0 : within / count, rankings };
}

export function formatEval(summary: EvalSummary): string {
  const out: string[] = [];
  const width = Math.max(6, ...summary.rows.map((r) => r.name.length));
  out.push(`${'design'.padEnd(width)}  ${RUBRIC_ITEM_IDS.map((id) => id.slice(0, 5).padEnd(5)).join(' ')}  overall`);
  for (const row of summary.rows) {
    const cells = row.scores.map((s, i) => {
      const label = row.labels?.[i];
      return (label === undefined ? `${s}` : `${s}/${label}`).padEnd(5);
    });
    const overall = row.labelOverall === undefined ? `${row.overall}` : `${row.overall}/${row.labelOverall}`;
    out.push(`${row.name.padEnd(width)}  ${cells.join(' ')}  ${overall}`);
  }
  out.push('(cells are reviewer/label)');
  out.push('');
  out.push(`mean absolute error: ${summary.mae.toFixed(3)}`);
  out.push(`within one point:    ${(summary.withinOne * 100).toFixed(1)}%`);
  for (const r of summary.rankings) {
    out.push(`ranking ${r.prompt}: ${r.ok ? 'ok' : 'WRONG'} (reviewer: ${r.order.join(' > ')}${r.ok ? '' : `; labels: ${r.expected.join(' > ')}`})`);
  }
  for (const f of summary.failures) out.push(`failed: ${f}`);
  return `${out.join('\n')}\n`;
}

export async function evalCommand(dir: string): Promise<CommandOutput> {
  const summary = await evaluateDir(dir);
  return {
    stdout: formatEval(summary),
    stderr: summary.failures.map((f) => `error: ${f}\n`).join(''),
    code: summary.failures.length > 0 ? EXIT.badInput : EXIT.ok,
  };
}
