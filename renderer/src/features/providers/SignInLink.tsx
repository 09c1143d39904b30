import { useState } from 'react';
import { copyText } from '../../platform/files';

/**
 * Shown while a sign-in waits and no browser could be opened (the browser build, a headless
 * machine): the address to open by hand, with a Copy button. It is also printed in the terminal.
 */
export function SignInLink({ url }: { url: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="providers-signin-link" role="group" aria-label="Sign-in address">
      <p className="providers-signin-link-text">
        No browser could be opened from here. Open this address in a browser on this computer to sign in (it
        is also printed in the terminal):
      </p>
      <div className="providers-signin-link-row">
        <code className="mono providers-signin-url" data-testid="sign-in-url">
          {url}
        </code>
        <button type="button" className="btn" onClick={() => void copyText(url).then((ok) => setCopied(ok))}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copied === false ? (
        <p className="field-error" role="alert">
          Could not copy: select the address and copy it by hand.
        </p>
      ) : null}
    </div>
  );
}
