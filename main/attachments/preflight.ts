import type { RunPlan } from '../chat/request/plan';
import type { AttachmentLimits, AttachmentRef, Message, Preflight, PreflightPart } from '../contract';
import { AppFailure } from '../contract';
import { decide, partCapabilities, partTokens, wantsPages } from './parts';
import { base64Length } from './tokens';

export interface MeasureDeps {
  limits: (providerId: string) => AttachmentLimits;
  estimateTokens: (text: string) => number;
}

/** Tokens of messages' own text, by id and version: a long history is counted once, not per keystroke. */
const textTokenCache = new Map<string, number>();
const CACHE_ENTRIES = 20_000;

function messageTokens(message: Message, estimate: (text: string) => number): number {
  if (message.id === '') return estimate(message.content);
  const key = `${message.id}:${message.updatedAt}`;
  const hit = textTokenCache.get(key);
  if (hit !== undefined) return hit;
  const tokens = estimate(message.content);
  if (textTokenCache.size >= CACHE_ENTRIES) textTokenCache.clear();
  textTokenCache.set(key, tokens);
  return tokens;
}

/** Bytes the part adds to the body (base64 for binaries; text as UTF-8, escapes not counted). */
function partBytes(ref: AttachmentRef, sentAs: PreflightPart['sentAs']): number {
  if (sentAs === 'omitted') return 0;
  if (sentAs === 'text') return ref.kind === 'pdf' ? (ref.textBytes ?? 0) : ref.storedBytes;
  if (sentAs === 'pages') return (ref.pageImages ?? []).reduce((sum, p) => sum + base64Length(p.bytes), 0);
  return base64Length(ref.storedBytes);
}

// Two decimals: "1.04 MB; at most 1.00 MB" must not read as the same number.
const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * What the planned request costs against the model's window and the provider's request limit.
 * `path` ends with the turn being sent; its attachments are the parts listed.
 */
export function measure(
  plan: RunPlan,
  path: readonly Message[],
  ids: readonly string[],
  contextWindow: number | null,
  deps: MeasureDeps,
  /** Base64 counted but not built (AttachmentsService.sizing). */
  elidedBytes = 0,
): Preflight {
  const limits = deps.limits(plan.provider.id);
  const caps = partCapabilities(plan.model, plan.description.capabilities, limits);
  let textTokens = deps.estimateTokens(plan.thread.settings.systemPrompt);
  let attachmentTokens = 0;
  const last = path[path.length - 1];
  for (const message of path) {
    textTokens += messageTokens(message, deps.estimateTokens) + 4;
    if (message === last) continue;
    for (const ref of message.attachments ?? [])
      attachmentTokens += partTokens(ref, decide(ref, caps).sentAs);
  }
  let undrawn: string | null = null;
  const parts: PreflightPart[] = (last?.attachments ?? []).map((ref, i) => {
    const { sentAs, note, pdfChoice } = decide(ref, caps);
    const tokens = partTokens(ref, sentAs);
    attachmentTokens += tokens;
    if (wantsPages(ref, caps) && !ref.pageImages?.length) undrawn ??= ref.wireName;
    return {
      id: ids[i] ?? ref.sha256,
      sentAs,
      tokens,
      bytes: partBytes(ref, sentAs),
      note,
      ...(pdfChoice ? { pdfChoice } : {}),
    };
  });
  const requestBytes = Buffer.byteLength(plan.request.bytes) + elidedBytes;
  const requestLimitBytes = Math.round(limits.requestMb * 1024 * 1024);
  const total = textTokens + attachmentTokens;
  let blocked: string | null = null;
  if (requestBytes > requestLimitBytes) {
    blocked = `The request would be ${megabytes(requestBytes)}; ${plan.provider.name} takes at most ${megabytes(requestLimitBytes)}. Remove a file, send a PDF with fewer pages, or pick detail “low” for images.`;
  } else if (contextWindow !== null && total > contextWindow) {
    blocked = `About ${count(total)} tokens; ${plan.model} reads at most ${count(contextWindow)}. Remove a file, attach fewer pages, or choose a model with a longer context.`;
  } else if (undrawn !== null) {
    blocked = `The pages of ${undrawn} are not drawn as images (yet, or they could not be): wait a moment, or send its text instead.`;
  }
  return {
    model: plan.model,
    parts,
    textTokens,
    attachmentTokens,
    contextWindow,
    requestBytes,
    requestLimitBytes,
    blocked,
    leavesConfidential: false,
  };
}

/** On Send, main is the authority: a request with files that is over a limit is never sent. */
export function refuseIfBlocked(result: Preflight): void {
  if (result.blocked)
    throw new AppFailure('invalid_request', result.blocked, { detail: { field: 'attachments' } });
}
