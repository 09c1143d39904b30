import type { AttestationReport } from '../../../../main/contract';
import { useAttestation } from '../../store/attestation/store';
import { Button } from '../../ui/Button';
import './attestation.css';

/**
 * Pinned identities (app id + compose hash): trust on first use, a loud warning with the compose
 * file's diff when a pinned app changes, and the history of what was trusted when.
 */
export function PinsSection({
  providerId,
  report,
}: {
  providerId: string;
  report: AttestationReport | null;
}) {
  const stored = useAttestation((s) => s.pins[providerId]);
  const pins = stored ?? report?.pins ?? [];
  const pin = useAttestation((s) => s.pin);
  const change = report?.pinChange ?? null;
  const canPin =
    report?.appId &&
    report.composeHash &&
    !pins.some((p) => p.status === 'trusted' && p.appId === report.appId);
  return (
    <div className="att-pins">
      <h4>Pinned identities</h4>
      {change ? (
        <div className="att-pin-change" role="alert" data-testid="attestation-pin-change">
          <strong>
            The compose file of app {change.appId} changed since you pinned it:{' '}
            {change.pinnedHash.slice(0, 12)}… → {change.seenHash.slice(0, 12)}…
          </strong>
          <p>Different code may now be running. Read the difference before trusting it.</p>
          {change.diff ? (
            <pre className="att-pre att-diff">{change.diff}</pre>
          ) : (
            <p className="field-hint">The pinned compose text was not kept, so no diff can be shown.</p>
          )}
          <Button
            variant="danger"
            onPress={() => void pin(providerId, change.appId, change.seenHash, report?.compose ?? null)}
          >
            Trust the new compose file
          </Button>
        </div>
      ) : null}
      {canPin && report?.appId && report.composeHash ? (
        <div className="att-actions">
          <Button
            onPress={() => void pin(providerId, report.appId ?? '', report.composeHash ?? '', report.compose)}
          >
            Pin this identity (trust on first use)
          </Button>
          <span className="field-hint mono">
            app {report.appId} · compose {report.composeHash.slice(0, 16)}…
          </span>
        </div>
      ) : null}
      {pins.length === 0 ? (
        <p className="field-hint">Nothing pinned yet: Known code needs a pinned app id and compose hash.</p>
      ) : (
        <ul className="att-pin-list">
          {pins.map((p) => (
            <li key={`${p.appId}-${p.composeHash}-${p.firstSeen}`} className={`is-${p.status}`}>
              <span className="mono">
                {p.appId} · {p.composeHash.slice(0, 16)}…
              </span>
              <span className="field-hint">
                {p.status === 'trusted' ? 'trusted' : 'replaced'} · pinned{' '}
                {new Date(p.firstSeen).toLocaleString()} · last seen {new Date(p.lastSeen).toLocaleString()}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
