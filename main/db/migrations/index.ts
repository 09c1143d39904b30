import type { Migration } from '../database';
import { core } from './001-core';
import { threads } from './002-threads';
import { tools } from './003-tools';
import { usage } from './004-usage';
import { sharedUsage } from './005-shared-usage';
import { attestation } from './006-attestation';
import { attachments } from './007-attachments';
import { mcp } from './008-mcp';
import { experiments } from './009-experiments';
import { projectsBudgets } from './010-projects-budgets';
import { requestBodyBlobs } from './011-request-body-blobs';
import { mcpCannedOauth } from './012-mcp-canned-oauth';
import { experimentProjects } from './013-experiment-projects';
import { exchangeRates } from './014-exchange-rates';
import { attestationCollateral } from './015-attestation-collateral';
import { attestationCollateralSource } from './016-attestation-collateral-source';
import { usageScopes } from './018-usage-scopes';
import { mcpRunLedger } from './020-mcp-run-ledger';

/** Every migration, oldest first. Add new steps at the end; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  core,
  threads,
  tools,
  usage,
  sharedUsage,
  attestation,
  attachments,
  mcp,
  experiments,
  projectsBudgets,
  requestBodyBlobs,
  mcpCannedOauth,
  experimentProjects,
  exchangeRates,
  attestationCollateral,
  attestationCollateralSource,
  usageScopes,
  mcpRunLedger,
];
