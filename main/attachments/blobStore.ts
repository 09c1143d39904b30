import type { DatabaseSync } from 'node:sqlite';
import type { AttachmentLimits } from '../contract';
import { DEFAULT_ATTACHMENT_LIMITS } from '../contract';

export interface Blob {
  sha256: string;
  mime: string;
  data: Uint8Array;
}

/** Attachment bytes in SQLite (see migration 007 for why there), keyed by their SHA-256. */
export class BlobStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number,
  ) {}

  /** Stores each blob once; one already there (same hash) is left as it is. */
  put(blobs: readonly Blob[]): void {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO attachment_blobs (sha256, mime, size, data, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const blob of blobs) insert.run(blob.sha256, blob.mime, blob.data.byteLength, blob.data, this.now());
  }

  get(sha256: string): Blob | null {
    const row = this.db.prepare('SELECT mime, data FROM attachment_blobs WHERE sha256 = ?').get(sha256) as
      { mime: string; data: Uint8Array } | undefined;
    return row ? { sha256, mime: row.mime, data: row.data } : null;
  }

  /** A blob's size in bytes, without reading its bytes; null when it is not stored. */
  sizeOf(sha256: string): number | null {
    const row = this.db.prepare('SELECT size FROM attachment_blobs WHERE sha256 = ?').get(sha256) as
      { size: number } | undefined;
    return row ? Number(row.size) : null;
  }

  has(sha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM attachment_blobs WHERE sha256 = ?').get(sha256) !== undefined;
  }

  /** Blobs no message uses: written just before a crash that lost their message. */
  sweep(): number {
    const result = this.db
      .prepare('DELETE FROM attachment_blobs WHERE sha256 NOT IN (SELECT sha256 FROM attachment_refs)')
      .run();
    return Number(result.changes);
  }

  usage(): { files: number; bytes: number } {
    const row = this.db
      .prepare('SELECT COUNT(*) AS files, COALESCE(SUM(size), 0) AS bytes FROM attachment_blobs')
      .get() as {
      files: number;
      bytes: number;
    };
    return { files: Number(row.files), bytes: Number(row.bytes) };
  }

  limits(providerId: string): AttachmentLimits {
    const row = this.db
      .prepare('SELECT limits_json FROM attachment_limits WHERE provider_id = ?')
      .get(providerId) as { limits_json: string } | undefined;
    const stored = row ? (JSON.parse(row.limits_json) as Partial<AttachmentLimits>) : {};
    return { ...DEFAULT_ATTACHMENT_LIMITS, ...stored };
  }

  setLimits(providerId: string, limits: AttachmentLimits): void {
    this.db
      .prepare(
        `INSERT INTO attachment_limits (provider_id, limits_json) VALUES (?, ?)
         ON CONFLICT (provider_id) DO UPDATE SET limits_json = excluded.limits_json`,
      )
      .run(providerId, JSON.stringify(limits));
  }
}
