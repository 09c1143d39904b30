import { memo, useEffect, useState } from 'react';
import type { MessageRole } from '../../../../main/contract';
import { useStore } from '../../store';
import { findMessage } from '../../store/conversation/messageIndex';
import { copyWhole } from './wholeText';
import { RowButton } from '../../ui/RowButton';

interface Props {
  threadId: string;
  messageId: string;
  role: MessageRole;
  streaming: boolean;
  tokensShown: boolean;
  /** Null when the message has no logprobs to show. */
  onToggleTokens: (() => void) | null;
}

const CONFIRM_MS = 3000;

/**
 * Copy, edit, regenerate, delete (asks once more: it removes everything below too), Tokens.
 * Its props are what it shows, not the message: while an answer streams its object is new for
 * every frame of text, and these buttons would render again with each.
 */
export const MessageActions = memo(function MessageActions({
  threadId,
  messageId,
  role,
  streaming,
  tokensShown,
  onToggleTokens,
}: Props) {
  const setEditing = useStore((s) => s.setEditing);
  const regenerate = useStore((s) => s.regenerate);
  const deleteMessage = useStore((s) => s.deleteMessage);
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Copy takes the text as it is when pressed (an answer may still be arriving).
  const copy = async () => {
    const message = findMessage(useStore.getState().details[threadId]?.messages, messageId);
    setCopied(message ? await copyWhole(message) : false);
  };

  useEffect(() => {
    if (!copied && !confirming) return;
    const timer = window.setTimeout(
      () => {
        setCopied(false);
        setConfirming(false);
      },
      copied ? 1500 : CONFIRM_MS,
    );
    return () => window.clearTimeout(timer);
  }, [copied, confirming]);

  return (
    <span className="msg-actions" role="toolbar" aria-label="Message actions">
      {onToggleTokens ? (
        <RowButton
          className={`msg-action${tokensShown ? ' is-on' : ''}`}
          aria-pressed={tokensShown}
          onClick={onToggleTokens}
        >
          Tokens
        </RowButton>
      ) : null}
      <RowButton className="msg-action" aria-label="Copy message" onClick={() => void copy()}>
        {copied ? 'Copied' : 'Copy'}
      </RowButton>
      {!streaming && (role === 'user' || role === 'assistant') ? (
        <RowButton className="msg-action" aria-label="Edit message" onClick={() => setEditing(messageId)}>
          Edit
        </RowButton>
      ) : null}
      {!streaming && role === 'assistant' ? (
        <RowButton
          className="msg-action"
          aria-label="Regenerate answer"
          onClick={() => void regenerate(threadId, messageId)}
        >
          Regenerate
        </RowButton>
      ) : null}
      {!streaming ? (
        <RowButton
          className={`msg-action${confirming ? ' is-danger' : ''}`}
          aria-label={
            confirming ? 'Confirm delete: removes this message and everything after it' : 'Delete message'
          }
          onClick={() => {
            if (confirming) void deleteMessage(threadId, messageId);
            setConfirming(!confirming);
          }}
        >
          {confirming ? 'Delete?' : 'Delete'}
        </RowButton>
      ) : null}
    </span>
  );
});
