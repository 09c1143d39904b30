import { useState } from 'react';
import { api } from '../../bridge/api';
import type { ImportedCases } from '../../../../main/contract/experiments';
import { failureLine } from '../../platform/describeError';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

/** Picks threads whose user messages become cases (`input`, and the answer as `expected`). */
export function ThreadCasesDialog({
  onClose,
  onAdd,
}: {
  onClose: () => void;
  onAdd: (cases: ImportedCases) => void;
}) {
  const threads = useStore((s) => s.threads);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const add = async () => {
    const result = await api.experiments.casesFromThreads({ threadIds: [...chosen] });
    if (!result.ok) return setProblem(failureLine(result.error));
    onAdd(result.value);
  };
  return (
    <Dialog title="Cases from threads" onClose={onClose} size="md" closeButton>
      <p className="field-hint">
        Each user message becomes a case: its text as {'{{input}}'}, the answer it got as {'{{expected}}'}.
      </p>
      <ul className="exp-thread-pick scroll">
        {threads.map((t) => (
          <li key={t.id}>
            <label className="exp-check-label">
              <input
                type="checkbox"
                checked={chosen.has(t.id)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(t.id);
                  else next.delete(t.id);
                  setChosen(next);
                }}
              />
              <span>{t.title}</span>
              <span className="exp-list-meta">{t.messageCount} messages</span>
            </label>
          </li>
        ))}
      </ul>
      {problem ? <p className="exp-field-problem">{problem}</p> : null}
      <div className="exp-dialog-actions">
        <Button onPress={onClose}>Cancel</Button>
        <Button variant="primary" isDisabled={chosen.size === 0} onPress={() => void add()}>
          Add cases
        </Button>
      </div>
    </Dialog>
  );
}
