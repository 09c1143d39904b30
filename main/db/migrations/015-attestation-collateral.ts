import type { Migration } from '../database';

/**
 * Intel collateral for verified confidential inference (issue 14): TCB info, QE identity and the
 * CRLs fetched from Intel's PCS (or a PCCS) per TDX/SGX, FMSPC and PCK CA, kept until their
 * earliest `nextUpdate` and used as the fallback when the PCS cannot be reached.
 */
export const attestationCollateral: Migration = {
  version: 15,
  name: '015-attestation-collateral',
  up(db) {
    db.exec(`
      CREATE TABLE attestation_collateral (
        key TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        fetched_at INTEGER NOT NULL,
        next_update INTEGER NOT NULL,
        body TEXT NOT NULL
      );
    `);
  },
};
