import type { Migration } from '../database';

/**
 * Where a provider's Intel collateral comes from (issue 14): a PCCS base URL per provider, or
 * NULL for the app's source (Intel's PCS).
 */
export const attestationCollateralSource: Migration = {
  version: 16,
  name: '016-attestation-collateral-source',
  up(db) {
    db.exec('ALTER TABLE attestation_providers ADD COLUMN collateral_url TEXT;');
  },
};
