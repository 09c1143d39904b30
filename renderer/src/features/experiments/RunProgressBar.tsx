import type { Run } from '../../../../main/contract/experiments';
import { useStore } from '../../store';
import { duration } from './format';

/** Done of total, the ETA, and a 429's wait while a provider holds the queue back. */
export function RunProgressBar({ run }: { run: Run }) {
  const progress = useStore((s) => s.experimentProgress[run.id]);
  const done = progress?.done ?? run.done;
  const total = progress?.total ?? run.total;
  const status = progress?.status ?? run.status;
  const share = total ? done / total : 0;
  return (
    <div className="exp-progress">
      <div
        className="exp-progress-track"
        role="progressbar"
        aria-label="Run progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <div className="exp-progress-fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <span className="exp-progress-text num">
        {done} / {total} cells
        {status === 'stopped'
          ? ' · stopped; finished cells are kept'
          : progress?.etaMs != null
            ? ` · about ${duration(progress.etaMs)} left`
            : ''}
        {progress?.waitingMs != null && status === 'running'
          ? ` · the provider asked to slow down: waiting ${duration(progress.waitingMs)}`
          : ''}
      </span>
    </div>
  );
}
