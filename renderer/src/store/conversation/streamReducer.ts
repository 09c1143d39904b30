import type { ChoiceDelta, Message, SendResult, StreamEvent, ThreadDetail } from '../../../../main/contract';
import { appendMessage, copyForUpdate, findMessage, positionOf } from './messageIndex';
import type { ThreadView } from './branches';
import { buildThreadView } from './branches';

export interface RetryNotice {
  attempt: number;
  delayMs: number;
  reason: string;
  /** When the notice arrived (ms), so the countdown can be shown. */
  at: number;
}

export interface StreamInfo {
  threadId: string;
  messageIds: string[];
  retry: RetryNotice | null;
  droppedFields: string[];
}

export interface ConversationData {
  details: Record<string, ThreadDetail | undefined>;
  views: Record<string, ThreadView | undefined>;
  streams: Record<string, StreamInfo>;
  /** Fields main did not send per answer message, from `started` events. */
  dropped: Record<string, string[]>;
  /** Recently ended stream ids: a late `chat:send` reply must not bring a stream back. */
  ended: string[];
}

const ENDED_KEPT = 64;

/** Per thread: a private copy of its messages to mutate during one batch, made on first write. */
class ThreadWork {
  messages: Message[] | null = null;
  activeLeafId: string | null | undefined = undefined;
  structural = false;
  constructor(readonly detail: ThreadDetail) {}

  private writable(): Message[] {
    this.messages ??= copyForUpdate(this.detail.messages);
    return this.messages;
  }

  current(): readonly Message[] {
    return this.messages ?? this.detail.messages;
  }

  /** Adds messages that are new; `replace` also overwrites ones already there. */
  upsert(list: readonly Message[], replace: boolean): void {
    for (const message of list) {
      const at = positionOf(this.current(), message.id);
      if (at < 0) {
        appendMessage(this.writable(), message);
        this.structural = true;
      } else if (replace) {
        this.writable()[at] = message;
      }
    }
  }

  applyDelta(choice: ChoiceDelta): void {
    const at = positionOf(this.current(), choice.messageId);
    if (at < 0) return;
    const messages = this.writable();
    const old = messages[at] as Message;
    messages[at] = {
      ...old,
      content: choice.content ? old.content + choice.content : old.content,
      reasoning: choice.reasoning ? (old.reasoning ?? '') + choice.reasoning : old.reasoning,
      toolCalls: choice.toolCalls ?? old.toolCalls,
      logprobs:
        choice.logprobs && choice.logprobs.length > 0
          ? [...(old.logprobs ?? []), ...choice.logprobs]
          : old.logprobs,
      finishReason: choice.finishReason === undefined ? old.finishReason : choice.finishReason,
    };
  }

  leaf(): string | null {
    return this.activeLeafId === undefined ? this.detail.thread.activeLeafId : this.activeLeafId;
  }

  setLeaf(id: string): void {
    if (this.leaf() === id) return;
    this.activeLeafId = id;
    this.structural = true;
  }

  finish(): ThreadDetail {
    if (this.messages === null && this.activeLeafId === undefined) return this.detail;
    return {
      thread:
        this.activeLeafId === undefined
          ? this.detail.thread
          : { ...this.detail.thread, activeLeafId: this.activeLeafId },
      messages: this.messages ?? this.detail.messages,
      earlier: this.detail.earlier,
    };
  }
}

/** The message a new exchange continues from: the first choice of the answer. */
function leafOf(messages: readonly Message[]): string | undefined {
  return (messages.find((m) => m.choiceIndex === 0) ?? messages[0])?.id;
}

/**
 * Applies a batch of stream events (everything that arrived during one animation frame) in one
 * pass: each touched thread copies its message array once, and the branch view is rebuilt only
 * when messages were added or the active branch moved, not for text deltas.
 */
