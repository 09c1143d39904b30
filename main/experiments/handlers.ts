import type { HandlersOf } from '../ipc/handlers';
import type { ExperimentsRepo } from './repo';
import type { ExperimentsService } from './service';

/** The experiments screen's channels: thin calls into the service and the repo. */
export function experimentHandlers(deps: {
  repo: ExperimentsRepo;
  service: ExperimentsService;
}): HandlersOf<'experiments'> {
  const { repo, service } = deps;
  return {
    'experiments:list': () => repo.list(),
    'experiments:get': ({ id }) => repo.get(id),
    'experiments:create': ({ name }) => service.create(name),
    'experiments:save': ({ id, ...patch }) => repo.save(id, patch),
    'experiments:delete': ({ id }) => ({ deleted: repo.delete(id) }),
    'experiments:parseCases': ({ text, format }) => service.parseCases(text, format),
    'experiments:casesFromThreads': ({ threadIds }) => service.casesFromThreads(threadIds),
    'experiments:estimate': ({ id }) => service.estimate(id),
    'experiments:start': ({ id }) => service.start(id),
    'experiments:stop': ({ runId }) => service.stop(runId),
    'experiments:resume': ({ runId }) => service.resume(runId),
    'experiments:runs': ({ id }) => repo.runs(id),
    'experiments:run': ({ runId }) => repo.run(runId),
    'experiments:openCell': ({ runId, cellId }) => service.openCell(runId, cellId),
    'experiments:export': ({ id, format, runId }) => service.export(id, format, runId),
    'experiments:import': ({ text }) => service.import(text),
  };
}
