import { useState } from 'react';
import type { McpConsent, McpServer } from '../../../../main/contract/mcp';
import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import { Dialog } from '../../ui';

interface Props {
  consent: McpConsent;
  onClose(): void;
  onStarted(server: McpServer): void;
}

/**
 * Exactly what will run, before anything does: the command as found on the PATH, each argument on
 * its own line, the folder, and the names of the variables it gets. Main starts the server only
 * for the confirmation id it issued with this view.
 */
export function ConsentDialog({ consent, onClose, onStarted }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stdio = consent.transport === 'stdio';

  const confirm = async () => {
    setBusy(true);
    setError(null);
    const result = await api.mcp.confirmConsent({ consentId: consent.consentId });
    setBusy(false);
    if (!result.ok) setError(failureLine(result.error));
    else onStarted(result.value);
  };

  return (
    <Dialog
      title={consent.changed ? `Run the changed server ${consent.name}?` : `Run ${consent.name}?`}
      onClose={onClose}
      isDismissable={false}
      size="md"
      testId="mcp-consent"
    >
      <div className="mcp-consent">
        <p className="mcp-consent-lead">
          {stdio
            ? 'This program will run on your computer with your user’s rights. Start it only if you trust it.'
            : 'The app will connect to this address and send it the headers below.'}
          {consent.changed ? ' It changed since you last allowed it.' : ''}
        </p>
        {stdio ? (
          <dl className="mcp-consent-facts">
            <dt>Command</dt>
            <dd>
              <code className="mono" data-testid="consent-command">
                {consent.command}
              </code>
              {consent.resolvedCommand === null ? (
                <div className="field-error">
                  Not found on the PATH the server gets: it will fail to start.
                </div>
              ) : consent.resolvedCommand !== consent.command ? (
                <div className="field-hint">
                  runs <code className="mono">{consent.resolvedCommand}</code>
                </div>
              ) : null}
            </dd>
            <dt>Arguments</dt>
            <dd>
              {consent.args.length === 0 ? (
                <span className="field-hint">none</span>
              ) : (
                <ol className="mcp-consent-args mono" aria-label="Arguments">
                  {consent.args.map((arg, i) => (
                    <li key={i}>{arg === '' ? '(empty)' : arg}</li>
                  ))}
                </ol>
              )}
            </dd>
            <dt>Folder</dt>
            <dd>
              {consent.cwd ? (
                <code className="mono">{consent.cwd}</code>
              ) : (
                <span className="field-hint">the app’s</span>
              )}
            </dd>
            <dt>Variables</dt>
            <dd>
              {consent.envNames.length === 0 ? (
                <span className="field-hint">none of its own</span>
              ) : (
                <span className="mono" aria-label="Variables">
                  {consent.envNames.join(', ')}
                </span>
              )}
              <div className="field-hint">
                Also from your environment (only these): {consent.inheritedNames.join(', ') || 'none'}
              </div>
            </dd>
          </dl>
        ) : (
          <dl className="mcp-consent-facts">
            <dt>Address</dt>
            <dd>
              <code className="mono">{consent.url}</code>
            </dd>
            <dt>Headers</dt>
            <dd className="mono">{consent.headerNames.join(', ') || 'none'}</dd>
          </dl>
        )}
        {error ? (
          <div className="banner banner-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="mcp-dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Not now
          </button>
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void confirm()}>
            {busy ? 'Starting…' : stdio ? 'Run this command' : 'Connect'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
