import type { Migration } from '../database';

/**
 * An experiment may belong to a project (migration 010's projects): each thread its run creates is
 * filed in that project, so its spend counts in the project's budgets and usage filters. Plain
 * text, no foreign key, like threads.project_id: a deleted project reads as none.
 */
export const experimentProjects: Migration = {
  version: 13,
  name: '013-experiment-projects',
  up(db) {
    db.exec('ALTER TABLE experiments ADD COLUMN project_id TEXT');
  },
};
