import { useEffect, useRef, useState } from 'react';
import type { Message } from '../../../../main/contract';
import { useStore } from '../../store';
import { focusComposer } from '../shell/platform';

interface Props {
  threadId: string;
  message: Message;
}

/**
 * Inline editor. Saving a question starts a new branch from it (the old one stays behind the
 * switcher) and asks for a new answer; an answer is corrected in place.
 */
export function MessageEditor({ threadId, message }: Props) {
  const [text, setText] = useState(message.content);
  const [saving, setSaving] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const editMessage = useStore((s) => s.editMessage);
  const setEditing = useStore((s) => s.setEditing);
  const isQuestion = message.role === 'user';

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
    if (text.trim() === '' || saving) return;
    if (text === message.content && !isQuestion) {
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
          disabled={saving || text.trim() === ''}
          onClick={() => void save()}
        >
          {isQuestion ? 'Save & send' : 'Save'}
        </button>
      </div>
    </div>
  );
}
