import type { ReportCheck } from '../report';
import { checkNitro, checkReport } from '../report';
import type { EvidenceJob } from './protocol';

/** One evidence job, synchronously: the worker runs this, and so does main where there is no worker. */
export function runEvidenceJob(job: EvidenceJob): ReportCheck {
  if (job.kind === 'nitro') return checkNitro(job.attestation, job.signer, job.now);
  return checkReport(job.input);
}
