import { z } from 'zod';
import { channel } from './define';
import { AttachmentChoice, AttachmentRef, ATTACHMENTS_PER_MESSAGE } from './attachments';
import { ErrorCode } from './errors';

export * from './chatParams';

export const ToolCall = z.object({
  id: z.string(),
  type: z.literal('function'),
  function: z.object({ name: z.string(), arguments: z.string() }),
});
export type ToolCall = z.infer<typeof ToolCall>;

export const TopLogprob = z.object({
  token: z.string(),
  logprob: z.number(),
  bytes: z.array(z.number()).nullable(),
});
export const TokenLogprob = TopLogprob.extend({ top_logprobs: z.array(TopLogprob) });
export type TokenLogprob = z.infer<typeof TokenLogprob>;

export const Usage = z.object({
  promptTokens: z.number(),
  completionTokens: z.number(),
  reasoningTokens: z.number().nullable(),
  totalTokens: z.number(),
  /** True when the provider reported the numbers; false when we estimated them. */
  reported: z.boolean(),
  creditsConsumed: z.number().nullable(),
  creditsRemaining: z.number().nullable(),
  cost: z.number().nullable(),
  /** Prompt tokens the provider served from its cache, when it said. */
  cachedTokens: z.number().nullable().optional(),
  /** Where `cost` came from: the provider's own figure or the user's price table. */
  costSource: z.enum(['provider', 'table', 'catalogue']).nullable().optional(),
  /** How many answers (choices) share this request's figures; absent or 1 for one answer. */
  choices: z.number().optional(),
  /** This choice's own completion tokens, when the provider reported them per choice. */
  choiceCompletionTokens: z.number().nullable().optional(),
  /** A sibling choice's message carries the same request: not counted again in thread totals. */
  sharedCopy: z.boolean().optional(),
});
export type Usage = z.infer<typeof Usage>;

export const Timings = z.object({
  requestSentAt: z.number().nullable(),
  firstByteAt: z.number().nullable(),
  firstTokenAt: z.number().nullable(),
  endedAt: z.number().nullable(),
});
export type Timings = z.infer<typeof Timings>;

/** Everything the inspector shows about one exchange. Never contains a secret. */
export const ResponseMeta = z.object({
  requestId: z.string().nullable(),
  url: z.string(),
  /** The exact request body bytes, as sent. */
  requestBody: z.string(),
  /** Request headers with the credential replaced by `$API_KEY`. */
  requestHeaders: z.record(z.string(), z.string()),
  status: z.number().nullable(),
  responseHeaders: z.record(z.string(), z.string()),
  responseSha256: z.string().nullable(),
  completionId: z.string().nullable(),
  model: z.string().nullable(),
  systemFingerprint: z.string().nullable(),
  serviceTier: z.string().nullable(),
  timings: Timings,
  droppedFields: z.array(z.string()),
  attempts: z.number(),
  /** Choices asked for (`n`) and received, when the provider sent fewer. */
  choicesRequested: z.number().optional(),
  choicesReceived: z.number().optional(),
  /**
   * Set only on what main sends the window (issue 15): `requestBody` there has each attachment's
   * base64 replaced by its size and SHA-256, so a 5 MB photo does not cross on every read.
   * `bytes` is the exact body's size; `attachments:requestBody` gives the exact body.
   */
  requestBodyElided: z
    .object({
      bytes: z.number(),
      files: z.array(z.object({ mime: z.string(), bytes: z.number(), sha256: z.string() })),
    })
    .optional(),
});
export type ResponseMeta = z.infer<typeof ResponseMeta>;

export const MessageRole = z.enum(['system', 'user', 'assistant', 'tool']);
export type MessageRole = z.infer<typeof MessageRole>;

