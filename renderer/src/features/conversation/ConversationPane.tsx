import { useStore } from '../../store';
import { useFileDrop } from '../../parts/attachments';
import { Composer } from './Composer';
import { ConversationEmpty } from './ConversationEmpty';
import { MessageList } from './MessageList';
import { ThreadHeader } from './ThreadHeader';
import './conversation.css';

/** The open thread: header, the virtualized messages, and the message box. */
export function ConversationPane() {
  const threadId = useStore((s) => s.currentThreadId);
  const loaded = useStore((s) =>
    s.currentThreadId === null ? false : s.details[s.currentThreadId] !== undefined,
  );
  const noProvider = useStore((s) => s.providersLoaded && s.providers.length === 0);
  // Files dropped anywhere on the open conversation join the composer's tray.
  const drop = useFileDrop(threadId);

  if (noProvider && threadId === null) {
    return (
      <main className="conversation" aria-label="Conversation">
        <ConversationEmpty kind="no-provider" />
      </main>
    );
  }
  if (threadId === null) {
    return (
      <main className="conversation" aria-label="Conversation">
        <ConversationEmpty kind="no-thread" />
      </main>
    );
  }
  return (
    <main
      className={`conversation${drop.over ? ' is-file-over' : ''}`}
      aria-label="Conversation"
      onDragOver={drop.handlers.onDragOver}
      onDragLeave={drop.handlers.onDragLeave}
      onDrop={drop.handlers.onDrop}
    >
      <ThreadHeader threadId={threadId} />
      {loaded ? (
        <MessageList key={`list-${threadId}`} threadId={threadId} />
      ) : (
        <div className="conversation-loading" data-loading>
          Loading…
        </div>
      )}
      <Composer key={`composer-${threadId}`} threadId={threadId} />
    </main>
  );
}
