import { CLAIM_LABEL, LEVEL_LABEL } from '../contract/attestation';
import type { ProofBundle, VerdictCore } from './bundle';
import { judgeAnswer } from './verdict';

export interface ProofCheck {
  /** The recomputed verdict equals the one in the bundle. */
  same: boolean;
  stated: VerdictCore | null;
  recomputed: VerdictCore | null;
  /** Why the file could not be checked at all. */
  problem: string | null;
  lines: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const summary = (v: VerdictCore): string =>
  `${v.state} — ${LEVEL_LABEL[v.level]} (${CLAIM_LABEL[v.claim]})${v.failedCheck ? `, failed check ${v.failedCheck}` : ''}`;

const MARK = { pass: '✔', fail: '✘', skip: '–', warn: '!' } as const;

/**
 * Recomputes a proof bundle's verdict offline from its bytes and evidence alone, at the time it
 * was judged (or `now`), and compares it with the verdict the bundle states. Nothing here reads
 * the network or the app's database: anyone can run it on a file they were handed.
 */
export function checkProof(text: string, now?: Date): ProofCheck {
  let bundle: ProofBundle;
  try {
    const parsed: unknown = JSON.parse(text);
    if (
      !isRecord(parsed) ||
      parsed.format !== 'llm-desk-proof/1' ||
      !isRecord(parsed.verdict) ||
      !isRecord(parsed.request) ||
      !isRecord(parsed.response)
    )
      return {
        same: false,
        stated: null,
        recomputed: null,
        problem: 'This is not an LLM Desk proof (format llm-desk-proof/1).',
        lines: [],
      };
    bundle = parsed as unknown as ProofBundle;
  } catch (error) {
    return {
      same: false,
      stated: null,
      recomputed: null,
      problem: `The file is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      lines: [],
    };
  }
  const at = now ?? new Date(bundle.judgedAt);
  if (Number.isNaN(at.getTime()))
    return {
      same: false,
      stated: bundle.verdict,
      recomputed: null,
      problem: `judgedAt ${String(bundle.judgedAt)} is not a time.`,
      lines: [],
    };
  let recomputed: VerdictCore;
  try {
    recomputed = judgeAnswer(bundle, at);
  } catch (error) {
    return {
      same: false,
      stated: bundle.verdict,
      recomputed: null,
      problem: `The evidence could not be read: ${error instanceof Error ? error.message : String(error)}`,
      lines: [],
    };
  }
  const stated = bundle.verdict;
  const same =
    stated.state === recomputed.state &&
    stated.level === recomputed.level &&
    stated.claim === recomputed.claim &&
    stated.failedCheck === recomputed.failedCheck;
  const lines = [
    `Provider: ${bundle.provider.name} (${bundle.provider.kind}), model ${bundle.model ?? '?'}, judged at ${at.toISOString()}`,
    ...recomputed.checks.map(
      (c) =>
        `  ${MARK[c.status]} [${c.supplementary ? 'supplementary' : LEVEL_LABEL[c.level]}] ${c.label}: ${c.reason}`,
    ),
    `Stated verdict:     ${summary(stated)}`,
    `Recomputed verdict: ${summary(recomputed)}`,
    ...(recomputed.reason ? [`Reason: ${recomputed.reason}`] : []),
    same ? 'Same verdict.' : 'DIFFERENT verdict: the bundle does not support what it states.',
  ];
  return { same, stated, recomputed, problem: null, lines };
}
