import type { Message } from '../../../../main/contract';
import { MarkdownView } from '../../markdown/MarkdownView';
import { PlainText } from '../../markdown/PlainText';
import { StreamingMarkdown } from '../../markdown/StreamingMarkdown';
import { hasStreamingView } from '../../markdown/streamingCache';
import { TokenView } from '../../parts/logprobs';
import { sentFormat, StructuredAnswer } from '../../parts/structured';
import { MessageErrorBoundary } from './MessageErrorBoundary';
import { MessageParts } from './MessageParts';
import { isClipped, wholeLength, wholeText } from './wholeText';
import './messageBody.css';

interface Props {
  threadId: string;
  message: Message;
  showTokens: boolean;
}

/**
 * An answer as markdown, a part at a time. While it is written every part streams (after "Show
 * all" the part growing at its end is re-lexed and rendered only from its last block, not whole and
 * sanitised again on each update); a finished one renders each part once.
 */
function markdownPart(message: Message) {
  const live = message.status === 'streaming';
  return (part: string, index: number) => {
    const id = index === 0 ? message.id : `${message.id}#${index}`;
    if (live || hasStreamingView(id)) return <StreamingMarkdown messageId={id} text={part} live={live} />;
    return <MarkdownView messageId={id} text={part} />;
  };
}

/** What MessageParts needs to show a message opened with only its beginning (threads:get clips it). */
function whole(message: Message) {
  return isClipped(message) ? { total: wholeLength(message), loadWhole: () => wholeText(message) } : {};
}

function BodyContent({ message, showTokens }: Props) {
  // Judged against the format this answer's own request sent, never the thread's current one.
  const format = message.role === 'assistant' ? sentFormat(message) : null;
  if (message.role !== 'assistant') {
    if (message.content === '') return null;
    const className = message.role === 'tool' ? 'msg-text msg-tool mono' : 'msg-text';
    return (
      <MessageParts
        text={message.content}
        renderPart={(part) => <PlainText className={className} text={part} />}
        settled
        expandKey={message.id}
        {...whole(message)}
      />
    );
  }
  if (showTokens) return <TokenView message={message} />;
  if (message.content === '') {
    return message.status === 'streaming' && !message.reasoning && !message.toolCalls ? (
      <div className="msg-waiting">Waiting for the first token…</div>
    ) : null;
  }
  // A huge JSON answer arrives clipped: checked against its schema it would only ever be cut off,
  // so it reads as text, a part at a time, like any other huge answer.
  if (format && format.type !== 'text' && !isClipped(message)) {
    return (
      <StructuredAnswer
        message={message}
        schema={format.type === 'json_schema' ? format.json_schema.schema : null}
        schemaName={format.type === 'json_schema' ? format.json_schema.name : null}
      />
    );
  }
  return (
    <MessageParts
      text={message.content}
      renderPart={markdownPart(message)}
      markdown
      // One that streamed on screen keeps its incremental view, already rendered (streamingCache.ts).
      settled={message.status !== 'streaming' && !hasStreamingView(message.id)}
      live={message.status === 'streaming'}
      expandKey={message.id}
      {...whole(message)}
    />
  );
}

/**
 * What a message says: your text as typed, answers as markdown, JSON answers checked, or tokens.
 * Whatever the text, it cannot take the window down: a huge one shows a part at a time, and one
 * whose rendering throws is shown as plain text with the reason.
 */
export function MessageBody(props: Props) {
  return (
    <MessageErrorBoundary threadId={props.threadId} text={props.message.content}>
      <BodyContent {...props} />
    </MessageErrorBoundary>
  );
}
