import { z } from 'zod';
import { Message, ThreadSettings, ToolCall } from '../contract';

export const EXPORT_FORMAT = 'llm-desk.thread';
export const EXPORT_VERSION = 1;

/** A thread as exported: every message of every branch, each exactly as stored. */
export const ThreadExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.number(),
  thread: z.object({
    id: z.string(),
    title: z.string().min(1).max(200),
    titleEdited: z.boolean(),
    pinned: z.boolean(),
    archived: z.boolean(),
    createdAt: z.number(),
    lastActivityAt: z.number(),
    activeLeafId: z.string().nullable(),
    settings: ThreadSettings,
  }),
  messages: z.array(Message),
  /** The attachments' bytes by SHA-256 (main/attachments/exportBlobs.ts); absent without files. */
  attachments: z.record(z.string(), z.object({ mime: z.string(), base64: z.string() })).optional(),
});
export type ThreadExport = z.infer<typeof ThreadExport>;

/** Only the header, so a file from a newer version gets a clear message instead of a list of issues. */
export const ExportHeader = z.object({ format: z.literal(EXPORT_FORMAT), version: z.number() });

const ContentPart = z.looseObject({ type: z.string(), text: z.string().optional() });

/** One message of an OpenAI chat completions request (what most tools export). */
export const OpenAIMessage = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(ContentPart), z.null()]).optional(),
  name: z.string().optional(),
  tool_calls: z.array(ToolCall).optional(),
  tool_call_id: z.string().optional(),
  reasoning_content: z.string().nullable().optional(),
  reasoning: z.string().nullable().optional(),
});
export type OpenAIMessage = z.infer<typeof OpenAIMessage>;

export const OpenAIMessageList = z.array(OpenAIMessage).min(1);

/** A chat completions request body: its `messages` are what gets imported. */
export const OpenAIRequestBody = z.looseObject({ messages: OpenAIMessageList });
