import { collateralNeeds } from '../collateral/needs';
import type { ReportCheck } from '../report';
import { checkNitro, checkReport } from '../report';
import { recoverKey } from '../formats/eip191';
import type { CheckJob, EvidenceJob, EvidenceOutput, SignerJob, SignerKey } from './protocol';

/** One evidence job, synchronously: the worker runs this, and so does main where there is no worker. */
export function runEvidenceJob(job: CheckJob): ReportCheck;
export function runEvidenceJob(job: SignerJob): SignerKey;
export function runEvidenceJob(job: EvidenceJob): EvidenceOutput;
export function runEvidenceJob(job: EvidenceJob): EvidenceOutput {
  if (job.kind === 'needs') return collateralNeeds(job.body);
  if (job.kind === 'signer') return recoverKey(job.message, job.signature);
  if (job.kind === 'nitro') return checkNitro(job.attestation, job.signer, job.now);
  return checkReport(job.input);
}
