import { useEffect, useState } from 'react';
import type { McpServer } from '../../../../main/contract/mcp';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import { useStore } from '../../store';

/**
 * OAuth for a remote server: Sign in (again) through the system browser, Cancel while it waits,
 * Sign out; where no browser opens, the sign-in address to open anywhere on this computer.
 */
export function SignInPanel({ server }: { server: McpServer }) {
  const loadMcp = useStore((s) => s.loadMcp);
  const [waiting, setWaiting] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(
    () =>
      api.mcp.onSignInUrl((shown) => {
        if (shown.serverId === server.id) setUrl(shown.url);
      }),
    [server.id],
  );

  if (server.auth !== 'oauth') return null;
  const signIn = async () => {
    setWaiting(true);
    setError(null);
    setUrl(null);
    const result = await api.mcp.signIn({ id: server.id });
    setWaiting(false);
    setUrl(null);
    if (!result.ok) setError(failureLine(result.error));
    void loadMcp();
  };
  const signOut = async () => {
    const result = await api.mcp.signOut({ id: server.id });
    if (!result.ok) setError(failureLine(result.error));
    void loadMcp();
  };
  const again =
    server.signIn === 'needed' && /revoked|refused the saved sign-in/.test(server.status.message ?? '');

  return (
    <div className="mcp-signin" role="group" aria-label="Sign-in">
      <div className="mcp-signin-row">
        {server.signIn === 'signed-in' ? (
          <span className="chip chip-ok">signed in</span>
        ) : (
          <span className="chip chip-warn">needs sign-in</span>
        )}
        {waiting ? (
          <>
            <span className="field-hint">Waiting for the sign-in in your browser…</span>
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => void api.mcp.cancelSignIn({ id: server.id })}
            >
              Cancel
            </button>
          </>
        ) : server.signIn === 'signed-in' ? (
          <button type="button" className="btn btn-sm" onClick={() => void signOut()}>
            Sign out
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={!server.consented}
            onClick={() => void signIn()}
          >
            {again ? 'Sign in again' : 'Sign in'}
          </button>
        )}
      </div>
      {waiting && url ? (
        <div className="mcp-signin-url">
          <p className="field-hint">
            No browser could be opened. Open this address on this computer to sign in:
          </p>
          <code className="mono">{url}</code>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => void navigator.clipboard.writeText(url).then(() => setCopied(true))}
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
