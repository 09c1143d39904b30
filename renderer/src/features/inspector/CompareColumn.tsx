import type { Message } from '../../../../main/contract/chat';
import { CompareDiffText } from './CompareDiffText';
import { CompareFigures } from './CompareFigures';
import { requestChanges } from './compareDiff';
import { formatDuration } from './responseFacts';

interface CompareColumnProps {
  title: string;
  messages: readonly Message[];
  done: boolean;
  /** For a re-run: the answer it is compared against (its changes, figures and diff are shown). */
  original?: Message;
  /** Ids on the conversation's active branch: the answer the conversation continues from is marked. */
  activeIds: ReadonlySet<string>;
  /** Makes a re-run's answer the one the conversation continues from. */
  onContinue?(messageId: string): void;
}

const duration = (m: Message): string | null => {
  const t = m.meta?.timings;
  return t?.requestSentAt != null && t.endedAt != null ? formatDuration(t.endedAt - t.requestSentAt) : null;
};

const textOf = (m: Message): string =>
  m.content ||
  (m.toolCalls?.length ? `Tool calls: ${m.toolCalls.map((c) => c.function.name).join(', ')}` : '');

/** What the re-run's request sent differently, read from the two stored requests. */
function Changes({ original, rerun }: { original: Message; rerun: Message }) {
  const changes = requestChanges(original.meta?.requestBody, rerun.meta?.requestBody);
  if (changes === null) return null;
  if (changes.length === 0) return <p className="field-hint">Sent the same request as the original.</p>;
  return (
    <ul className="compare-changes" aria-label="Sent differently">
      {changes.map((c) => (
        <li key={c.key} className="mono">
          <span className="compare-change-key">{c.key}</span> <del className="compare-del">{c.before}</del>
          <span aria-hidden="true"> → </span>
          <ins className="compare-ins">{c.after}</ins>
        </li>
      ))}
    </ul>
  );
}

/** One answer (or the n choices of one re-run) with what differs from the original. */
export function CompareColumn({
  title,
  messages,
  done,
  original,
  activeIds,
  onContinue,
}: CompareColumnProps) {
  return (
    <section className="compare-column" aria-label={title}>
      <header className="compare-column-head">
        <span className="compare-column-title mono">{title}</span>
        {!done ? <span className="chip">streaming…</span> : null}
      </header>
      {messages.length === 0 ? <p className="field-hint">Waiting for the answer…</p> : null}
      {messages.map((m) => {
        const inConversation = activeIds.has(m.id);
        return (
          <article key={m.id} className="compare-answer" data-testid="compare-answer">
            {m.model ? <span className="compare-model mono">{m.model}</span> : null}
            {original ? <Changes original={original} rerun={m} /> : null}
            {m.status === 'error' ? (
              <div className="banner banner-error">{m.errorMessage ?? 'The request failed.'}</div>
            ) : original ? (
              <CompareDiffText before={textOf(original)} after={textOf(m)} />
            ) : (
              <div className="compare-text">{textOf(m)}</div>
            )}
            {original && m.status !== 'streaming' ? <CompareFigures original={original} rerun={m} /> : null}
            <footer className="compare-facts num">
              {m.finishReason ? <span>finish: {m.finishReason}</span> : null}
              {!original && m.usage ? <span>{m.usage.completionTokens} tokens</span> : null}
              {!original && duration(m) ? <span>{duration(m)}</span> : null}
              {m.meta?.systemFingerprint ? <span className="mono">{m.meta.systemFingerprint}</span> : null}
              {inConversation ? <span className="chip chip-ok">in the conversation</span> : null}
            </footer>
            {onContinue && !inConversation && m.status !== 'streaming' ? (
              <button
                type="button"
                className="btn compare-continue"
                title="Make this answer the one the conversation continues from"
                onClick={() => onContinue(m.id)}
              >
                Continue with this
              </button>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
