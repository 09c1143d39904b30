import type { Migration } from '../database';

/**
 * Stored request bodies refer to attachment blobs instead of repeating their base64
 * (main/attachments/requestBodies.ts): `meta_json.requestBodyBlobs` lists them. An answer that
 * refers to a blob holds it like the message it was attached to, through `attachment_refs`, so
 * the blob stays while any body still needs it and goes with the last one (migration 007's
 * trigger). No column: older rows have whole bodies and are read as they are. A PDF sent as
 * images of its pages holds those page images the same way.
 */
export const requestBodyBlobs: Migration = {
  version: 11,
  name: '011-request-body-blobs',
  up(db) {
    const refs = `INSERT OR IGNORE INTO attachment_refs (message_id, sha256)
        SELECT NEW.id, json_extract(value, '$.sha256') FROM json_each(NEW.meta_json, '$.requestBodyBlobs');`;
    // instr() first: a whole old body is megabytes of JSON not worth parsing for a key it lacks.
    const when = `NEW.meta_json IS NOT NULL AND instr(NEW.meta_json, '"requestBodyBlobs":') > 0`;
    db.exec(`
      CREATE TRIGGER request_body_refs_insert AFTER INSERT ON messages WHEN ${when} BEGIN
        ${refs}
      END;
      CREATE TRIGGER request_body_refs_update AFTER UPDATE OF meta_json ON messages WHEN ${when} BEGIN
        ${refs}
      END;
      -- A PDF sent as images of its pages holds each page's blob too.
      CREATE TRIGGER attachment_pages_add AFTER INSERT ON messages
      WHEN NEW.attachments_json IS NOT NULL AND instr(NEW.attachments_json, '"pageImages":') > 0 BEGIN
        INSERT OR IGNORE INTO attachment_refs (message_id, sha256)
          SELECT NEW.id, json_extract(page.value, '$.sha256')
          FROM json_each(NEW.attachments_json) AS file, json_each(file.value, '$.pageImages') AS page;
      END;
    `);
  },
};
