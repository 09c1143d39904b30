import type { Message } from '../../../../main/contract';
import { useStore } from '../../store';
import { canContinue, explainMessage, noticeText } from '../../store/conversation/errorText';

interface Props {
  threadId: string;
  message: Message;
}

/** Why an answer stopped short or failed, in plain words, with what can be done about it. */
export function MessageNotice({ threadId, message }: Props) {
  const continueMessage = useStore((s) => s.continueMessage);
  const regenerate = useStore((s) => s.regenerate);
  const setScreen = useStore((s) => s.setScreen);
  const toggleInspector = useStore((s) => s.toggleInspector);
  const selectMessage = useStore((s) => s.selectMessage);
  const setInspectorTab = useStore((s) => s.setInspectorTab);
  const explanation = explainMessage(message);
  const text = noticeText(message);
  if (!explanation || !text || message.role !== 'assistant') return null;
  const failed = message.status === 'error';
  const showEvents = () => {
    selectMessage(message.id);
    setInspectorTab('request');
    toggleInspector(true);
  };
  return (
    <div
      className={`msg-notice ${failed ? 'banner banner-error' : 'banner banner-warn'}`}
      role="status"
      data-testid="message-notice"
    >
      <div className="msg-notice-text">
        <strong>{text.heading}</strong>
        {text.detail ? <span className="msg-notice-provider">{text.detail}</span> : null}
        {text.hint ? <span className="msg-notice-hint">{text.hint}</span> : null}
      </div>
      <div className="msg-notice-actions">
        {explanation.fix === 'providers' ? (
          <button type="button" className="btn" onClick={() => setScreen('providers')}>
            Open Providers
          </button>
        ) : null}
        {explanation.fix === 'inspector' ? (
          <button type="button" className="btn" onClick={() => toggleInspector(true)}>
            Show inspector
          </button>
        ) : null}
        {explanation.fix === 'events' ? (
          <button type="button" className="btn" onClick={showEvents}>
            Show raw events
          </button>
        ) : null}
        {canContinue(message) ? (
          <button type="button" className="btn" onClick={() => void continueMessage(threadId, message.id)}>
            Continue
          </button>
        ) : null}
        <button type="button" className="btn" onClick={() => void regenerate(threadId, message.id)}>
          Retry
        </button>
      </div>
    </div>
  );
}
