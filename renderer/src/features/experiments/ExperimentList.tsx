import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { when } from './format';
import { Button } from '../../ui/Button';

/** The experiments, newest first; the open one is marked. */
export function ExperimentList() {
  const { experiments, current, openExperiment } = useStore(
    useShallow((s) => ({
      experiments: s.experiments,
      current: s.experiment?.id ?? null,
      openExperiment: s.openExperiment,
    })),
  );
  return (
    <nav className="exp-list-pane" aria-label="Experiments list">
      <ul className="exp-list">
        {experiments.map((e) => (
          <li key={e.id}>
            <Button
              variant="bare"
              className={e.id === current ? 'exp-list-item exp-list-item-active' : 'exp-list-item'}
              aria-current={e.id === current ? 'true' : undefined}
              onPress={() => void openExperiment(e.id)}
            >
              <span className="exp-list-name">{e.name}</span>
              <span className="exp-list-meta">
                {e.cases} case{e.cases === 1 ? '' : 's'} · {e.runs} run{e.runs === 1 ? '' : 's'} ·{' '}
                {when(e.updatedAt)}
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
