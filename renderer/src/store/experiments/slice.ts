import { api } from '../../bridge/api';
import { failureLine } from '../../platform/describeError';
import type {
  Estimate,
  Experiment,
  ExperimentConfig,
  ExperimentPrompt,
  ExperimentSummary,
  ImportedCases,
  Run,
  RunSummary,
} from '../../../../main/contract/experiments';
import type { EventPayload } from '../../../../main/contract';
import type { SliceCreator } from '../types';

export type RunProgress = EventPayload<'experiments:progress'>;

/** The editor's copy of an experiment: saved on Save or before Start (a changed prompt becomes a version). */
export interface ExperimentDraft {
  name: string;
  prompt: ExperimentPrompt;
  config: ExperimentConfig;
  /** The project its runs' threads are filed in (null: none). */
  projectId: string | null;
}

export interface ExperimentsSlice {
  experiments: ExperimentSummary[];
  experimentsLoaded: boolean;
  experiment: Experiment | null;
  experimentDraft: ExperimentDraft | null;
  experimentDirty: boolean;
  experimentRuns: RunSummary[];
  /** The run the grid shows. */
  experimentRun: Run | null;
  experimentEstimate: Estimate | null;
  experimentProgress: Record<string, RunProgress>;
  experimentError: string | null;
  /**
   * Response formats the editor shows but cannot send yet (an invalid schema or name), by editor
   * ('prompt' or a variant id): the draft keeps the last valid one, so Start waits until they are fixed.
   */
  experimentUnsendable: Record<string, string>;
  setExperimentUnsendable(key: string, reason: string | null): void;
  loadExperiments(): Promise<void>;
  openExperiment(id: string | null): Promise<void>;
  createExperiment(name: string): Promise<void>;
  editExperiment(patch: Partial<ExperimentDraft>): void;
  saveExperiment(): Promise<boolean>;
  deleteExperiment(id: string): Promise<void>;
  estimateExperiment(): Promise<void>;
  startExperiment(): Promise<void>;
  stopExperimentRun(runId: string): Promise<void>;
  resumeExperimentRun(runId: string): Promise<void>;
  showExperimentRun(runId: string): Promise<void>;
  fetchExperimentRun(runId: string): Promise<Run | null>;
  parseExperimentCases(text: string, format: 'csv' | 'jsonl'): Promise<ImportedCases | string>;
  importExperiment(text: string): Promise<boolean>;
  openExperimentCell(runId: string, cellId: string): Promise<void>;
  /** Subscribes once to `experiments:progress`. */
  ensureExperimentsSync(): void;
}

let syncing = false;
/** A run's grid reloads at most this often while it runs: a 1000-cell run must not reload per cell. */
const RELOAD_MS = 400;
let reloadTimer: ReturnType<typeof setTimeout> | null = null;
/**
 * The run the grid is meant to show, set before its fetch resolves, and the latest fetch: a run
 * that finishes while its first fetch is in flight must not stay on that fetch's older snapshot.
 */
let wantedRun: string | null = null;
let fetchSeq = 0;

const draftOf = (experiment: Experiment): ExperimentDraft => ({
  name: experiment.name,
  prompt: experiment.versions[experiment.versions.length - 1]?.prompt ?? {
    messages: [{ role: 'user', content: '' }],
    toolIds: [],
    responseFormat: null,
  },
  config: experiment.config,
  projectId: experiment.projectId,
});

