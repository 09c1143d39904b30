import type { CollateralNeed } from '../collateral/needs';
import type { ReportCheck, ReportInput } from '../report';

/**
 * Evidence checks main hands to the evidence worker (or runs in-thread where there is none: the
 * `verify-proof` CLI, unit tests). Jobs and results are plain, structured-cloneable data.
 * `report`: a provider's report (quote chains, bindings, event logs, GPUs); `nitro`: Galadriel's
 * AWS Nitro document for the signer's key; `needs`: the collateral a report's quotes call for;
 * `signer`: an EIP-191 signature's key, recovered once per signing key (main then knows it).
 */
export type CheckJob =
  { kind: 'report'; input: ReportInput } | { kind: 'nitro'; attestation: string; signer: string; now: Date };

export type SignerJob = { kind: 'signer'; message: string; signature: string };

export type SignerKey = { address: string; publicKey: string } | { error: string };

export type EvidenceJob = CheckJob | SignerJob | { kind: 'needs'; body: unknown };

export type EvidenceOutput = ReportCheck | CollateralNeed[] | SignerKey;

export interface EvidenceRequest {
  id: number;
  job: EvidenceJob;
}

export type EvidenceReply =
  | { id: number; ok: true; result: EvidenceOutput; threadId: number; cpuMs: number }
  | { id: number; ok: false; message: string };
