import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';
import { ExperimentList } from './ExperimentList';
import { ExperimentView } from './ExperimentView';
import './experiments.css';

/** Prompts × models × test cases, run under each provider's rate limit, with checks per cell. */
export function ExperimentsScreen() {
  const {
    experiment,
    experimentsLoaded,
    experiments,
    loadExperiments,
    createExperiment,
    importExperiment,
    ensureSync,
    toast,
  } = useStore(
    useShallow((s) => ({
      experiment: s.experiment,
      experimentsLoaded: s.experimentsLoaded,
      experiments: s.experiments,
      loadExperiments: s.loadExperiments,
      createExperiment: s.createExperiment,
      importExperiment: s.importExperiment,
      ensureSync: s.ensureExperimentsSync,
      toast: s.toast,
    })),
  );
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    ensureSync();
    void loadExperiments();
  }, [ensureSync, loadExperiments]);

  const create = () => void createExperiment(`Experiment ${experiments.length + 1}`);

  return (
    <section className="screen-frame" aria-label="Experiments">
      <header className="screen-head">
        <div>
          <h1 className="screen-title">Experiments</h1>
          <p className="screen-subtitle">
            One prompt with {'{{variables}}'}, several models, your test cases: which does best, at what cost.
          </p>
        </div>
        <div className="screen-head-actions">
          <Button onPress={() => fileRef.current?.click()}>Import…</Button>
          <Button variant="primary" onPress={create}>
            New experiment
          </Button>
          <input
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            aria-label="Import an experiment from a JSON file"
            className="visually-hidden"
            tabIndex={-1}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file)
                void file.text().then(async (text) => {
                  if (await importExperiment(text)) toast('success', `Imported ${file.name}.`);
                });
            }}
          />
        </div>
      </header>
      <div className="exp-body">
        <ExperimentList />
        <div className="exp-main">
          {experiment ? (
            <ExperimentView key={experiment.id} />
          ) : experimentsLoaded ? (
            <div className="empty-state exp-empty">
              <h2>{experiments.length ? 'Choose an experiment' : 'No experiments yet'}</h2>
              <p>
                Write a prompt with variables such as {'{{question}}'}, add test cases (or import a CSV whose
                header row names the variables), pick models, and add checks. Each cell shows the answer, its
                verdicts and what it cost.
              </p>
              <Button variant="primary" onPress={create}>
                New experiment
              </Button>
            </div>
          ) : null}
        </div>
      </div>
    </section>
  );
}
