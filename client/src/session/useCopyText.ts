import { useState } from 'react';

/** Whether the last copy worked, for two seconds: 'failed' tells the user to select and copy by hand. */
export type CopyState = 'yes' | 'failed' | null;

/** Copies `text` to the clipboard on `copy()`; `copied` says how it went, then clears itself. */
export function useCopyText(text: string): { copied: CopyState; copy: () => Promise<void> } {
  const [copied, setCopied] = useState<CopyState>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
    window.setTimeout(() => setCopied(null), 2000);
  };
  return { copied, copy };
}
