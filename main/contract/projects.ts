import { z } from 'zod';
import { channel } from './define';

/** A folder of threads in the threads pane; usage and budgets can be filtered and scoped by it. */
export const Project = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.number(),
});
export type Project = z.infer<typeof Project>;

/** A tag as stored: trimmed, inner spaces collapsed, at most 64 characters. */
export const Tag = z
  .string()
  .trim()
  .min(1, 'a tag cannot be empty')
  .max(64, 'a tag has at most 64 characters');

/** Where one thread is filed: its project (at most one) and its tags. */
export const ThreadFiling = z.object({
  threadId: z.string(),
  projectId: z.string().nullable(),
  tags: z.array(z.string()),
});
export type ThreadFiling = z.infer<typeof ThreadFiling>;

export const ProjectsState = z.object({
  projects: z.array(Project),
  /** Only threads with a project or a tag are listed. */
  filings: z.array(ThreadFiling),
});
export type ProjectsState = z.infer<typeof ProjectsState>;

export const projectChannels = {
  'projects:list': channel(z.object({}), ProjectsState),
  'projects:save': channel(
    z.object({
      id: z.string().optional(),
      name: z
        .string()
        .trim()
        .min(1, 'a project needs a name')
        .max(80, 'a project name has at most 80 characters'),
    }),
    Project,
  ),
  /** Its threads stay, outside any project. */
  'projects:delete': channel(
    z.object({ id: z.string() }),
    z.object({ deleted: z.boolean(), threads: z.number() }),
  ),
  /** Files threads into a project (null: out of any); an unknown project or thread is refused. */
  'projects:move': channel(
    z.object({ threadIds: z.array(z.string()).min(1).max(10_000), projectId: z.string().nullable() }),
    z.object({ moved: z.number() }),
  ),
  /** Replaces a thread's tags (duplicates dropped, at most 20). */
  'projects:setTags': channel(
    z.object({ threadId: z.string(), tags: z.array(Tag).max(20, 'a thread has at most 20 tags') }),
    ThreadFiling,
  ),
};

export const projectEvents = {
  /** Projects or a thread's filing changed (another window refreshes its pane). */
  'projects:changed': z.object({}),
};