export const createExperimentsSlice: SliceCreator<ExperimentsSlice> = (set, get) => {
  const fail = (message: string): void => {
    set({ experimentError: message });
  };

  const refreshRuns = async (experimentId: string) => {
    const runs = await api.experiments.runs({ id: experimentId });
    if (runs.ok && get().experiment?.id === experimentId) set({ experimentRuns: runs.value });
  };

  return {
    experiments: [],
    experimentsLoaded: false,
    experiment: null,
    experimentDraft: null,
    experimentDirty: false,
    experimentRuns: [],
    experimentRun: null,
    experimentEstimate: null,
    experimentProgress: {},
    experimentError: null,
    experimentUnsendable: {},

    setExperimentUnsendable: (key, reason) => {
      const current = get().experimentUnsendable;
      if ((current[key] ?? null) === reason) return;
      const { [key]: _old, ...rest } = current;
      set({ experimentUnsendable: reason === null ? rest : { ...rest, [key]: reason } });
    },

    loadExperiments: async () => {
      const result = await api.experiments.list({});
      if (result.ok) set({ experiments: result.value, experimentsLoaded: true });
      else set({ experimentsLoaded: true, experimentError: failureLine(result.error) });
    },

    openExperiment: async (id) => {
      if (id === null) {
        wantedRun = null;
        set({ experiment: null, experimentDraft: null, experimentRuns: [], experimentRun: null });
        return;
      }
      const [experiment, runs] = await Promise.all([
        api.experiments.get({ id }),
        api.experiments.runs({ id }),
      ]);
      if (!experiment.ok) return fail(failureLine(experiment.error));
      const runList = runs.ok ? runs.value : [];
      set({
        experiment: experiment.value,
        experimentDraft: draftOf(experiment.value),
        experimentDirty: false,
        experimentUnsendable: {},
        experimentRuns: runList,
        experimentRun: null,
        experimentEstimate: null,
        experimentError: null,
      });
      const latest = runList[0];
      if (latest) await get().showExperimentRun(latest.id);
      void get().estimateExperiment();
    },

    createExperiment: async (name) => {
      const result = await api.experiments.create({ name });
      if (!result.ok) return fail(failureLine(result.error));
      await get().loadExperiments();
      await get().openExperiment(result.value.id);
    },

    editExperiment: (patch) => {
      const draft = get().experimentDraft;
      if (!draft) return;
      set({ experimentDraft: { ...draft, ...patch }, experimentDirty: true });
    },

    saveExperiment: async () => {
      const { experiment, experimentDraft: draft, experimentDirty } = get();
      if (!experiment || !draft) return false;
      if (!experimentDirty) return true;
      const result = await api.experiments.save({ id: experiment.id, ...draft });
      if (!result.ok) {
        fail(failureLine(result.error));
        return false;
      }
      set({ experiment: result.value, experimentDirty: false, experimentError: null });
      void get().loadExperiments();
      void get().estimateExperiment();
      return true;
    },

    deleteExperiment: async (id) => {
      const result = await api.experiments.delete({ id });
      if (!result.ok) return fail(failureLine(result.error));
      if (get().experiment?.id === id) await get().openExperiment(null);
      await get().loadExperiments();
    },

    estimateExperiment: async () => {
      const experiment = get().experiment;
      if (!experiment) return;
      const result = await api.experiments.estimate({ id: experiment.id });
      if (result.ok && get().experiment?.id === experiment.id) set({ experimentEstimate: result.value });
    },

    startExperiment: async () => {
      if (!(await get().saveExperiment())) return;
      const experiment = get().experiment;
      if (!experiment) return;
      const result = await api.experiments.start({ id: experiment.id });
      if (!result.ok) return fail(failureLine(result.error));
      set({ experimentError: null });
      await refreshRuns(experiment.id);
      await get().showExperimentRun(result.value.id);
      void get().loadExperiments();
    },

    stopExperimentRun: async (runId) => {
      const result = await api.experiments.stop({ runId });
      if (!result.ok) return fail(failureLine(result.error));
      await get().showExperimentRun(runId);
    },

    resumeExperimentRun: async (runId) => {
      const result = await api.experiments.resume({ runId });
      if (!result.ok) return fail(failureLine(result.error));
      await get().showExperimentRun(runId);
    },

    fetchExperimentRun: async (runId) => {
      const result = await api.experiments.run({ runId });
      if (!result.ok) {
        fail(failureLine(result.error));
        return null;
      }
      return result.value;
    },

    showExperimentRun: async (runId) => {
      wantedRun = runId;
      const seq = ++fetchSeq;
      const run = await get().fetchExperimentRun(runId);
      if (seq !== fetchSeq) return;
      if (run && run.experimentId === get().experiment?.id) set({ experimentRun: run });
    },

    parseExperimentCases: async (text, format) => {
      const result = await api.experiments.parseCases({ text, format });
      return result.ok ? result.value : failureLine(result.error);
    },

    importExperiment: async (text) => {
      const result = await api.experiments.import({ text });
      if (!result.ok) {
        fail(failureLine(result.error));
        return false;
      }
      await get().loadExperiments();
      await get().openExperiment(result.value.id);
      return true;
    },

    openExperimentCell: async (runId, cellId) => {
      const result = await api.experiments.openCell({ runId, cellId });
      if (!result.ok) return fail(failureLine(result.error));
      await get().loadThreads();
      get().setScreen('chat');
      await get().openThread(result.value.threadId);
    },

    ensureExperimentsSync: () => {
      if (syncing) return;
      syncing = true;
      api.experiments.onProgress((progress) => {
        set((s) => ({ experimentProgress: { ...s.experimentProgress, [progress.runId]: progress } }));
        const { experiment, experimentRun } = get();
        if (experiment?.id !== progress.experimentId) return;
        const ended = progress.status !== 'running';
        if (ended) void refreshRuns(experiment.id);
        if ((wantedRun ?? experimentRun?.id) !== progress.runId) return;
        if (ended) {
          if (reloadTimer) clearTimeout(reloadTimer);
          reloadTimer = null;
          void get().showExperimentRun(progress.runId);
        } else
          reloadTimer ??= setTimeout(() => {
            reloadTimer = null;
            void get().showExperimentRun(progress.runId);
          }, RELOAD_MS);
      });
    },
  };
};
