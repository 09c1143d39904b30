import { memo, useEffect, useState } from 'react';
import type { MessageRole } from '../../../../main/contract';
import { useStore } from '../../store';
import { findMessage } from '../../store/conversation/messageIndex';
import { copyWhole } from './wholeText';
import { Button } from '../../ui/Button';

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
        <Button
          variant="quiet"
          size="sm"
          className={`msg-action${tokensShown ? ' is-on' : ''}`}
          aria-pressed={tokensShown}
          onPress={onToggleTokens}
        >
          Tokens
        </Button>
      ) : null}
      <Button
        variant="quiet"
        size="sm"
        className="msg-action"
        aria-label="Copy message"
        onPress={() => void copy()}
      >
        {copied ? 'Copied' : 'Copy'}
      </Button>
      {!streaming && (role === 'user' || role === 'assistant') ? (
        <Button
          variant="quiet"
          size="sm"
          className="msg-action"
          aria-label="Edit message"
          onPress={() => setEditing(messageId)}
        >
          Edit
        </Button>
      ) : null}
      {!streaming && role === 'assistant' ? (
        <Button
          variant="quiet"
          size="sm"
          className="msg-action"
          aria-label="Regenerate answer"
          onPress={() => void regenerate(threadId, messageId)}
        >
          Regenerate
        </Button>
      ) : null}
      {!streaming ? (
        <Button
          variant="quiet"
          size="sm"
          className={`msg-action${confirming ? ' is-danger' : ''}`}
          aria-label={
            confirming ? 'Confirm delete: removes this message and everything after it' : 'Delete message'
          }
          onPress={() => {
            if (confirming) void deleteMessage(threadId, messageId);
            setConfirming(!confirming);
          }}
        >
          {confirming ? 'Delete?' : 'Delete'}
        </Button>
      ) : null}
    </span>
  );
});
