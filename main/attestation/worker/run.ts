import { collateralNeeds } from '../collateral/needs';
import type { ReportCheck } from '../report';
import { checkNitro, checkReport } from '../report';
import type { CheckJob, EvidenceJob, EvidenceOutput } from './protocol';

/** One evidence job, synchronously: the worker runs this, and so does main where there is no worker. */
export function runEvidenceJob(job: CheckJob): ReportCheck;
export function runEvidenceJob(job: EvidenceJob): EvidenceOutput;
export function runEvidenceJob(job: EvidenceJob): EvidenceOutput {
  if (job.kind === 'needs') return collateralNeeds(job.body);
  if (job.kind === 'nitro') return checkNitro(job.attestation, job.signer, job.now);
  return checkReport(job.input);
}
