import type { Message } from '../../../../main/contract/chat';
import { VisibleName } from '../../platform/visibleName';

const time = (at: number) =>
  new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Which answer the tab is about, so the user never wonders what they are looking at. */
export function AnswerCaption({ message, fallback }: { message: Message; fallback: boolean }) {
  return (
    <div className="inspector-caption">
      <span className="inspector-caption-main">
        Answer <span className="num">{time(message.createdAt)}</span>
        {message.model ? (
          <span className="mono inspector-caption-model">
            {' · '}
            <VisibleName name={message.model} />
          </span>
        ) : null}
        {message.choiceIndex > 0 ? <span className="num"> · choice {message.choiceIndex}</span> : null}
      </span>
      {fallback ? (
        <span className="field-hint">Latest answer shown. Select a message to inspect it.</span>
      ) : null}
      {message.status !== 'complete' ? (
        <span className={message.status === 'streaming' ? 'chip' : 'chip chip-warn'}>{message.status}</span>
      ) : null}
    </div>
  );
}
