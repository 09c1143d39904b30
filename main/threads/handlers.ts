import type { AttachmentBlobs } from '../attachments/exportBlobs';
import type { Message } from '../contract';
import { MESSAGE_PREVIEW_CHARS } from '../contract';
import type { EventSink, HandlersOf } from '../ipc/handlers';
import { exportThread, importThread } from './importExport';
import { clipDetail, contentPager } from './messageContent';
import type { ThreadsRepo } from './repo';
import type { SearchService } from './search';

export interface ThreadHandlerDeps {
  repo: ThreadsRepo;
  search: SearchService;
  sink: EventSink;
  now?: () => number;
  /** Attachment bytes, so a JSON export carries them and an import restores them. */
  blobs?: AttachmentBlobs;
  /** A message as the window gets it (a large request body with its files elided, issue 15). */
  forWindow?: (message: Message) => Message;
}

/**
 * The threads, messages and presets channels. Every committed change to a thread, whoever made
 * it (these handlers or the chat engine), is broadcast as `threads:changed`.
 */
export function threadHandlers(
  deps: ThreadHandlerDeps,
): HandlersOf<'threads'> & HandlersOf<'messages'> & HandlersOf<'presets'> {
  const { repo, search, sink } = deps;
  const now = deps.now ?? Date.now;
  repo.subscribe((threadId) => sink.broadcast('threads:changed', { threadId }));
  const contentPage = contentPager(repo);

  return {
    'threads:list': ({ archived, limit }) => repo.list(archived, limit),
    'threads:create': ({ settings }) => repo.createThread(settings),
    'threads:get': ({ id, ...window }) =>
      clipDetail(repo.detail(id, window, MESSAGE_PREVIEW_CHARS), deps.forWindow),
    'threads:opening': ({ skip }) => {
      const id = repo.openingId(skip);
      return id === null ? null : clipDetail(repo.detail(id, {}, MESSAGE_PREVIEW_CHARS), deps.forWindow);
    },
    'threads:update': ({ id, ...patch }) => repo.updateThread(id, patch),
    'threads:delete': ({ id }) => ({ deleted: repo.deleteThread(id) }),
    'threads:restore': ({ id }) => repo.restoreThread(id),
    'threads:selectBranch': ({ threadId, messageId }) => repo.selectBranch(threadId, messageId),
    'threads:search': ({ query, mode, limit, projectId, tag }) =>
      search.search(query, mode, limit, { projectId, tag }),
    'threads:export': ({ id, format }) => exportThread(repo, id, format, now(), deps.blobs),
    'threads:import': ({ text }) => importThread(repo, text, now(), deps.blobs),
    'messages:edit': ({ id, content }) => repo.editMessage(id, content),
    'messages:delete': ({ id }) => ({ deleted: repo.deleteMessage(id) }),
    'messages:content': ({ id, offset, limit }) => contentPage(id, offset, limit),
    'messages:rawEvents': ({ id, query, offset, limit }) => repo.rawEvents(id, { query, offset, limit }),
    'presets:list': () => repo.presets.list(),
    'presets:save': ({ name, params }) => repo.presets.save(name, params),
    'presets:delete': ({ id }) => ({ deleted: repo.presets.delete(id) }),
  };
}
