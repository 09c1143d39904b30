import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type {
  Cell,
  Experiment,
  ExperimentConfig,
  ExperimentPrompt,
  ExperimentSummary,
  PromptVersion,
  Run,
  RunColumn,
  RunStatus,
  RunSummary,
} from '../contract';
import { AppFailure, ExperimentConfig as ConfigSchema, ExperimentPrompt as PromptSchema } from '../contract';
import { Sql } from '../threads/sql';

interface ExperimentRow {
  id: string;
  name: string;
  project_id: string | null;
  config_json: string;
  created_at: number;
  updated_at: number;
}
interface RunRow {
  id: string;
  experiment_id: string;
  version_id: string;
  config_json: string;
  columns_json: string;
  status: RunStatus;
  created_at: number;
  ended_at: number | null;
  number: number;
  prompt_json: string;
  total: number;
  done: number;
}
interface CellRow {
  id: string;
  case_id: string;
  column_key: string;
  rep: number;
  status: Cell['status'];
  thread_id: string | null;
  message_id: string | null;
  result_json: string | null;
}

/** What a finished cell stores besides its status and ids. */
export type CellResult = Omit<Cell, 'id' | 'caseId' | 'column' | 'rep' | 'status' | 'threadId' | 'messageId'>;

export const emptyResult: CellResult = {
  answer: '',
  toolCalls: null,
  errorCode: null,
  errorMessage: null,
  checks: [],
  pass: null,
  requests: 0,
  tokens: 0,
  cost: null,
  credits: null,
  ttftMs: null,
  latencyMs: null,
};

/** A project deleted since reads as none (projects:delete empties threads' project, not ours). */
const EXPERIMENT_SELECT = `SELECT e.id, e.name, e.config_json, e.created_at, e.updated_at,
  (SELECT p.id FROM projects p WHERE p.id = e.project_id) AS project_id
  FROM experiments e`;

const RUN_SELECT = `SELECT r.*, v.number, v.prompt_json,
  (SELECT COUNT(*) FROM experiment_cells c WHERE c.run_id = r.id) AS total,
  (SELECT COUNT(*) FROM experiment_cells c WHERE c.run_id = r.id AND c.status IN ('done', 'error')) AS done
  FROM experiment_runs r JOIN experiment_versions v ON v.id = r.version_id`;

function summary(row: RunRow): RunSummary {
  return {
    id: row.id,
    experimentId: row.experiment_id,
    versionNumber: row.number,
    status: row.status,
    total: row.total,
    done: row.done,
    createdAt: row.created_at,
    endedAt: row.ended_at,
  };
}

function cellFrom(row: CellRow): Cell {
  const result = row.result_json ? (JSON.parse(row.result_json) as CellResult) : emptyResult;
  return {
    ...emptyResult,
    ...result,
    id: row.id,
    caseId: row.case_id,
    column: row.column_key,
    rep: row.rep,
    status: row.status,
    threadId: row.thread_id,
    messageId: row.message_id,
  };
}

/** Experiments, their prompt versions, runs and cells in SQLite. */
export class ExperimentsRepo {
  readonly sql: Sql;

  constructor(
    db: DatabaseSync,
    private readonly now: () => number = Date.now,
  ) {
    this.sql = new Sql(db);
  }

  list(): ExperimentSummary[] {
    return this.sql
      .all<ExperimentRow & { runs: number }>(
        `SELECT x.*, (SELECT COUNT(*) FROM experiment_runs r WHERE r.experiment_id = x.id) AS runs
         FROM (${EXPERIMENT_SELECT}) x ORDER BY x.updated_at DESC`,
      )
      .map((row) => ({
        id: row.id,
        name: row.name,
        cases: ConfigSchema.parse(JSON.parse(row.config_json)).cases.length,
        runs: row.runs,
        projectId: row.project_id,
        updatedAt: row.updated_at,
      }));
  }

