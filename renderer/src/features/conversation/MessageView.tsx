import { memo, useCallback, useState } from 'react';
import type { MessageRole } from '../../../../main/contract';
import { useStore } from '../../store';
import { MessageAttachments } from '../../parts/attachments';
import { ToolCallsBlock } from '../../parts/tools';
import { UsageLine } from '../../parts/usage';
import { BranchSwitcher } from './BranchSwitcher';
import { MessageActions } from './MessageActions';
import { MessageBody } from './MessageBody';
import { MessageEditor } from './MessageEditor';
import { MessageNotice } from './MessageNotice';
import { findMessage } from '../../store/conversation/messageIndex';
import type { BranchInfo } from '../../store/conversation/branches';
import { ReasoningBlock } from './ReasoningBlock';
import { StreamNotice } from './StreamNotice';
import './message.css';
import { VisibleName } from '../../platform/visibleName';
import { AnswerShield } from '../../parts/attestation';

interface Props {
  threadId: string;
  messageId: string;
  branch: BranchInfo | null;
  flash: boolean;
  /** Inside an n>1 group: no role header of its own. */
  compact?: boolean;
}

export const ROLE_LABEL: Record<MessageRole, string> = {
  user: 'You',
  assistant: 'Assistant',
  tool: 'Tool result',
  system: 'System',
};

/**
 * One message. It subscribes to its own message by id, so while an answer streams only that
 * answer's component renders again.
 */
export const MessageView = memo(function MessageView({
  threadId,
  messageId,
  branch,
  flash,
  compact = false,
}: Props) {
  const message = useStore((s) => findMessage(s.details[threadId]?.messages, messageId));
  const editing = useStore((s) => s.editingMessageId === messageId);
  const selected = useStore((s) => s.selectedMessageId === messageId);
  const selectMessage = useStore((s) => s.selectMessage);
  const [showTokens, setShowTokens] = useState(false);
  const toggleTokens = useCallback(() => setShowTokens((v) => !v), []);
  if (!message) return null;

  const hasTokens = (message.logprobs?.length ?? 0) > 0;
  const classes = [
    'msg',
    `msg-${message.role}`,
    selected ? 'is-selected' : '',
    flash ? 'is-flash' : '',
    compact ? 'is-compact' : '',
  ];
  return (
    <article
      className={classes.filter(Boolean).join(' ')}
      data-testid="message"
      data-role={message.role}
      data-status={message.status}
      data-message-id={message.id}
      tabIndex={0}
      aria-label={`${ROLE_LABEL[message.role]}${message.status === 'streaming' ? ', writing' : ''}`}
      aria-busy={message.status === 'streaming'}
      onFocus={() => {
        if (!selected) selectMessage(message.id);
      }}
    >
      <header className="msg-head">
        {compact ? null : (
          <span className="msg-role">
            {message.role === 'tool' && message.name ? (
              <>
                Result of <VisibleName name={message.name} />
              </>
            ) : (
              ROLE_LABEL[message.role]
            )}
          </span>
        )}
        {message.role === 'assistant' && message.model && !compact ? (
          <VisibleName className="msg-model mono" name={message.model} />
        ) : null}
        <AnswerShield message={message} />
        {branch ? <BranchSwitcher threadId={threadId} branch={branch} /> : null}
        <MessageActions
          threadId={threadId}
          messageId={message.id}
          role={message.role}
          streaming={message.status === 'streaming'}
          tokensShown={showTokens}
          onToggleTokens={hasTokens ? toggleTokens : null}
        />
      </header>
      {message.reasoning ? <ReasoningBlock message={message} /> : null}
      {message.attachments?.length ? <MessageAttachments refs={message.attachments} /> : null}
      {editing ? (
        <MessageEditor threadId={threadId} message={message} />
      ) : (
        <MessageBody threadId={threadId} message={message} showTokens={showTokens && hasTokens} />
      )}
      {message.toolCalls && message.toolCalls.length > 0 ? <ToolCallsBlock message={message} /> : null}
      {message.role === 'assistant' ? <StreamNotice message={message} /> : null}
      <MessageNotice threadId={threadId} message={message} />
      {message.role === 'assistant' && message.status !== 'streaming' ? (
        <UsageLine message={message} />
      ) : null}
    </article>
  );
});
