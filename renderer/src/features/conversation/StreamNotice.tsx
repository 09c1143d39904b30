import { useEffect, useState } from 'react';
import type { Message } from '../../../../main/contract';
import { useStore } from '../../store';
import { choicesNotice, droppedNotice } from '../../store/conversation/errorText';

const NO_FIELDS: string[] = [];

/** While an answer streams: "retrying in 4 s" with Cancel; always: fields the model could not take. */
export function StreamNotice({ message }: { message: Message }) {
  const streamId = useStore((s) => {
    for (const [id, info] of Object.entries(s.streams)) if (info.messageIds.includes(message.id)) return id;
    return null;
  });
  const retry = useStore((s) => (streamId === null ? null : (s.streams[streamId]?.retry ?? null)));
  const dropped = useStore((s) => s.dropped[message.id] ?? message.meta?.droppedFields ?? NO_FIELDS);
  const stopStream = useStore((s) => s.stopStream);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!retry) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [retry]);

  const notice = droppedNotice(dropped);
  const fewer = choicesNotice(message.meta);
  if (!retry && !notice && !fewer) return null;
  const seconds = retry ? Math.max(0, Math.ceil((retry.at + retry.delayMs - now) / 1000)) : 0;
  return (
    <>
      {retry && streamId ? (
        <div className="msg-retry banner banner-warn" role="status">
          <span>
            {seconds > 0 ? `Retrying in ${seconds} s` : 'Retrying now'}{' '}
            <span className="msg-retry-why">
              (attempt {retry.attempt}: {retry.reason})
            </span>
          </span>
          <button type="button" className="btn" onClick={() => void stopStream(streamId)}>
            Cancel
          </button>
        </div>
      ) : null}
      {notice ? <p className="msg-dropped">{notice}</p> : null}
      {fewer ? (
        <p className="msg-dropped" data-testid="choices-notice">
          {fewer}
        </p>
      ) : null}
    </>
  );
}