export function applyStreamEvents(
  data: ConversationData,
  events: readonly StreamEvent[],
  now: number,
): ConversationData {
  const work = new Map<string, ThreadWork>();
  const threadWork = (threadId: string): ThreadWork | undefined => {
    let w = work.get(threadId);
    if (!w) {
      const detail = data.details[threadId];
      if (!detail) return undefined;
      w = new ThreadWork(detail);
      work.set(threadId, w);
    }
    return w;
  };
  let streams = data.streams;
  let dropped = data.dropped;
  let ended = data.ended;
  const setStream = (id: string, info: StreamInfo | null) => {
    if (streams === data.streams) streams = { ...data.streams };
    if (info) streams[id] = info;
    else delete streams[id];
  };

  for (const event of events) {
    const w = threadWork(event.threadId);
    switch (event.type) {
      case 'started': {
        setStream(event.streamId, {
          threadId: event.threadId,
          messageIds: event.messages.map((m) => m.id),
          retry: null,
          droppedFields: event.droppedFields,
        });
        if (event.droppedFields.length > 0) {
          dropped = { ...dropped };
          for (const m of event.messages) dropped[m.id] = event.droppedFields;
        }
        if (!w) break;
        const leafBefore = w.leaf();
        // Replace: a continued answer comes back as the same message, now streaming again.
        w.upsert(event.messages, true);
        // An answer that continues the active branch (a tool round, say) becomes its end; side runs
        // such as comparisons stay off it. Our own sends move the leaf through applySendResult.
        const first = event.messages.find((m) => m.choiceIndex === 0) ?? event.messages[0];
        if (first && first.parentId === leafBefore) w.setLeaf(first.id);
        break;
      }
      case 'delta': {
        for (const choice of event.choices) w?.applyDelta(choice);
        const info = streams[event.streamId];
        if (info?.retry) setStream(event.streamId, { ...info, retry: null });
        break;
      }
      case 'retrying': {
        const info = streams[event.streamId] ?? {
          threadId: event.threadId,
          messageIds: [],
          retry: null,
          droppedFields: [],
        };
        setStream(event.streamId, {
          ...info,
          retry: { attempt: event.attempt, delayMs: event.delayMs, reason: event.reason, at: now },
        });
        break;
      }
      case 'ended': {
        setStream(event.streamId, null);
        ended = [...ended.slice(-(ENDED_KEPT - 1)), event.streamId];
        w?.upsert(event.messages, true);
        break;
      }
    }
  }
  return finishBatch(data, work, { streams, dropped, ended });
}

function finishBatch(
  data: ConversationData,
  work: Map<string, ThreadWork>,
  rest: Pick<ConversationData, 'streams' | 'dropped' | 'ended'>,
): ConversationData {
  if (
    work.size === 0 &&
    rest.streams === data.streams &&
    rest.dropped === data.dropped &&
    rest.ended === data.ended
  )
    return data;
  let details = data.details;
  let views = data.views;
  for (const [threadId, w] of work) {
    const next = w.finish();
    if (next === w.detail) continue;
    if (details === data.details) details = { ...data.details };
    details[threadId] = next;
    if (w.structural) {
      if (views === data.views) views = { ...data.views };
      views[threadId] = buildThreadView(next);
    }
  }
  return { details, views, ...rest };
}

/**
 * Folds the reply of `chat:send` (and regenerate/continue/answerTools) into the data. Stream
 * events may already have arrived, so it only adds what is missing and never revives a stream
 * that has ended.
 */
