import type { Message } from '../../../../main/contract';
import { useStore } from '../../store';
import { canContinue, explainMessage } from './errorText';

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
  const explanation = explainMessage(message);
  if (!explanation || message.role !== 'assistant') return null;
  const failed = message.status === 'error';
  const providerWords =
    message.errorMessage && message.errorMessage !== explanation.title ? message.errorMessage : null;
  return (
    <div className={`msg-notice ${failed ? 'banner banner-error' : 'banner banner-warn'}`} role="status">
      <div className="msg-notice-text">
        <strong>
          {failed || message.errorCode === 'aborted'
            ? explanation.title
            : `Interrupted: ${explanation.title.toLowerCase()}`}
        </strong>
        {providerWords ? <span className="msg-notice-provider">{providerWords}</span> : null}
        <span className="msg-notice-hint">{explanation.hint}</span>
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
