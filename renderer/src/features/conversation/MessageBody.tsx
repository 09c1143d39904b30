import type { Message } from '../../../../main/contract';
import { MarkdownView } from '../../markdown/MarkdownView';
import { PlainText } from '../../markdown/PlainText';
import { StreamingMarkdown } from '../../markdown/StreamingMarkdown';
import { hasStreamingView } from '../../markdown/streamingCache';
import { TokenView } from '../logprobs/TokenView';
import { StructuredAnswer } from '../structured/StructuredAnswer';
import { sentFormat } from '../structured/sentRequest';
import { MessageErrorBoundary } from './MessageErrorBoundary';
import { MessageParts } from './MessageParts';
import './messageBody.css';

interface Props {
  threadId: string;
  message: Message;
  showTokens: boolean;
}

/** An answer as markdown, a part at a time: the first part streams, later ones render once each. */
function markdownPart(message: Message) {
  const live = message.status === 'streaming';
  return (part: string, index: number) => {
    if (index > 0) return <MarkdownView messageId={`${message.id}#${index}`} text={part} />;
    if (live || hasStreamingView(message.id))
      return <StreamingMarkdown messageId={message.id} text={part} live={live} />;
    return <MarkdownView messageId={message.id} text={part} />;
  };
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
      />
    );
  }
  if (showTokens) return <TokenView message={message} />;
  if (message.content === '') {
    return message.status === 'streaming' && !message.reasoning && !message.toolCalls ? (
      <div className="msg-waiting">Waiting for the first token…</div>
    ) : null;
  }
  if (format && format.type !== 'text') {
    return (
      <StructuredAnswer
        message={message}
        schema={format.type === 'json_schema' ? format.json_schema.schema : null}
        schemaName={format.type === 'json_schema' ? format.json_schema.name : null}
      />
    );
  }
  return <MessageParts text={message.content} renderPart={markdownPart(message)} markdown />;
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
