import { useState } from 'react';
import { copyText } from '../../platform/files';

/** A small copy action that says "Copied" for a moment instead of a toast. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    setCopied(await copyText(text));
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
