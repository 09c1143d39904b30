import type { Message } from '../../../../main/contract/chat';
import { formatDuration } from './responseFacts';

interface CompareColumnProps {
  title: string;
  messages: readonly Message[];
  done: boolean;
}

const duration = (m: Message): string | null => {
  const t = m.meta?.timings;
  return t?.requestSentAt != null && t.endedAt != null ? formatDuration(t.endedAt - t.requestSentAt) : null;
};

/** One answer (or the n choices of one re-run) with the facts that differ between runs. */
export function CompareColumn({ title, messages, done }: CompareColumnProps) {
  return (
    <section className="compare-column" aria-label={title}>
      <header className="compare-column-head">
        <span className="compare-column-title mono">{title}</span>
        {!done ? <span className="chip">streaming…</span> : null}
      </header>
      {messages.length === 0 ? <p className="field-hint">Waiting for the answer…</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="compare-answer">
          {m.model ? <span className="compare-model mono">{m.model}</span> : null}
          {m.status === 'error' ? (
            <div className="banner banner-error">{m.errorMessage ?? 'The request failed.'}</div>
          ) : (
            <div className="compare-text">
              {m.content ||
                (m.toolCalls?.length
                  ? `Tool calls: ${m.toolCalls.map((c) => c.function.name).join(', ')}`
                  : '')}
            </div>
          )}
          <footer className="compare-facts num">
            {m.finishReason ? <span>finish: {m.finishReason}</span> : null}
            {m.usage ? <span>{m.usage.completionTokens} tokens</span> : null}
            {duration(m) ? <span>{duration(m)}</span> : null}
            {m.meta?.systemFingerprint ? <span className="mono">{m.meta.systemFingerprint}</span> : null}
          </footer>
        </article>
      ))}
    </section>
  );
}
