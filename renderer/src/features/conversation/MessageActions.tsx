import { useEffect, useState } from 'react';
import type { Message } from '../../../../main/contract';
import { useStore } from '../../store';
import { copyWhole } from './wholeText';
import { Button } from '../../ui/Button';

interface Props {
  threadId: string;
  message: Message;
  tokensShown: boolean;
  /** Null when the message has no logprobs to show. */
  onToggleTokens: (() => void) | null;
}

const CONFIRM_MS = 3000;

/** Copy, edit, regenerate, delete (asks once more: it removes everything below too), Tokens. */
export function MessageActions({ threadId, message, tokensShown, onToggleTokens }: Props) {
  const setEditing = useStore((s) => s.setEditing);
  const regenerate = useStore((s) => s.regenerate);
  const deleteMessage = useStore((s) => s.deleteMessage);
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const streaming = message.status === 'streaming';

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
        onPress={() => void copyWhole(message).then(setCopied)}
      >
        {copied ? 'Copied' : 'Copy'}
      </Button>
      {!streaming && (message.role === 'user' || message.role === 'assistant') ? (
        <Button
          variant="quiet"
          size="sm"
          className="msg-action"
          aria-label="Edit message"
          onPress={() => setEditing(message.id)}
        >
          Edit
        </Button>
      ) : null}
      {!streaming && message.role === 'assistant' ? (
        <Button
          variant="quiet"
          size="sm"
          className="msg-action"
          aria-label="Regenerate answer"
          onPress={() => void regenerate(threadId, message.id)}
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
            if (confirming) void deleteMessage(threadId, message.id);
            setConfirming(!confirming);
          }}
        >
          {confirming ? 'Delete?' : 'Delete'}
        </Button>
      ) : null}
    </span>
  );
}
