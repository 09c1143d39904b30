import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { partsOf } from '../../markdown/limit';
import { PlainText } from '../../markdown/PlainText';
import { failureReason, rememberRenderFailure } from '../../platform/renderFailures';

interface Props {
  threadId: string;
  /** The message's text: shown as plain text if its rendering fails, and a new text is tried afresh. */
  text: string;
  children: ReactNode;
}

interface State {
  reason: string | null;
  text: string;
}

/**
 * One message whose rendering throws (hostile markdown, a renderer bug) must not blank the window:
 * it falls back to its text, escaped, with the reason, and the thread is remembered so it is not
 * reopened by itself at the next start.
 */
export class MessageErrorBoundary extends Component<Props, State> {
  override state: State = { reason: null, text: this.props.text };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { reason: failureReason(error) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // A streaming answer grows: its next text may render, so it is tried again.
    return props.text === state.text ? null : { reason: null, text: props.text };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    rememberRenderFailure(this.props.threadId);
  }

  override render() {
    if (this.state.reason === null) return this.props.children;
    const [head = ''] = partsOf(this.props.text, 1);
    return (
      <div className="msg-fallback" data-testid="message-fallback">
        <p className="msg-fallback-note" role="note">
          Shown as plain text: {this.state.reason}
          {head.length < this.props.text.length
            ? ` (the first ${head.length.toLocaleString()} characters)`
            : ''}
        </p>
        <PlainText className="msg-text" text={head} />
      </div>
    );
  }
}
