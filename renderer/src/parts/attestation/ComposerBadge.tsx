import { Loader, ShieldAlert, ShieldCheck } from 'lucide-react';
import { useEffect } from 'react';
import { useStore } from '../../store';
import { useAttestation } from '../../store/attestation/store';
import { badgeWords } from './words';
import './attestation.css';

const ICON = { neutral: Loader, ok: ShieldCheck, warn: ShieldAlert, bad: ShieldAlert } as const;

/**
 * Before each send on a confidential model: grey while the provider's attestation is checked,
 * green when it verified within its freshness window, amber with the reason otherwise.
 */
export function ComposerBadge({ threadId }: { threadId: string }) {
  const providerId = useStore((s) => s.details[threadId]?.thread.settings.providerId ?? null);
  const model = useStore((s) => s.details[threadId]?.thread.settings.model ?? null);
  const preset = useStore((s) => s.providers.find((p) => p.id === providerId)?.preset ?? null);
  const confidential = useStore((s) =>
    providerId && model
      ? (s.models[providerId]?.models.find((m) => m.id === model)?.confidential ?? model.startsWith('phala/'))
      : false,
  );
  const applies =
    providerId !== null &&
    model !== null &&
    confidential &&
    (preset === 'confidential' || preset === 'near-ai');
  const status = useAttestation((s) => (providerId ? s.providers[providerId] : undefined));
  const loadProvider = useAttestation((s) => s.loadProvider);
  useEffect(() => {
    if (applies) void loadProvider(providerId, model);
  }, [applies, providerId, model, loadProvider]);
  if (!applies) return null;
  const words = badgeWords(status);
  const Icon = ICON[words.tone];
  return (
    <span
      className={`att-badge is-${words.tone}`}
      data-testid="attestation-badge"
      data-state={status?.state ?? 'checking'}
      title={words.detail}
      role="status"
    >
      <Icon aria-hidden className={words.tone === 'neutral' ? 'att-spin' : ''} />
      <span>{words.text}</span>
      {words.tone !== 'ok' && words.detail ? <span className="att-badge-reason">{words.detail}</span> : null}
    </span>
  );
}