export function applySendResult(
  data: ConversationData,
  threadId: string,
  result: SendResult,
): ConversationData {
  const detail = data.details[threadId];
  const existing = data.streams[result.streamId];
  const ids = result.messages.map((m) => m.id);
  let streams = data.streams;
  if (
    !data.ended.includes(result.streamId) &&
    (!existing || ids.some((id) => !existing.messageIds.includes(id)))
  ) {
    // A retry notice can come before the answer's messages are known; fill them in here.
    const info = existing ?? { threadId, messageIds: [], retry: null, droppedFields: [] };
    streams = {
      ...data.streams,
      [result.streamId]: { ...info, messageIds: [...new Set([...info.messageIds, ...ids])] },
    };
  }
  if (!detail) return streams === data.streams ? data : { ...data, streams };
  const w = new ThreadWork(detail);
  w.upsert(result.userMessage ? [result.userMessage, ...result.messages] : result.messages, false);
  const leaf = leafOf(result.messages) ?? result.userMessage?.id;
  if (leaf && !data.ended.includes(result.streamId)) w.setLeaf(leaf);
  const next = finishBatch(data, new Map([[threadId, w]]), {
    streams,
    dropped: data.dropped,
    ended: data.ended,
  });
  return next;
}

type Ended = Extract<StreamEvent, { type: 'ended' }>;

/**
 * The words an `ended` event brings that the answer does not show yet (main sends what was still
 * pending with the end), as a delta: shown in one frame, before the end itself (the answer's
 * toolbar and usage line, the list's dot, Send in place of Stop) in the next, the last words are
 * not held back behind that work. `before`: the events of the batch ahead of the end. Null when
 * the end brings no new words, or words that do not continue what is shown.
 */
export function lastWords(
  data: ConversationData,
  before: readonly StreamEvent[],
  ended: Ended,
): StreamEvent | null {
  const messages = data.details[ended.threadId]?.messages;
  if (!messages) return null;
  const choices: ChoiceDelta[] = [];
  for (const final of ended.messages) {
    const shown = findMessage(messages, final.id);
    if (!shown || shown.status !== 'streaming') continue;
    let content = shown.content;
    for (const event of before)
      if (event.type === 'delta')
        for (const choice of event.choices)
          if (choice.messageId === final.id) content += choice.content ?? '';
    if (final.content.length > content.length && final.content.startsWith(content))
      choices.push({
        index: final.choiceIndex,
        messageId: final.id,
        content: final.content.slice(content.length),
      });
  }
  return choices.length === 0
    ? null
    : { type: 'delta', streamId: ended.streamId, threadId: ended.threadId, choices };
}

/** The stream currently writing into a thread, if any. */
export function streamOfThread(streams: Record<string, StreamInfo>, threadId: string): string | null {
  for (const [id, info] of Object.entries(streams)) if (info.threadId === threadId) return id;
  return null;
}

/**
 * A freshly fetched thread merged over what is shown: unchanged messages keep their identity
 * (so their rows do not re-render) and messages still streaming keep the live text, which is
 * ahead of what main has saved so far.
 */
export function mergeDetail(
  prev: ThreadDetail | undefined,
  next: ThreadDetail,
  streamingIds: ReadonlySet<string>,
): ThreadDetail {
  if (!prev) return next;
  let same = prev.messages.length === next.messages.length;
  const messages = next.messages.map((incoming, i) => {
    const at = positionOf(prev.messages, incoming.id);
    const old = at < 0 ? undefined : prev.messages[at];
    let chosen = incoming;
    if (
      old &&
      (streamingIds.has(old.id) ||
        (old.updatedAt === incoming.updatedAt &&
          old.status === incoming.status &&
          old.content === incoming.content))
    ) {
      chosen = old;
    }
    if (prev.messages[i] !== chosen) same = false;
    return chosen;
  });
  return {
    thread: keepSettings(prev.thread, next.thread),
    messages: same ? prev.messages : messages,
    earlier: next.earlier,
  };
}

/**
 * Every message saved changes the thread's count, totals and last activity, so a reload brings a
 * new thread object even when its settings are the same. The settings keep their identity then:
 * the parameter panel and the tool editors read them by reference, and re-rendering every field
 * of the panel while an answer starts streaming cost a frame of about 100 ms.
 */
function keepSettings(prev: ThreadDetail['thread'], next: ThreadDetail['thread']): ThreadDetail['thread'] {
  if (prev.settings === next.settings || JSON.stringify(prev.settings) !== JSON.stringify(next.settings))
    return next;
  return { ...next, settings: prev.settings };
}
