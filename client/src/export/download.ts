/**
 * Downloads of the review exports. The session token goes in the Authorization header of a
 * fetch, never in a URL (a URL ends up in server logs, proxy logs and the browser's history),
 * and the answer is saved from a Blob.
 */

export type ServerFormat = 'md' | 'html' | 'json';
export type ImageFormat = 'png' | 'svg';
export type ExportFormat = ServerFormat | ImageFormat;

/** A file name from the board's title and today's date, e.g. `url-shortener-2026-12-01.md`. */
export function exportFilename(title: string, format: ExportFormat, now = new Date()): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'design';
  const day = now.toISOString().slice(0, 10);
  return `${slug}-${day}.${format}`;
}

/** The file name a `Content-Disposition` header proposes, if it names a safe one. */
export function dispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  let name: string | null = null;
  if (star?.[1]) {
    try {
      name = decodeURIComponent(star[1].trim());
    } catch {
      name = null;
    }
  }
  name ??= /filename\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1] ?? null;
  if (!name) return null;
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return base && !base.startsWith('.') ? base : null;
}

/** Saves `blob` as a file through a temporary link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started by the time the click returns; the delay only spares slow browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches `GET /api/sessions/:id/export?format=…` with the token in a header and saves it. */
export async function downloadServerExport(sessionId: string, token: string, format: ServerFormat, title: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/export?format=${format}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  } catch {
    throw new Error('The server cannot be reached. Check your connection and try again.');
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
    throw new Error(typeof message === 'string' ? message : `The export failed: the server answered ${response.status}.`);
  }
  const blob = await response.blob();
  saveBlob(blob, dispositionFilename(response.headers.get('content-disposition')) ?? exportFilename(title, format));
}
