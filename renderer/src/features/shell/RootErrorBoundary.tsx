import { Component } from 'react';
import type { ReactNode } from 'react';
import { useStore } from '../../store';
import { renderFailed, rememberRenderFailure } from '../../platform/renderFailures';
import { failureReason } from '../../platform/renderFailures';
import { endFirstPaint, handOverFirstPaint } from '../../paint/adopt';
import './rootError.css';

interface State {
  reason: string | null;
}

/** The most recent thread that has not failed to render, other than `failed`. */
function anotherThread(failed: string | null): string | null {
  const other = useStore.getState().threads.find((t) => t.id !== failed && !renderFailed(t.id));
  return other?.id ?? null;
}

/**
 * The last line of defence: whatever a part of the window throws while rendering, the window shows
 * what happened and a way on instead of going blank, and the thread that was open is not reopened
 * by itself at the next start (else a window broken by a thread stays broken on every start).
 */
export class RootErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { reason: null };

  static getDerivedStateFromError(error: unknown): State {
    return { reason: failureReason(error) };
  }

  override componentDidCatch(): void {
    // A first paint still covering the window would hide this message.
    handOverFirstPaint();
    endFirstPaint();
    rememberRenderFailure(useStore.getState().currentThreadId);
  }

  private readonly openAnother = () => {
    const failed = useStore.getState().currentThreadId;
    void useStore.getState().openThread(anotherThread(failed));
    this.setState({ reason: null });
  };

  override render() {
    if (this.state.reason === null) return this.props.children;
    return (
      <main className="root-error" role="alert" data-testid="root-error">
        <h1>This view could not be shown</h1>
        <p>Something in it failed to render: {this.state.reason}.</p>
        <p>Your threads are safe. The thread that was open will not be reopened at start.</p>
        <button type="button" className="btn btn-primary" onClick={this.openAnother} autoFocus>
          Open another thread
        </button>
      </main>
    );
  }
}
