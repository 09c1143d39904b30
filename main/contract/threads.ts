import { z } from 'zod';
import { channel } from './define';
import { ChatParams, Message } from './chat';

export const ToolMode = z.enum(['manual', 'canned']);

export const ThreadSettings = z.object({
  providerId: z.string().nullable(),
  model: z.string().nullable(),
  systemPrompt: z.string(),
  params: ChatParams,
  toolIds: z.array(z.string()),
  /** `canned`: answer tool calls with each tool's canned result, up to `maxToolRounds` rounds. */
  toolMode: ToolMode,
  maxToolRounds: z.number().int().min(1).max(20),
  /** Values of the `{{name}}` variables in the system prompt and the user's messages. */
  variables: z.record(z.string().max(64), z.string().max(200_000)).optional(),
});
export type ThreadSettings = z.infer<typeof ThreadSettings>;

export const ThreadSummary = z.object({
  id: z.string(),
  title: z.string(),
  titleEdited: z.boolean(),
  pinned: z.boolean(),
  archived: z.boolean(),
  providerId: z.string().nullable(),
  model: z.string().nullable(),
  messageCount: z.number(),
  lastActivityAt: z.number(),
  createdAt: z.number(),
  totals: z.object({ tokens: z.number(), credits: z.number().nullable(), cost: z.number().nullable() }),
});
export type ThreadSummary = z.infer<typeof ThreadSummary>;

export const Thread = ThreadSummary.extend({
  settings: ThreadSettings,
  /** The leaf of the active branch: the request always sends the path from the root to it. */
  activeLeafId: z.string().nullable(),
});
export type Thread = z.infer<typeof Thread>;

export { THREAD_WINDOW } from './threadWindow';

/**
 * How much of one message `threads:get` sends (issue 12): a 5 MB answer carried whole cost the
 * window ~170 ms of parsing on its UI thread before anything was drawn. Longer messages come with
 * their first MESSAGE_PREVIEW_CHARS characters (at least what the view shows before "Show all": the
 * renderer's first part, markdown/limit.ts PART; and the size under which the view shows a message
 * whole, limit.ts WHOLE, so a message it shows whole always arrives whole) and `contentLength`;
 * the rest is paged.
 */
export const MESSAGE_PREVIEW_CHARS = 64_000;
/** The largest page `messages:content` answers with: parsing it stays well within a frame. */
export const MESSAGE_PAGE_CHARS = 1_048_576;

/**
 * A message as a thread opens with it. `contentLength` is set only when `content` holds just the
 * beginning of a longer text (a huge message, see MESSAGE_PREVIEW_CHARS): the whole text's
 * length; `messages:content` pages the rest.
 */
export const OpenedMessage = Message.extend({ contentLength: z.number().int().min(0).optional() });
export type OpenedMessage = z.infer<typeof OpenedMessage>;

/**
 * A thread and a stretch of its active branch: the messages on it (newest last) with their
 * siblings, which the branch switchers count. `earlier`: the branch goes on above the first.
 */
export const ThreadDetail = z.object({
  thread: Thread,
  messages: z.array(OpenedMessage),
  earlier: z.boolean(),
});
export type ThreadDetail = z.infer<typeof ThreadDetail>;

export const SearchHit = z.object({
  threadId: z.string(),
  threadTitle: z.string(),
  messageId: z.string(),
  role: z.string(),
  /** Snippet with matches wrapped in \u0001 … \u0002 markers (the renderer highlights them). */
  snippet: z.string(),
  createdAt: z.number(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const ParamPreset = z.object({
  id: z.string(),
  name: z.string(),
  params: ChatParams,
  createdAt: z.number(),
});
export type ParamPreset = z.infer<typeof ParamPreset>;

const Id = z.object({ id: z.string().min(1) });

export const threadChannels = {
  'threads:list': channel(
    z.object({
      archived: z.boolean().default(false),
      /** Only the list's first rows (the window asks for what its first screen shows, then for all). */
      limit: z.number().int().min(1).max(100_000).optional(),
    }),
    z.array(ThreadSummary),
  ),
  'threads:create': channel(z.object({ settings: ThreadSettings.partial().optional() }), Thread),
  /**
   * Opens a thread with the newest `limit` messages of its active branch (a few hundred by
   * default); `before` pages further back; `through` reaches up to include that message.
   */
  'threads:get': channel(
    Id.extend({
      limit: z.number().int().min(1).max(1_000_000).optional(),
      before: z.string().min(1).optional(),
      through: z.string().min(1).optional(),
    }),
    ThreadDetail,
  ),
  /**
   * The thread the window opens at start, as `threads:get` gives it: the first of the list's order
   * (pinned, then newest activity), neither archived nor deleted, passing over `skip` (threads
   * whose rendering failed). Asked beside `threads:list`, so opening it does not wait for the list.
   */
  'threads:opening': channel(
    z.object({ skip: z.array(z.string().min(1)).max(50).default([]) }),
    ThreadDetail.nullable(),
  ),
  'threads:update': channel(
    Id.extend({
      title: z.string().trim().min(1).max(200).optional(),
      pinned: z.boolean().optional(),
      archived: z.boolean().optional(),
      settings: ThreadSettings.partial().optional(),
    }),
    Thread,
  ),
  /** Soft delete: `threads:restore` undoes it until the next start. */
  'threads:delete': channel(Id, z.object({ deleted: z.boolean() })),
  'threads:restore': channel(Id, Thread),
  'threads:selectBranch': channel(z.object({ threadId: z.string(), messageId: z.string() }), Thread),
  'threads:search': channel(
    z.object({
      query: z.string(),
      mode: z.enum(['newest', 'relevance']).default('newest'),
      limit: z.number().int().min(1).max(200).default(20),
      /** Only messages of threads in this project / with this tag. */
      projectId: z.string().min(1).optional(),
      tag: z.string().min(1).max(64).optional(),
    }),
    z.array(SearchHit),
  ),
  'threads:export': channel(
    Id.extend({ format: z.enum(['json', 'markdown']) }),
    z.object({ filename: z.string(), text: z.string() }),
  ),
  'threads:import': channel(z.object({ text: z.string().min(1) }), Thread),
  'messages:edit': channel(z.object({ id: z.string(), content: z.string() }), Message),
  'messages:delete': channel(Id, z.object({ deleted: z.number() })),
  /** Characters `offset`… of a message's text (UTF-16 units, as JS counts), and its whole length. */
  'messages:content': channel(
    z.object({
      id: z.string().min(1),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(MESSAGE_PAGE_CHARS).default(MESSAGE_PAGE_CHARS),
    }),
    z.object({ text: z.string(), total: z.number() }),
  ),
  'messages:rawEvents': channel(
    z.object({
      id: z.string(),
      query: z.string().default(''),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    z.object({
      total: z.number(),
      events: z.array(z.object({ seq: z.number(), at: z.number(), data: z.string() })),
    }),
  ),
  'presets:list': channel(z.object({}), z.array(ParamPreset)),
  'presets:save': channel(z.object({ name: z.string().trim().min(1), params: ChatParams }), ParamPreset),
  'presets:delete': channel(Id, z.object({ deleted: z.boolean() })),
};

export const threadEvents = {
  'threads:changed': z.object({ threadId: z.string().nullable() }),
};
