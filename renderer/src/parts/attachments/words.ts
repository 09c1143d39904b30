import type { AttachmentRef, Preflight, PreflightPart } from '../../../../main/contract';
import { formatBytes } from '../../store/attachments/files';

const tokens = (n: number): string => `${Math.round(n).toLocaleString('en-US')} tokens`;

/** "image, high detail · 1,105 tokens" / "won't be sent: this model does not read images". */
export function sentAsText(ref: AttachmentRef | null, part: PreflightPart | null): string {
  if (!ref) return '';
  if (!part) return 'checking…';
  switch (part.sentAs) {
    case 'omitted':
      return part.note ?? 'will not be sent';
    case 'image':
      return `image, ${ref.detail ?? 'auto'} detail · ${tokens(part.tokens)}${part.note ? ` · ${part.note}` : ''}`;
    case 'file':
      return `PDF file, ${ref.pages ?? 0} pages · ~${tokens(part.tokens)}`;
    case 'pages':
      return `${part.note ?? 'page images'} · ${tokens(part.tokens)}`;
    case 'text':
      return ref.kind === 'pdf'
        ? `${part.note ?? 'text'} · ${tokens(part.tokens)}`
        : `text · ${tokens(part.tokens)}`;
  }
}

/** The line under the chips: tokens against the window, bytes against the request limit. */
export function preflightSummary(p: Preflight): string {
  const total = p.textTokens + p.attachmentTokens;
  const window = p.contextWindow ? ` of ${p.contextWindow.toLocaleString('en-US')}` : '';
  return `${tokens(total)}${window} (files ${tokens(p.attachmentTokens)}) · request ${formatBytes(p.requestBytes)} of ${formatBytes(p.requestLimitBytes)}`;
}
