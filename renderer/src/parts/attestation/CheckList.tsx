import { AlertTriangle, Check, Minus, X } from 'lucide-react';
import type { TranscriptCheck } from '../../../../main/contract';
import { LEVEL_LABEL } from '../../../../main/contract/attestation';
import './attestation.css';

const ICON = { pass: Check, fail: X, skip: Minus, warn: AlertTriangle } as const;
const STATUS = { pass: 'passed', fail: 'failed', skip: 'skipped', warn: 'warning' } as const;

/** Every check of a transcript, in order: status, what was checked, why, when, for which level. */
export function CheckList({ checks }: { checks: TranscriptCheck[] }) {
  if (checks.length === 0) return <p className="field-hint">No checks yet.</p>;
  return (
    <ol className="att-checks" data-testid="attestation-checks">
      {checks.map((c, i) => {
        const Icon = ICON[c.status];
        return (
          <li
            key={`${c.id}-${i}`}
            className={`att-check is-${c.status}`}
            data-check={c.id}
            data-status={c.status}
          >
            <Icon className="att-check-icon" aria-label={STATUS[c.status]} role="img" />
            <div className="att-check-body">
              <div className="att-check-head">
                <span className="att-check-label">{c.label}</span>
                <span className="att-check-meta">
                  {c.supplementary ? 'supplementary · ' : ''}
                  {LEVEL_LABEL[c.level]} · <time dateTime={c.at}>{new Date(c.at).toLocaleTimeString()}</time>
                </span>
              </div>
              <p className="att-check-reason">{c.reason}</p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
