import type { AttestationLevel } from '../../../../main/contract';
import { AttestationLevel as Levels, LEVEL_LABEL, levelRank } from '../../../../main/contract/attestation';
import './attestation.css';

/** The levels, the reached ones marked: how far the proof got at a glance (a report has no signature rung). */
export function Ladder({ level, from = 'signed' }: { level: AttestationLevel; from?: AttestationLevel }) {
  return (
    <ol className="att-ladder" aria-label={`Reached: ${LEVEL_LABEL[level]}`}>
      {Levels.options.slice(levelRank(from)).map((l) => (
        <li key={l} className={levelRank(l) <= levelRank(level) ? 'is-reached' : ''}>
          {LEVEL_LABEL[l]}
        </li>
      ))}
    </ol>
  );
}
