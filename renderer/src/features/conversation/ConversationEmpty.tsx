import { useStore } from '../../store';
import { Keys } from '../../ui/Keys';
import { newThreadAndFocus } from '../../platform/newThread';

/** What the conversation pane says when there is nothing to show yet, and the one thing to do next. */
export function ConversationEmpty({ kind }: { kind: 'no-provider' | 'no-thread' }) {
  const setScreen = useStore((s) => s.setScreen);
  if (kind === 'no-provider') {
    return (
      <div className="empty-state">
        <h2>Add a provider</h2>
        <p>Connect an OpenAI-compatible service (a base URL and a key or sign-in) to start chatting.</p>
        <button type="button" className="btn btn-primary" onClick={() => setScreen('providers')}>
          Add a provider
        </button>
      </div>
    );
  }
  return (
    <div className="empty-state">
      <h2>Start a thread</h2>
      <p>Ask anything; every answer is kept here with its tokens, timing and cost.</p>
      <button type="button" className="btn btn-primary" onClick={() => void newThreadAndFocus()}>
        New thread
      </button>
      <p className="field-hint">
        <Keys combo={['Mod', 'N']} /> new thread · <Keys combo={['Mod', 'K']} /> search ·{' '}
        <Keys combo={['?']} /> all shortcuts
      </p>
    </div>
  );
}
