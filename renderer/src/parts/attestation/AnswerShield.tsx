import { Loader, ShieldAlert, ShieldCheck, ShieldX } from 'lucide-react';
import { Suspense, lazy, memo, useEffect, useState } from 'react';
import type { Message } from '../../../../main/contract';
import { useStore } from '../../store';
import { useAttestation } from '../../store/attestation/store';
import { Button } from '../../ui/Button';

import { shieldWords } from './words';
import './attestation.css';

// The transcript's code loads when it is first opened.
const TranscriptDialog = lazy(() =>
  import('./TranscriptDialog').then((m) => ({ default: m.TranscriptDialog })),
);

const ICON = { neutral: Loader, ok: ShieldCheck, warn: ShieldAlert, bad: ShieldX } as const;

/**
 * The shield on an answer: checking, verified to level X, degraded with the reason, or failed
 * with the check that failed. It opens the transcript. Only answers main verified have one.
 */
type ShieldFields = Pick<Message, 'id' | 'role' | 'status' | 'providerId'>;

// Drawn again only when one of the four fields it reads changes: the answer's object is new for
// every frame of text while it streams, and the shield would render with it each time.
export const AnswerShield = memo(AnswerShieldView, (a, b) =>
  (['id', 'role', 'status', 'providerId'] as const).every((key) => a.message[key] === b.message[key]),
);

function AnswerShieldView({ message }: { message: ShieldFields }) {
  const preset = useStore((s) => s.providers.find((p) => p.id === message.providerId)?.preset ?? null);
  const verdict = useAttestation((s) => s.verdicts[message.id]);
  const load = useAttestation((s) => s.load);
  const [open, setOpen] = useState(false);
  // Plain OpenAI-compatible providers are only checked when they send ACI receipts: the push brings those.
  const eligible =
    message.role === 'assistant' &&
    message.status === 'complete' &&
    preset !== null &&
    preset !== 'openai-compatible';
  useEffect(() => {
    if (eligible) load(message.id);
  }, [eligible, load, message.id]);
  if (!verdict) return null;
  const words = shieldWords(verdict);
  const Icon = ICON[words.tone];
  return (
    <>
      <Button
        variant="bare"
        className={`att-shield is-${words.tone}`}
        data-testid="attestation-shield"
        data-state={verdict.rechecking ? 'rechecking' : verdict.state}
        data-level={verdict.level}
        title={words.detail}
        aria-label={`${words.text}. ${words.detail} Open the verification transcript.`}
        onPress={() => setOpen(true)}
      >
        <Icon aria-hidden className={words.tone === 'neutral' ? 'att-spin' : ''} />
        <span>{words.text}</span>
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <TranscriptDialog verdict={verdict} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
