import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { trayOf } from '../../store/attachments/selectors';
import { AlertDialog } from '../../ui';
import { AttachmentChip } from './AttachmentChip';
import { preflightSummary } from './words';
import './attachments.css';

/** Waits this long after the last keystroke before asking main what Send would cost. */
const PREFLIGHT_DEBOUNCE_MS = 350;

/** The chips above the composer and the preflight under them: what will be sent and what it costs. */
export function AttachmentTray({ threadId, content }: { threadId: string; content: string }) {
  const chips = useStore((s) => trayOf(s, threadId));
  const notice = useStore((s) => s.trayNotices[threadId] ?? null);
  const preflight = useStore((s) => s.preflights[threadId]);
  const agreed = useStore((s) => s.confidentialAgreed[threadId] ?? false);
  const model = useStore((s) => s.details[threadId]?.thread.settings.model ?? null);
  const { refreshPreflight, agreeConfidential, removeChip } = useStore(
    useShallow((s) => ({
      refreshPreflight: s.refreshPreflight,
      agreeConfidential: s.agreeConfidential,
      removeChip: s.removeChip,
    })),
  );
  // What changes the answer: the files, their options, the text, the model.
  const key = chips.map((c) => `${c.key}:${c.status}:${c.detail}:${c.useAnyway}:${c.pdfAs ?? ''}`).join('|');
  useEffect(() => {
    if (chips.length === 0) return;
    const timer = window.setTimeout(() => void refreshPreflight(threadId, content), PREFLIGHT_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the chips
  }, [threadId, content, key, model, refreshPreflight]);

  if (chips.length === 0 && !notice) return null;
  const result = chips.length > 0 ? (preflight?.result ?? null) : null;
  const asking = result?.leavesConfidential === true && !agreed;
  return (
    <div className="att-tray" data-testid="attachment-tray">
      {notice ? (
        <p className="att-notice" role="status">
          {notice}
        </p>
      ) : null}
      {chips.length > 0 ? (
        <ul className="att-chips" aria-label="Attached files">
          {chips.map((chip) => (
            <AttachmentChip key={chip.key} threadId={threadId} chip={chip} />
          ))}
        </ul>
      ) : null}
      {result ? (
        <p
          className={`att-preflight${result.blocked ? ' is-blocked' : ''}`}
          data-testid="preflight"
          role="status"
        >
          {result.blocked ?? preflightSummary(result)}
        </p>
      ) : preflight?.error && chips.length > 0 ? (
        <p className="att-preflight" data-testid="preflight" role="status">
          Could not check the cost yet: {preflight.error}
        </p>
      ) : null}
      {asking ? (
        <AlertDialog
          title="Send files outside confidential computing?"
          confirmLabel="Send to this model"
          cancelLabel="Remove the files"
          onConfirm={() => agreeConfidential(threadId, true)}
          onCancel={() => chips.forEach((c) => removeChip(threadId, c.key))}
        >
          Earlier answers in this thread came from a confidential model. {result.model} is not confidential:
          the attached files would leave the enclave and be readable by its provider.
        </AlertDialog>
      ) : null}
    </div>
  );
}
