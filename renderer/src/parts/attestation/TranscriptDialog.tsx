import { useState } from 'react';
import type { AnswerVerdict, AppError } from '../../../../main/contract';
import { CLAIM_LABEL, LEVEL_LABEL } from '../../../../main/contract/attestation';
import { useAttestation } from '../../store/attestation/store';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui';
import { ErrorNote } from '../../ui/ErrorNote';
import { CheckList } from './CheckList';
import { Ladder } from './Ladder';
import { shieldWords } from './words';
import './attestation.css';

/** The transcript behind a shield: every check with its status, reason and time; re-check; export. */
export function TranscriptDialog({ verdict, onClose }: { verdict: AnswerVerdict; onClose: () => void }) {
  const reverify = useAttestation((s) => s.reverify);
  const exportProof = useAttestation((s) => s.exportProof);
  const [error, setError] = useState<AppError | null>(null);
  const words = shieldWords(verdict);
  return (
    <Dialog
      title="How far this answer was proved"
      closeButton
      isOpen
      onClose={onClose}
      className="att-dialog"
      testId="attestation-transcript"
    >
      <div className={`att-summary is-${words.tone}`}>
        <strong data-testid="attestation-summary">{words.text}</strong>
        <span>
          Level reached: {LEVEL_LABEL[verdict.level]} · may be called: {CLAIM_LABEL[verdict.claim]}
          {verdict.format ? ` · format ${verdict.format}` : ''}
        </span>
        {verdict.reason ? <p>{verdict.reason}</p> : null}
      </div>
      <Ladder level={verdict.level} />
      <CheckList checks={verdict.checks} />
      {error ? <ErrorNote error={error} onDismiss={() => setError(null)} /> : null}
      <div className="att-actions">
        <Button
          onPress={() => void reverify(verdict.messageId)}
          isDisabled={verdict.rechecking || verdict.state === 'checking'}
        >
          {verdict.rechecking ? 'Re-verifying…' : 'Check again'}
        </Button>
        <Button
          onPress={() => void exportProof(verdict.messageId).then(setError)}
          isDisabled={!verdict.exportable}
          data-testid="attestation-export"
        >
          Export proof
        </Button>
        <span className="field-hint">
          Anyone can check an exported proof offline: npm run verify-proof FILE
        </span>
      </div>
    </Dialog>
  );
}
