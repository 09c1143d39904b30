import type { AttachmentChoice, ImageDetail, Preflight, StagedAttachment } from '../../../../main/contract';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import type { SliceCreator } from '../types';
import { readBase64, readFailure, refusalBeforeReading, takeFiles, tooManyNotice } from './files';

/** One file in the composer's tray: reading, ready (staged in main) or refused with its reason. */
export interface Chip {
  key: string;
  name: string;
  size: number;
  status: 'reading' | 'ready' | 'error';
  error: string | null;
  staged: StagedAttachment | null;
  detail: ImageDetail;
  useAnyway: boolean;
  /** A PDF for a model that reads images but not PDFs: its text or its pages (unset: main's default). */
  pdfAs?: 'text' | 'pages';
}

export interface PreflightState {
  result: Preflight | null;
  error: string | null;
}

export interface AttachmentsSlice {
  trays: Record<string, Chip[]>;
  trayNotices: Record<string, string | null>;
  preflights: Record<string, PreflightState>;
  /** The user agreed to send files to a non-confidential model in this once-confidential thread. */
  confidentialAgreed: Record<string, boolean>;
  addFiles(threadId: string, files: readonly File[]): void;
  removeChip(threadId: string, key: string): void;
  setChip(threadId: string, key: string, patch: Partial<Pick<Chip, 'detail' | 'useAnyway' | 'pdfAs'>>): void;
  refreshPreflight(threadId: string, content: string): Promise<void>;
  agreeConfidential(threadId: string, agreed: boolean): void;
  /** What Send carries; null while a file is still being read. */
  attachmentChoices(threadId: string): AttachmentChoice[] | null;
  /** After a Send: main has taken the files. */
  clearTray(threadId: string): void;
}

/** Files read and staged at once: 50 dropped files do not start 50 reads. */
const PARALLEL = 2;
let chipSeq = 0;
const preflightSeq: Record<string, number> = {};

export const createAttachmentsSlice: SliceCreator<AttachmentsSlice> = (set, get) => {
  const patchChip = (threadId: string, key: string, patch: Partial<Chip>) =>
    set((s) => ({
      trays: {
        ...s.trays,
        [threadId]: (s.trays[threadId] ?? []).map((c) => (c.key === key ? { ...c, ...patch } : c)),
      },
    }));

  const stageOne = async (threadId: string, file: File, key: string): Promise<void> => {
    let dataBase64: string;
    try {
      dataBase64 = await readBase64(file);
    } catch (error) {
      patchChip(threadId, key, { status: 'error', error: readFailure(error) });
      return;
    }
    const chip = get().trays[threadId]?.find((c) => c.key === key);
    if (!chip) return;
    const result = await api.attachments.stage({
      threadId,
      name: file.name,
      dataBase64,
      detail: chip.detail,
    });
    const still = get().trays[threadId]?.some((c) => c.key === key) ?? false;
    if (!result.ok) {
      // Main names the file first for other screens; the chip already shows the name.
      const line = failureLine(result.error);
      const colon = line.indexOf(': ');
      const named = colon > 0 && file.name.startsWith(line.slice(0, colon).replace(/_/g, '').slice(0, 8));
      patchChip(threadId, key, { status: 'error', error: named ? line.slice(colon + 2) : line });
      return;
    }
    if (!still) {
      // Removed while it was being read: main forgets it too.
      void api.attachments.discard({ id: result.value.id });
      return;
    }
    patchChip(threadId, key, { status: 'ready', staged: result.value, error: null });
  };

  return {
    trays: {},
    trayNotices: {},
    preflights: {},
    confidentialAgreed: {},

    addFiles: (threadId, files) => {
      const already = get().trays[threadId]?.length ?? 0;
      const { taken, left } = takeFiles(files, already);
      const chips: Chip[] = taken.map((file) => {
        const refusal = refusalBeforeReading(file);
        return {
          key: `chip-${++chipSeq}`,
          name: file.name,
          size: file.size,
          status: refusal ? 'error' : 'reading',
          error: refusal,
          staged: null,
          detail: 'auto',
          useAnyway: false,
        };
      });
      set((s) => ({
        trays: { ...s.trays, [threadId]: [...(s.trays[threadId] ?? []), ...chips] },
        trayNotices: { ...s.trayNotices, [threadId]: left > 0 ? tooManyNotice(left) : null },
      }));
      const queue = taken.flatMap((file, i) => {
        const chip = chips[i];
        return chip && chip.status === 'reading' ? [{ file, key: chip.key }] : [];
      });
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift())
          await stageOne(threadId, next.file, next.key);
      };
      for (let i = 0; i < PARALLEL; i++) void worker();
    },

    removeChip: (threadId, key) => {
      const chip = get().trays[threadId]?.find((c) => c.key === key);
      if (chip?.staged) void api.attachments.discard({ id: chip.staged.id });
      set((s) => ({
        trays: { ...s.trays, [threadId]: (s.trays[threadId] ?? []).filter((c) => c.key !== key) },
        trayNotices: { ...s.trayNotices, [threadId]: null },
      }));
    },

    setChip: (threadId, key, patch) => patchChip(threadId, key, patch),

    refreshPreflight: async (threadId, content) => {
      const choices = get().attachmentChoices(threadId) ?? [];
      const seq = (preflightSeq[threadId] = (preflightSeq[threadId] ?? 0) + 1);
      if (choices.length === 0) {
        set((s) => ({ preflights: { ...s.preflights, [threadId]: { result: null, error: null } } }));
        return;
      }
      const result = await api.attachments.preflight({ threadId, content, attachments: choices });
      if (preflightSeq[threadId] !== seq) return;
      set((s) => ({
        preflights: {
          ...s.preflights,
          [threadId]: result.ok
            ? { result: result.value, error: null }
            : { result: null, error: failureLine(result.error) },
        },
      }));
    },

    agreeConfidential: (threadId, agreed) =>
      set((s) => ({ confidentialAgreed: { ...s.confidentialAgreed, [threadId]: agreed } })),

    attachmentChoices: (threadId) => {
      const chips = get().trays[threadId] ?? [];
      if (chips.some((c) => c.status === 'reading')) return null;
      return chips.flatMap((c) =>
        c.staged
          ? [
              {
                id: c.staged.id,
                detail: c.detail,
                ...(c.useAnyway ? { useAnyway: true } : {}),
                ...(c.pdfAs ? { pdfAs: c.pdfAs } : {}),
              },
            ]
          : [],
      );
    },

    clearTray: (threadId) =>
      set((s) => ({
        trays: { ...s.trays, [threadId]: [] },
        trayNotices: { ...s.trayNotices, [threadId]: null },
        preflights: { ...s.preflights, [threadId]: { result: null, error: null } },
      })),
  };
};
