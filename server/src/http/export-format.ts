import type { Response } from 'express';
import { exportHtml, exportJson, exportMarkdown, type ExportData } from '../../../core/src/export';
import { HttpError } from './errors';

export const EXPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const TYPES: Readonly<Record<ExportFormat, string>> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The `format` query value, `md` when absent; a clear 400 for anything else. */
export function exportFormatOf(value: unknown): ExportFormat {
  if (value === undefined) return 'md';
  if (typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
  throw new HttpError('BAD_REQUEST', `unknown export format "${String(value)}"; use md, html or json`);
}

export function renderExport(format: ExportFormat, data: ExportData): string {
  if (format === 'html') return exportHtml(data);
  if (format === 'json') return exportJson(data);
  return exportMarkdown(data);
}

/** A download name such as `url-shortener-review-2026-12-01.html`: the prompt id is already a safe slug, but is cleaned anyway. */
export function exportFilename(data: ExportData, format: ExportFormat): string {
  const slug = data.session.prompt.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'design';
  const day = new Date(data.exportedAt).toISOString().slice(0, 10);
  return `${slug}-review-${day}.${format}`;
}

/** Sends an export; `download` adds Content-Disposition so a browser saves it under its name. */
export function sendExport(res: Response, format: ExportFormat, data: ExportData, download: boolean): void {
  if (download) res.attachment(exportFilename(data, format));
  res.setHeader('Cache-Control', 'no-store');
  res.type(TYPES[format]).send(renderExport(format, data));
}
