import type { HandlersOf } from '../ipc/handlers';
import type { ProjectsService } from './service';

export function projectHandlers(projects: ProjectsService): HandlersOf<'projects'> {
  return {
    'projects:list': () => projects.state(),
    'projects:save': (input) => projects.save(input),
    'projects:delete': ({ id }) => projects.delete(id),
    'projects:move': ({ threadIds, projectId }) => projects.move(threadIds, projectId),
    'projects:setTags': ({ threadId, tags }) => projects.setTags(threadId, tags),
  };
}
