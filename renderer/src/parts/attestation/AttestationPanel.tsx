import { useEffect, useId } from 'react';
import type { Provider } from '../../../../main/contract';
import { LEVEL_LABEL } from '../../../../main/contract/attestation';
import { useStore } from '../../store';
import { useAttestation } from '../../store/attestation/store';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { CheckList } from './CheckList';
import { CollateralSection } from './CollateralSection';
import { Ladder } from './Ladder';
import { PinsSection } from './PinsSection';
import { ReportDetails } from './ReportDetails';
import { badgeWords } from './words';
import './attestation.css';

/**
 * A provider's Attestation panel: fetch its report with a nonce the app generates, every check,
 * the measurements, certificate chains and compose file, re-check on demand, "require
 * verification", and the pinned identities with their history.
 */
export function AttestationPanel({ provider }: { provider: Provider }) {
  const id = useId();
  const applies = provider.preset === 'confidential' || provider.preset === 'near-ai';
  const model = useStore((s) => s.models[provider.id]?.models.find((m) => m.confidential)?.id ?? null);
  const status = useAttestation((s) => s.providers[provider.id]);
  const report = useAttestation((s) => s.reports[provider.id]);
  const checking = useAttestation((s) => s.checking[provider.id] ?? false);
  const error = useAttestation((s) => s.errors[provider.id]);
  const { loadProvider, check, setRequire } = useAttestation.getState();
  useEffect(() => {
    if (applies) void loadProvider(provider.id, model ?? undefined);
  }, [applies, provider.id, model, loadProvider]);
  if (!applies) return null;
  const words = badgeWords(status);
  return (
    <section
      className="providers-section att-panel"
      aria-labelledby={`${id}-title`}
      data-testid="attestation-panel"
    >
      <h3 id={`${id}-title`} className="section-title">
        Attestation
      </h3>
      <p className={`att-summary is-${words.tone}`}>
        <strong>{words.text}</strong>
        {words.detail ? <span>{words.detail}</span> : null}
      </p>
      <label className="att-require">
        <input
          type="checkbox"
          checked={status?.requireVerification ?? false}
          onChange={(e) => void setRequire(provider.id, e.target.checked)}
        />
        Require verification: refuse to send while this provider's attestation does not verify
      </label>
      <CollateralSection providerId={provider.id} />
      <div className="att-actions">
        <Button
          variant="primary"
          onPress={() => void check(provider.id, model ?? undefined)}
          isDisabled={checking}
          data-testid="attestation-check"
        >
          {checking ? 'Checking…' : report ? 'Check again' : 'Fetch and check the report'}
        </Button>
        <span className="field-hint">
          {model
            ? `For ${model}, with a fresh nonce the app generates.`
            : 'With a fresh nonce the app generates.'}
        </span>
      </div>
      {error ? <ErrorNote error={error} /> : null}
      {report ? (
        <>
          <p className="att-meta mono">
            Nonce {report.nonce || '—'} · fetched {new Date(report.fetchedAt).toLocaleTimeString()} · reached{' '}
            {LEVEL_LABEL[report.level]}
          </p>
          <Ladder level={report.level} from="hardware-bound" />
          <CheckList checks={report.checks} />
          <ReportDetails report={report} />
        </>
      ) : null}
      <PinsSection providerId={provider.id} report={report ?? null} />
    </section>
  );
}
