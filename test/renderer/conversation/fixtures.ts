import {
  MESSAGE_DEFAULTS,
  type Message,
  type StreamEvent,
  type Thread,
  type ThreadDetail,
  type ThreadSummary,
} from '../../../main/contract';

let clock = 1_000;

export function message(partial: Partial<Message> & Pick<Message, 'id'>): Message {
  clock += 1;
  return {
    threadId: 't1',
    parentId: null,
    role: 'user',
    ...MESSAGE_DEFAULTS,
    createdAt: clock,
    updatedAt: clock,
    ...partial,
  };
}

export function thread(partial: Partial<Thread> = {}): Thread {
  return {
    id: 't1',
    title: 'A thread',
    titleEdited: false,
    pinned: false,
    archived: false,
    providerId: 'p1',
    model: 'm1',
    messageCount: 0,
    lastActivityAt: 1,
    createdAt: 1,
    totals: { tokens: 0, credits: null, cost: null },
    settings: {
      providerId: 'p1',
      model: 'm1',
      systemPrompt: '',
      params: {},
      toolIds: [],
      toolMode: 'manual',
      maxToolRounds: 5,
    },
    activeLeafId: null,
    ...partial,
  };
}

export function detail(
  messages: Message[],
  activeLeafId: string | null = messages.at(-1)?.id ?? null,
): ThreadDetail {
  return { thread: thread({ activeLeafId, messageCount: messages.length }), messages, earlier: false };
}

/** A row of the threads list: a thread without its settings and branch (`id`, title `id`, idle). */
export function threadSummary(partial: Partial<ThreadSummary> & Pick<ThreadSummary, 'id'>): ThreadSummary {
  const {
    settings: _settings,
    activeLeafId: _leaf,
    ...whole
  } = thread({
    title: partial.id,
    providerId: null,
    model: null,
    lastActivityAt: 0,
    createdAt: 0,
  });
  return { ...whole, ...partial };
}

/** One frame's worth of streamed text for answer `messageId` of thread t1, as main pushes it. */
export function delta(text: string, messageId = 'a'): StreamEvent {
  return { type: 'delta', threadId: 't1', streamId: 's1', choices: [{ index: 0, messageId, content: text }] };
}
