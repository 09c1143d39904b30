import { useInspectedAnswer } from './useInspectedAnswer';
import { RequestBodySection } from './RequestBodySection';
import { CurlSection } from './CurlSection';
import { ResponseSection } from './ResponseSection';
import { RawEventsSection } from './RawEventsSection';
import { AnswerCaption } from './AnswerCaption';

/** What went over the wire for the inspected answer: body, curl, response facts and raw frames. */
export function RequestTab({ threadId }: { threadId: string }) {
  const inspected = useInspectedAnswer(threadId);
  if (!inspected) {
    return (
      <div className="empty-state inspector-empty">
        <p>No answers yet. Send a message, then select an answer to see its exact request.</p>
      </div>
    );
  }
  const { message, fallback } = inspected;
  const meta = message.meta;
  return (
    <div className="inspector-stack">
      <AnswerCaption message={message} fallback={fallback} />
      {meta === null ? (
        <p className="field-hint">
          {message.status === 'streaming'
            ? 'The request is being sent…'
            : 'No request was recorded for this answer.'}
        </p>
      ) : (
        <>
          <RequestBodySection meta={meta} messageId={message.id} />
          <CurlSection meta={meta} messageId={message.id} />
          {message.status === 'streaming' ? (
            <p className="field-hint">Waiting for the response to finish…</p>
          ) : (
            <ResponseSection meta={meta} />
          )}
        </>
      )}
      <RawEventsSection message={message} />
    </div>
  );
}
