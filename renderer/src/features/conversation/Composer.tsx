import { Square } from 'lucide-react';
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useStore } from '../../store';
import { attachmentBlock } from '../../store/attachments/selectors';
import { AttachButton, AttachmentTray, useFileDrop } from '../../parts/attachments';
import { Keys } from '../../ui/Keys';
import { ComposerBadge } from '../../parts/attestation';
import { receiveFirstPaint } from '../../paint/adopt';
import { composerBlock, drafts } from './composerState';
import { ThreadVariables, threadVariables } from './ThreadVariables';
import { lastUserMessage } from '../../store/conversation/branches';
import { streamOfThread } from '../../store/conversation/streamReducer';
import './composer.css';

/**
 * The message box: Enter sends, Shift+Enter breaks the line, ↑ in an empty box edits your last
 * message, Esc stops the answer. It keeps its text in local state so typing never re-renders the
 * conversation, even while an answer streams in.
 */
export function Composer({ threadId }: { threadId: string }) {
  const [text, setText] = useState(() => drafts.get(threadId) ?? '');
  const streaming = useStore((s) => streamOfThread(s.streams, threadId) !== null);
  const block = useStore((s) => composerBlock(s, threadId));
  const blockReason = block?.reason ?? null;
  const send = useStore((s) => s.send);
  const stop = useStore((s) => s.stop);
  const setScreen = useStore((s) => s.setScreen);
  const toggleInspector = useStore((s) => s.toggleInspector);
  const setInspectorTab = useStore((s) => s.setInspectorTab);
  // Files: the tray above the box, drop and paste anywhere on the composer (features/attachments).
  const fileBlock = useStore((s) => attachmentBlock(s, threadId));
  const hasFiles = useStore((s) => (s.trays[threadId]?.length ?? 0) > 0);
  const drop = useFileDrop(threadId);
  // Send waits for every {{variable}} to have a value; main refuses the same, naming them. A
  // yes/no from the store: the composer does not render again for each frame of a streaming answer.
  const unfilled = useStore((s) => threadVariables(s.details[threadId], text).missing.length > 0);
  const input = useRef<HTMLTextAreaElement>(null);
  const sendHandedOver = useRef(false);

  const update = (value: string) => {
    setText(value);
    if (value === '') drafts.delete(threadId);
    else drafts.set(threadId, value);
  };

  const submit = async () => {
    const content = text;
    if ((content.trim() === '' && !hasFiles) || streaming || blockReason || fileBlock || unfilled) return;
    const files = useStore.getState().attachmentChoices(threadId);
    if (files === null) return;
    update('');
    const ok = await send(threadId, content, files);
    if (ok) useStore.getState().clearTray(threadId);
    else setText((current) => (current === '' ? content : current));
  };

  // The first paint (renderer/src/paint) took typing before the app ran: once the app's first
  // screen is drawn, its text, caret and focus move into this box, and an Enter pressed in it sends
  // (when it was typed for this thread).
  useLayoutEffect(
    () =>
      receiveFirstPaint((handed) => {
        const box = input.current;
        if (!box) return;
        if (handed.text !== '') {
          box.value = handed.text;
          update(handed.text);
          box.setSelectionRange(handed.selectionStart, handed.selectionEnd);
        }
        if (handed.focused && !box.disabled) box.focus();
        sendHandedOver.current = handed.send && handed.threadId === threadId;
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the box's own setters, read when handed over
    [],
  );
  useEffect(() => {
    if (!sendHandedOver.current) return;
    sendHandedOver.current = false;
    // This render's submit, which reads the handed-over text.
    queueMicrotask(() => void submit());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- sends once the handed-over text is the box's
  }, [text]);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'ArrowUp' && text === '' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      const s = useStore.getState();
      const last = lastUserMessage(s.details[threadId]);
      if (!last) return;
      e.preventDefault();
      s.scrollToMessage(threadId, last.id, false);
      s.setEditing(last.id);
      // A new editor takes focus as it mounts; one left open earlier needs to be handed it.
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLTextAreaElement>(`[data-message-id="${CSS.escape(last.id)}"] .msg-editor-input`)
          ?.focus(),
      );
    }
  };

  const fix = () => {
    if (block?.action === 'providers') {
      setScreen('providers');
      return;
    }
    toggleInspector(true);
    setInspectorTab('parameters');
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.settings-model button')?.focus());
  };

  return (
    <div className={`composer${drop.over ? ' is-file-over' : ''}`} {...drop.handlers}>
      {blockReason ? (
        <div className="composer-block" role="status">
          <span>{blockReason} to start chatting.</span>
          <button type="button" className="btn" onClick={fix}>
            {block?.action === 'providers' ? 'Open Providers' : 'Choose a model'}
          </button>
        </div>
      ) : null}
      {blockReason ? null : <AttachmentTray threadId={threadId} content={text} />}
      {blockReason ? null : <ThreadVariables key={threadId} threadId={threadId} draft={text} />}
      <div className={`composer-box${blockReason ? ' is-disabled' : ''}`}>
        <AttachButton threadId={threadId} disabled={blockReason !== null} />
        <textarea
          ref={input}
          className="composer-input"
          data-testid="composer"
          aria-label="Message"
          placeholder={blockReason ? blockReason : 'Message…'}
          rows={1}
          value={text}
          disabled={blockReason !== null}
          onChange={(e) => update(e.target.value)}
          onKeyDown={onKeyDown}
        />
        {streaming ? (
          <button
            type="button"
            className="btn composer-stop"
            data-testid="stop-button"
            aria-label="Stop"
            onClick={() => void stop(threadId)}
          >
            <Square size={12} fill="currentColor" />
            Stop
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary composer-send"
            data-testid="send-button"
            aria-label="Send"
            disabled={
              blockReason !== null || fileBlock !== null || unfilled || (text.trim() === '' && !hasFiles)
            }
            onClick={() => void submit()}
          >
            Send
          </button>
        )}
      </div>
      <ComposerHints threadId={threadId} streaming={streaming} />
    </div>
  );
}

/**
 * What the keys do, under the box, beside the provider's attestation badge: the same for every
 * keystroke, so it is not drawn again for each. Each hint keeps its key caps and words together;
 * the badge gives way (its reason is cut, then it takes a line of its own) before a hint wraps.
 */
const ComposerHints = memo(function ComposerHints({
  threadId,
  streaming,
}: {
  threadId: string;
  streaming: boolean;
}) {
  return (
    <div className="composer-hints">
      {/* Empty (and hidden by CSS) when the model has no attestation to show. */}
      <div className="composer-status">
        <ComposerBadge threadId={threadId} />
      </div>
      <span className="composer-keys">
        <span className="composer-key">
          <Keys combo={['Enter']} /> send
        </span>
        <span className="composer-key">
          <Keys combo={['Shift', 'Enter']} /> new line
        </span>
        <span className="composer-key">
          <Keys combo={['↑']} /> edit last
        </span>
        {streaming ? (
          <span className="composer-key">
            <Keys combo={['Esc']} /> stop
          </span>
        ) : null}
      </span>
    </div>
  );
});
