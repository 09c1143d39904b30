import type { AppError, Project } from '../../../../main/contract';
import type { Result } from '../../../../main/contract/errors';
import { api } from '../../bridge/api';
import type { SliceCreator } from '../types';

export interface Filing {
  projectId: string | null;
  tags: string[];
}

export interface ProjectsSlice {
  projects: Project[];
  /** Thread id → its project and tags; threads not listed have neither. */
  filings: Record<string, Filing>;
  projectsError: AppError | null;
  /** The threads pane's filter: one project (or '' for "no project") and one tag, null for all. */
  threadFilter: { projectId: string | null; tag: string | null };
  ensureProjectsSync(): void;
  loadProjects(): Promise<void>;
  saveProject(name: string, id?: string): Promise<Result<Project>>;
  deleteProject(id: string): Promise<void>;
  moveThreads(threadIds: string[], projectId: string | null): Promise<void>;
  setThreadTags(threadId: string, tags: string[]): Promise<Result<unknown>>;
  setThreadFilter(patch: Partial<ProjectsSlice['threadFilter']>): void;
}

let syncing = false;

/** The drag type a thread row carries (its id), which the pane's project folders accept. */
export const THREAD_DRAG = 'application/x-llm-desk-thread';

/** Every tag in use, sorted case-insensitively. */
export function allTags(filings: Record<string, Filing>): string[] {
  const tags = new Set<string>();
  for (const filing of Object.values(filings)) for (const tag of filing.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}

/** Whether a thread passes the pane's project and tag filter. */
export function passesFilter(filing: Filing | undefined, filter: ProjectsSlice['threadFilter']): boolean {
  if (filter.projectId !== null && (filing?.projectId ?? '') !== filter.projectId) return false;
  if (filter.tag !== null && !(filing?.tags ?? []).includes(filter.tag)) return false;
  return true;
}

export const createProjectsSlice: SliceCreator<ProjectsSlice> = (set, get) => ({
  projects: [],
  filings: {},
  projectsError: null,
  threadFilter: { projectId: null, tag: null },

  ensureProjectsSync: () => {
    if (syncing) return;
    syncing = true;
    api.projects.onChanged(() => void get().loadProjects());
    void get().loadProjects();
  },

  loadProjects: async () => {
    const result = await api.projects.list({});
    if (!result.ok) {
      set({ projectsError: result.error });
      return;
    }
    const filings: Record<string, Filing> = {};
    for (const f of result.value.filings) filings[f.threadId] = { projectId: f.projectId, tags: f.tags };
    set({ projects: result.value.projects, filings, projectsError: null });
  },

  saveProject: async (name, id) => {
    const result = await api.projects.save(id === undefined ? { name } : { id, name });
    if (result.ok) await get().loadProjects();
    return result;
  },

  deleteProject: async (id) => {
    const result = await api.projects.delete({ id });
    if (!result.ok) get().toast('error', result.error.message);
    const { threadFilter } = get();
    if (threadFilter.projectId === id) set({ threadFilter: { ...threadFilter, projectId: null } });
    await get().loadProjects();
  },

  moveThreads: async (threadIds, projectId) => {
    const result = await api.projects.move({ threadIds, projectId });
    if (!result.ok) get().toast('error', result.error.message);
    else {
      const name = get().projects.find((p) => p.id === projectId)?.name;
      const what = threadIds.length === 1 ? 'Thread' : `${threadIds.length} threads`;
      get().toast(
        'info',
        projectId === null
          ? `${what} taken out of its project.`
          : `${what} moved to ${name ?? 'the project'}.`,
      );
    }
    await get().loadProjects();
  },

  setThreadTags: async (threadId, tags) => {
    const result = await api.projects.setTags({ threadId, tags });
    if (!result.ok) get().toast('error', result.error.message);
    await get().loadProjects();
    return result;
  },

  setThreadFilter: (patch) => set((s) => ({ threadFilter: { ...s.threadFilter, ...patch } })),
});
