import { useEffect, useRef, useState } from 'react';
import type { Message } from '../../../../main/contract';
import { useStore } from '../../store';
import { failureLine } from '../../platform/describeError';
import { focusComposer } from '../../platform/keyboard';
import { isClipped, wholeText } from './wholeText';

interface Props {
  threadId: string;
  message: Message;
}

/**
 * Inline editor. Saving a question starts a new branch from it (the old one stays behind the
 * switcher) and asks for a new answer; an answer is corrected in place.
 */
export function MessageEditor({ threadId, message }: Props) {
  // A huge message was opened with only its beginning: the editor edits the whole text, read first.
  const [clipped] = useState(() => isClipped(message));
  const [original, setOriginal] = useState<string | null>(clipped ? null : message.content);
  const [problem, setProblem] = useState<string | null>(null);
  const [text, setText] = useState(clipped ? '' : message.content);
  const [saving, setSaving] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const editMessage = useStore((s) => s.editMessage);
  const setEditing = useStore((s) => s.setEditing);
  const isQuestion = message.role === 'user';

  useEffect(() => {
    if (!clipped) return;
    let live = true;
    void wholeText(message).then((result) => {
      if (!live) return;
      if (!result.ok) return setProblem(failureLine(result.error));
      setOriginal(result.value);
      setText(result.value);
    });
    return () => {
      live = false;
    };
    // Read once, for the message the editor opened on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const area = ref.current;
    if (!area) return;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  }, []);

  const cancel = () => {
    setEditing(null);
    focusComposer();
  };
  const save = async () => {
    if (text.trim() === '' || saving || original === null) return;
    if (text === original && !isQuestion) {
      cancel();
      return;
    }
    setSaving(true);
    const ok = await editMessage(threadId, message.id, text);
    setSaving(false);
    if (ok) focusComposer();
  };

  return (
    <div className="msg-editor">
      <textarea
        ref={ref}
        className="textarea msg-editor-input"
        aria-label={isQuestion ? 'Edit your message' : 'Edit the answer'}
        value={text}
        readOnly={original === null}
        placeholder={original === null ? (problem ?? 'Reading the whole message…') : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            cancel();
          } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <div className="msg-editor-bar">
        <span className="field-hint">
          {isQuestion
            ? 'Saving starts a new branch; the original stays one click away.'
            : 'Corrects this answer in place.'}
        </span>
        <button type="button" className="btn btn-ghost" onClick={cancel}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={saving || original === null || text.trim() === ''}
          onClick={() => void save()}
        >
          {isQuestion ? 'Save & send' : 'Save'}
        </button>
      </div>
    </div>
  );
}
