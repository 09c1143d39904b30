/** Messages between main and the attachments worker (structured-cloned; byte arrays transferred). */

export interface ReadRequest {
  id: number;
  op?: 'read';
  base64: string;
  /** The name as sent (see text.ts `wireName`), written into fences and PDF headers. */
  wireName: string;
}

export type ReadResult =
  | { kind: 'image'; format: 'png' | 'jpeg' | 'gif' | 'webp'; bytes: Uint8Array }
  | {
      kind: 'pdf';
      bytes: Uint8Array;
      sha256: string;
      pages: number;
      /** The text part as it would be sent (header, page markers), UTF-8. */
      text: Uint8Array;
      textSha256: string;
      textTokens: number;
      scanned: boolean;
      unreadable: number;
    }
  | {
      kind: 'text';
      /** The decoded text re-encoded as UTF-8: what is stored. */
      bytes: Uint8Array;
      sha256: string;
      encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
      textTokens: number;
    };

export type ReadReply =
  | { id: number; ok: true; originalBytes: number; result: ReadResult }
  | { id: number; ok: false; message: string };

/** Draw the first pages of a PDF already read (pdfPages.ts). */
export interface PagesRequest {
  id: number;
  op: 'pages';
  bytes: Uint8Array;
  maxEdge: number;
}

export type PagesReply =
  | { id: number; ok: true; pages: number; images: { png: Uint8Array; width: number; height: number }[] }
  | { id: number; ok: false; message: string };

export type WorkerRequest = ReadRequest | PagesRequest;
export type WorkerReply = ReadReply | PagesReply;
