import { useState } from 'react';
import { copyText } from '../../platform/files';

/**
 * A small copy action that says "Copied" for a moment instead of a toast. `text` may be read
 * when pressed (an exact request body main holds, issue 15); failing to read it says "Copy failed".
 */
export function CopyButton({ text, label }: { text: string | (() => Promise<string>); label: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    const value = typeof text === 'string' ? text : await text().catch(() => null);
    setCopied(value !== null && (await copyText(value)));
    setTimeout(() => setCopied(null), 1500);
  };
  return (
    <button
      type="button"
      className="btn btn-ghost inspector-mini-btn"
      aria-label={label}
      onClick={() => void copy()}
    >
      <span aria-live="polite">{copied === null ? 'Copy' : copied ? 'Copied' : 'Copy failed'}</span>
    </button>
  );
}
