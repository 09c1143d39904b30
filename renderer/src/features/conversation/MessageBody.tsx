import type { Message } from '../../../../main/contract';
import { MarkdownView } from '../../markdown/MarkdownView';
import { StreamingMarkdown } from '../../markdown/StreamingMarkdown';
import { hasStreamingView } from '../../markdown/streamingCache';
import { TokenView } from '../logprobs/TokenView';
import { StructuredAnswer } from '../structured/StructuredAnswer';
import { sentFormat } from '../structured/sentRequest';

interface Props {
  threadId: string;
  message: Message;
  showTokens: boolean;
}

/**
 * What a message says: your text as typed, answers as markdown, JSON answers checked against the
 * format their own request asked for (not the thread's current one), or tokens.
 */
export function MessageBody({ message, showTokens }: Props) {
  const format = message.role === 'assistant' ? sentFormat(message) : null;
  if (message.role !== 'assistant') {
    if (message.content === '') return null;
    return (
      <div className={message.role === 'tool' ? 'msg-text msg-tool mono' : 'msg-text'}>{message.content}</div>
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
  const live = message.status === 'streaming';
  if (live || hasStreamingView(message.id))
    return <StreamingMarkdown messageId={message.id} text={message.content} live={live} />;
  return <MarkdownView messageId={message.id} text={message.content} />;
}
