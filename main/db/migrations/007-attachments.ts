import type { Migration } from '../database';

/**
 * Attachment bytes live in this database, not in a folder beside it. A blob is written in the
 * same file as the messages that use it, so one backup, one export and one damage check cover
 * both, and "removed when no message uses it" is a trigger that runs in the deleting statement's
 * own transaction: no sweep can race a crash into a message without its file, or a file left with
 * no message. Bytes are bounded before they get here (32 MB a file, images re-encoded to a few
 * MB), well inside SQLite's 1 GB blob limit; identical files are stored once (key: SHA-256 of the
 * stored bytes).
 *
 * `messages.attachments_json` is the list the message shows and sends; `attachment_refs` is kept
 * from it by triggers (one row per message and blob) and counts who still uses a blob.
 */
export const attachments: Migration = {
  version: 7,
  name: '007-attachments',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN attachments_json TEXT;

      CREATE TABLE attachment_blobs (
        sha256 TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        data BLOB NOT NULL,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE attachment_refs (
        message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL REFERENCES attachment_blobs(sha256),
        PRIMARY KEY (message_id, sha256)
      );
      CREATE INDEX attachment_refs_sha256 ON attachment_refs (sha256);

      CREATE TRIGGER attachment_refs_add AFTER INSERT ON messages
      WHEN NEW.attachments_json IS NOT NULL BEGIN
        INSERT OR IGNORE INTO attachment_refs (message_id, sha256)
          SELECT NEW.id, json_extract(value, '$.sha256') FROM json_each(NEW.attachments_json);
        INSERT OR IGNORE INTO attachment_refs (message_id, sha256)
          SELECT NEW.id, json_extract(value, '$.textSha256') FROM json_each(NEW.attachments_json)
          WHERE json_extract(value, '$.textSha256') IS NOT NULL;
      END;

      -- Per provider: request and image limits, and whether its models read native PDF parts.
      CREATE TABLE attachment_limits (
        provider_id TEXT PRIMARY KEY REFERENCES providers(id) ON DELETE CASCADE,
        limits_json TEXT NOT NULL
      );

      CREATE TRIGGER attachment_blobs_unused AFTER DELETE ON attachment_refs BEGIN
        DELETE FROM attachment_blobs WHERE sha256 = OLD.sha256
          AND NOT EXISTS (SELECT 1 FROM attachment_refs WHERE sha256 = OLD.sha256);
      END;
    `);
  },
};
