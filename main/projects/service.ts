import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Project, ProjectsState, ThreadFiling } from '../contract';
import { AppFailure } from '../contract';

export interface ProjectsOptions {
  now: () => number;
  newId?: () => string;
  /**
   * A thread changed project or tags: budgets scoped by project or tag keep running totals, which
   * now count other rows (the book recomputes them).
   */
  onFilingChange?: () => void;
  onChange?: () => void;
}

/** Projects (folders of threads) and the tags of threads, in the tables of migration 010. */
export class ProjectsService {
  private readonly newId: () => string;

  constructor(
    private readonly db: DatabaseSync,
    private readonly options: ProjectsOptions,
  ) {
    this.newId = options.newId ?? randomUUID;
  }

  state(): ProjectsState {
    const projects = this.db
      .prepare(
        'SELECT id, name, created_at AS createdAt FROM projects ORDER BY name COLLATE NOCASE, created_at',
      )
      .all() as unknown as Project[];
    const filings = new Map<string, ThreadFiling>();
    const filed = this.db
      .prepare('SELECT id, project_id FROM threads WHERE project_id IS NOT NULL')
      .all() as {
      id: string;
      project_id: string;
    }[];
    for (const row of filed) filings.set(row.id, { threadId: row.id, projectId: row.project_id, tags: [] });
    const tags = this.db.prepare('SELECT thread_id, tag FROM thread_tags ORDER BY thread_id, tag').all() as {
      thread_id: string;
      tag: string;
    }[];
    for (const row of tags) {
      let filing = filings.get(row.thread_id);
      if (!filing) {
        filing = { threadId: row.thread_id, projectId: null, tags: [] };
        filings.set(row.thread_id, filing);
      }
      filing.tags.push(row.tag);
    }
    return { projects, filings: [...filings.values()] };
  }

  save(input: { id?: string; name: string }): Project {
    const clash = this.db
      .prepare('SELECT id FROM projects WHERE name = ? COLLATE NOCASE AND id IS NOT ?')
      .get(input.name, input.id ?? null) as { id: string } | undefined;
    if (clash) throw new AppFailure('invalid_request', `There is already a project named "${input.name}".`);
    if (input.id !== undefined) {
      const updated = this.db.prepare('UPDATE projects SET name = ? WHERE id = ?').run(input.name, input.id);
      if (updated.changes === 0) throw new AppFailure('not_found', 'That project no longer exists.');
      this.options.onChange?.();
      return this.db
        .prepare('SELECT id, name, created_at AS createdAt FROM projects WHERE id = ?')
        .get(input.id) as unknown as Project;
    }
    const project: Project = { id: this.newId(), name: input.name, createdAt: this.options.now() };
    this.db
      .prepare('INSERT INTO projects (id, name, created_at) VALUES (?, ?, ?)')
      .run(project.id, project.name, project.createdAt);
    this.options.onChange?.();
    return project;
  }

  /** Deletes a project; its threads stay, outside any project. */
  delete(id: string): { deleted: boolean; threads: number } {
    let threads = 0;
    let deleted = false;
    this.transaction(() => {
      threads = Number(
        this.db.prepare('UPDATE threads SET project_id = NULL WHERE project_id = ?').run(id).changes,
      );
      deleted = this.db.prepare('DELETE FROM projects WHERE id = ?').run(id).changes > 0;
    });
    if (threads > 0) this.options.onFilingChange?.();
    if (deleted) this.options.onChange?.();
    return { deleted, threads };
  }

  move(threadIds: readonly string[], projectId: string | null): { moved: number } {
    if (projectId !== null && !this.db.prepare('SELECT 1 FROM projects WHERE id = ?').get(projectId))
      throw new AppFailure('not_found', 'That project no longer exists.');
    let moved = 0;
    this.transaction(() => {
      const exists = this.db.prepare('SELECT project_id FROM threads WHERE id = ?');
      const update = this.db.prepare('UPDATE threads SET project_id = ? WHERE id = ?');
      for (const id of new Set(threadIds)) {
        const row = exists.get(id) as { project_id: string | null } | undefined;
        if (!row)
          throw new AppFailure('not_found', 'A thread being moved no longer exists; nothing was moved.');
        if (row.project_id === projectId) continue;
        update.run(projectId, id);
        moved++;
      }
    });
    if (moved > 0) {
      this.options.onFilingChange?.();
      this.options.onChange?.();
    }
    return { moved };
  }

  setTags(threadId: string, tags: readonly string[]): ThreadFiling {
    const row = this.db.prepare('SELECT project_id FROM threads WHERE id = ?').get(threadId) as
      { project_id: string | null } | undefined;
    if (!row) throw new AppFailure('not_found', 'That thread no longer exists.');
    // Tags match case-insensitively: "Work" and "work" are one tag, spelled as first written.
    const unique = new Map<string, string>();
    for (const raw of tags) {
      const tag = raw.trim().replace(/\s+/g, ' ');
      if (tag !== '' && !unique.has(tag.toLowerCase())) unique.set(tag.toLowerCase(), tag);
    }
    const spelled = this.db.prepare('SELECT tag FROM thread_tags WHERE lower(tag) = ? LIMIT 1');
    const next = [...unique.entries()].map(
      ([lower, tag]) => (spelled.get(lower) as { tag: string } | undefined)?.tag ?? tag,
    );
    this.transaction(() => {
      this.db.prepare('DELETE FROM thread_tags WHERE thread_id = ?').run(threadId);
      const insert = this.db.prepare('INSERT OR IGNORE INTO thread_tags (thread_id, tag) VALUES (?, ?)');
      for (const tag of next) insert.run(threadId, tag);
    });
    this.options.onFilingChange?.();
    this.options.onChange?.();
    return { threadId, projectId: row.project_id, tags: next.sort() };
  }

  private transaction(body: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      body();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}