  get(id: string): Experiment {
    const row = this.sql.one<ExperimentRow>(`${EXPERIMENT_SELECT} WHERE e.id = ?`, id);
    if (!row) throw new AppFailure('not_found', 'That experiment no longer exists.');
    const versions = this.sql
      .all<{ id: string; number: number; prompt_json: string; created_at: number }>(
        'SELECT * FROM experiment_versions WHERE experiment_id = ? ORDER BY number',
        id,
      )
      .map((v): PromptVersion => ({
        id: v.id,
        number: v.number,
        prompt: PromptSchema.parse(JSON.parse(v.prompt_json)),
        createdAt: v.created_at,
      }));
    return {
      id: row.id,
      name: row.name,
      config: ConfigSchema.parse(JSON.parse(row.config_json)),
      versions,
      projectId: row.project_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  create(name: string, prompt: ExperimentPrompt, config: ExperimentConfig): Experiment {
    const id = randomUUID();
    const at = this.now();
    this.sql.transaction(() => {
      this.sql.run(
        'INSERT INTO experiments (id, name, config_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
        id,
        name,
        JSON.stringify(config),
        at,
        at,
      );
      this.addVersion(id, 1, prompt);
    });
    return this.get(id);
  }

  private addVersion(experimentId: string, number: number, prompt: ExperimentPrompt): void {
    this.sql.run(
      'INSERT INTO experiment_versions (id, experiment_id, number, prompt_json, created_at) VALUES (?, ?, ?, ?, ?)',
      randomUUID(),
      experimentId,
      number,
      JSON.stringify(prompt),
      this.now(),
    );
  }

  /** A prompt that differs from the latest version becomes the next version; runs keep theirs. */
  save(
    id: string,
    patch: { name?: string; prompt?: ExperimentPrompt; config?: ExperimentConfig; projectId?: string | null },
  ): Experiment {
    const current = this.get(id);
    if (patch.projectId && !this.sql.one('SELECT 1 FROM projects WHERE id = ?', patch.projectId))
      throw new AppFailure('not_found', 'That project no longer exists: choose another or none.');
    this.sql.transaction(() => {
      const latest = current.versions[current.versions.length - 1];
      if (patch.prompt && JSON.stringify(patch.prompt) !== JSON.stringify(latest?.prompt))
        this.addVersion(id, (latest?.number ?? 0) + 1, patch.prompt);
      this.sql.run(
        'UPDATE experiments SET name = ?, config_json = ?, project_id = ?, updated_at = ? WHERE id = ?',
        patch.name ?? current.name,
        JSON.stringify(patch.config ?? current.config),
        patch.projectId === undefined ? current.projectId : patch.projectId,
        this.now(),
        id,
      );
    });
    return this.get(id);
  }

  /** The project a run's new threads go in: the experiment's now (changing it mid-run files the rest there). */
  projectOf(experimentId: string): string | null {
    return (
      this.sql.one<{ id: string }>(
        'SELECT p.id FROM experiments e JOIN projects p ON p.id = e.project_id WHERE e.id = ?',
        experimentId,
      )?.id ?? null
    );
  }

  /** Files a thread the run just created in the experiment's project, before anything is sent from it. */
  fileThread(threadId: string, projectId: string): void {
    this.sql.run('UPDATE threads SET project_id = ? WHERE id = ?', projectId, threadId);
  }

  delete(id: string): boolean {
    return this.sql.run('DELETE FROM experiments WHERE id = ?', id) > 0;
  }

  /** A run of the latest version: one pending cell per case × column × repetition. */
  createRun(experiment: Experiment, columns: RunColumn[]): string {
    const version = experiment.versions[experiment.versions.length - 1];
    if (!version) throw new AppFailure('invalid_request', 'The experiment has no prompt yet.');
    const id = randomUUID();
    this.sql.transaction(() => {
      this.sql.run(
        `INSERT INTO experiment_runs (id, experiment_id, version_id, config_json, columns_json, status, created_at)
         VALUES (?, ?, ?, ?, ?, 'running', ?)`,
        id,
        experiment.id,
        version.id,
        JSON.stringify(experiment.config),
        JSON.stringify(columns),
        this.now(),
      );
      let position = 0;
      for (const testCase of experiment.config.cases)
        for (const column of columns)
          for (let rep = 0; rep < experiment.config.k; rep += 1)
            this.sql.run(
              `INSERT INTO experiment_cells (id, run_id, case_id, column_key, rep, position, status)
               VALUES (?, ?, ?, ?, ?, ?, 'pending')`,
              randomUUID(),
              id,
              testCase.id,
              column.key,
              rep,
              position++,
            );
    });
    return id;
  }

  runSummary(runId: string): RunSummary {
    const row = this.sql.one<RunRow>(`${RUN_SELECT} WHERE r.id = ?`, runId);
    if (!row) throw new AppFailure('not_found', 'That run no longer exists.');
    return summary(row);
  }

  runs(experimentId: string): RunSummary[] {
    return this.sql
      .all<RunRow>(
        `${RUN_SELECT} WHERE r.experiment_id = ? ORDER BY r.created_at DESC, r.rowid DESC`,
        experimentId,
      )
      .map(summary);
  }

  run(runId: string): Run {
    const row = this.sql.one<RunRow>(`${RUN_SELECT} WHERE r.id = ?`, runId);
    if (!row) throw new AppFailure('not_found', 'That run no longer exists.');
    return {
      ...summary(row),
      prompt: PromptSchema.parse(JSON.parse(row.prompt_json)),
      config: ConfigSchema.parse(JSON.parse(row.config_json)),
      columns: JSON.parse(row.columns_json) as RunColumn[],
      cells: this.cells(runId),
    };
  }

  cells(runId: string): Cell[] {
    return this.sql
      .all<CellRow>('SELECT * FROM experiment_cells WHERE run_id = ? ORDER BY position', runId)
      .map(cellFrom);
  }

  setRunStatus(runId: string, status: RunStatus): void {
    this.sql.run(
      'UPDATE experiment_runs SET status = ?, ended_at = ? WHERE id = ?',
      status,
      status === 'running' ? null : this.now(),
      runId,
    );
  }

  /** Cells left by a Stop or a crash run again on resume; finished ones are kept. */
  reopenCells(runId: string): void {
    this.sql.run(
      `UPDATE experiment_cells SET status = 'pending' WHERE run_id = ? AND status IN ('stopped', 'running')`,
      runId,
    );
  }

  stopPending(runId: string): void {
    this.sql.run(
      `UPDATE experiment_cells SET status = 'stopped' WHERE run_id = ? AND status IN ('pending', 'running')`,
      runId,
    );
  }

  markCell(
    cellId: string,
    status: Cell['status'],
    ids?: { threadId: string; messageId: string | null },
  ): void {
    if (ids)
      this.sql.run(
        'UPDATE experiment_cells SET status = ?, thread_id = ?, message_id = ? WHERE id = ?',
        status,
        ids.threadId,
        ids.messageId,
        cellId,
      );
    else this.sql.run('UPDATE experiment_cells SET status = ? WHERE id = ?', status, cellId);
  }

  finishCell(cellId: string, status: 'done' | 'error', result: CellResult): void {
    this.sql.run(
      'UPDATE experiment_cells SET status = ?, result_json = ? WHERE id = ?',
      status,
      JSON.stringify(result),
      cellId,
    );
  }

  /** Runs a crash left 'running' are stopped at start; their finished cells are kept. */
  recoverInterrupted(): void {
    this.sql.transaction(() => {
      this.sql.run(
        `UPDATE experiment_cells SET status = 'stopped' WHERE status IN ('running', 'pending')
         AND run_id IN (SELECT id FROM experiment_runs WHERE status = 'running')`,
      );
      this.sql.run(
        `UPDATE experiment_runs SET status = 'stopped', ended_at = ? WHERE status = 'running'`,
        this.now(),
      );
    });
  }
}