export const MessageStatus = z.enum(['complete', 'streaming', 'interrupted', 'error']);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const Message = z.object({
  id: z.string(),
  threadId: z.string(),
  parentId: z.string().nullable(),
  role: MessageRole,
  content: z.string(),
  reasoning: z.string().nullable(),
  toolCalls: z.array(ToolCall).nullable(),
  toolCallId: z.string().nullable(),
  name: z.string().nullable(),
  choiceIndex: z.number(),
  logprobs: z.array(TokenLogprob).nullable(),
  status: MessageStatus,
  finishReason: z.string().nullable(),
  errorCode: ErrorCode.nullable(),
  errorMessage: z.string().nullable(),
  providerId: z.string().nullable(),
  model: z.string().nullable(),
  usage: Usage.nullable(),
  usageId: z.string().nullable(),
  meta: ResponseMeta.nullable(),
  /** Files sent with a user message (absent: none). */
  attachments: z.array(AttachmentRef).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Message = z.infer<typeof Message>;

/** What a message holds before anything is known about it: stores and test fixtures start here. */
export const MESSAGE_DEFAULTS: Omit<
  Message,
  'id' | 'threadId' | 'parentId' | 'role' | 'createdAt' | 'updatedAt'
> = {
  content: '',
  reasoning: null,
  toolCalls: null,
  toolCallId: null,
  name: null,
  choiceIndex: 0,
  logprobs: null,
  status: 'complete',
  finishReason: null,
  errorCode: null,
  errorMessage: null,
  providerId: null,
  model: null,
  usage: null,
  usageId: null,
  meta: null,
};

/** A change to one choice of a running stream: text is appended, tool calls replace. */
export const ChoiceDelta = z.object({
  index: z.number(),
  messageId: z.string(),
  content: z.string().optional(),
  reasoning: z.string().optional(),
  toolCalls: z.array(ToolCall).optional(),
  logprobs: z.array(TokenLogprob).optional(),
  finishReason: z.string().nullable().optional(),
});
export type ChoiceDelta = z.infer<typeof ChoiceDelta>;

export const StreamEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('started'),
    streamId: z.string(),
    threadId: z.string(),
    messages: z.array(Message),
    droppedFields: z.array(z.string()),
  }),
  z.object({
    type: z.literal('delta'),
    streamId: z.string(),
    threadId: z.string(),
    choices: z.array(ChoiceDelta),
  }),
  z.object({
    type: z.literal('retrying'),
    streamId: z.string(),
    threadId: z.string(),
    attempt: z.number(),
    delayMs: z.number(),
    reason: z.string(),
  }),
  z.object({
    type: z.literal('ended'),
    streamId: z.string(),
    threadId: z.string(),
    messages: z.array(Message),
  }),
]);
export type StreamEvent = z.infer<typeof StreamEvent>;

export const SendResult = z.object({
  streamId: z.string(),
  userMessage: Message.nullable(),
  messages: z.array(Message),
});
export type SendResult = z.infer<typeof SendResult>;

/** The longest message the app sends (characters); a longer one is refused with this number. */
export const MESSAGE_MAX_CHARS = 4_000_000;
const MessageText = z
  .string()
  .max(
    MESSAGE_MAX_CHARS,
    `a message can be at most ${MESSAGE_MAX_CHARS.toLocaleString('en-US')} characters; split it`,
  );

export const chatChannels = {
  /** Append a user message under `parentId` (null: the active leaf) and stream the answer. */
  'chat:send': channel(
    z.object({
      threadId: z.string(),
      content: MessageText,
      parentId: z.string().nullable().optional(),
      attachments: z.array(AttachmentChoice).max(ATTACHMENTS_PER_MESSAGE).optional(),
    }),
    SendResult,
  ),
  /** Answer tool calls of an assistant message, then continue the conversation. */
  'chat:answerTools': channel(
    z.object({
      threadId: z.string(),
      assistantMessageId: z.string(),
      results: z.array(z.object({ toolCallId: z.string(), name: z.string(), content: MessageText })).min(1),
      continue: z.boolean().default(true),
    }),
    SendResult,
  ),
  /** A sibling answer to the same parent. */
  'chat:regenerate': channel(z.object({ threadId: z.string(), messageId: z.string() }), SendResult),
  /** Continue an interrupted answer from where it stopped. */
  'chat:continue': channel(z.object({ threadId: z.string(), messageId: z.string() }), SendResult),
  /** Re-run the request behind `messageId` with parameter overrides, for side-by-side comparison. */
  'chat:compare': channel(
    z.object({
      threadId: z.string(),
      messageId: z.string(),
      model: z.string().optional(),
      providerId: z.string().optional(),
      params: z.record(z.string(), z.unknown()).default({}),
    }),
    SendResult,
  ),
  'chat:stop': channel(z.object({ streamId: z.string() }), z.object({ stopped: z.boolean() })),
  'chat:active': channel(z.object({}), z.array(z.object({ streamId: z.string(), threadId: z.string() }))),
};

export const chatEvents = {
  'chat:stream': StreamEvent,
};
