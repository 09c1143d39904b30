import { randomUUID } from 'node:crypto';
import type { AttachmentChoice, Message, SendResult, Thread } from '../contract';
import { AppFailure } from '../contract';
import type { Overrides, RunPlan, SignedHeaders } from './request/plan';
import { planRun, signedHeaders } from './request/plan';
import type { ChatDeps } from './ports';
import { StreamRun, sentMeta } from './run';
import type { ToolResult } from './tree';
import {
  CONTINUE_PROMPT,
  cannedResults,
  checkToolResults,
  createAnswers,
  draft,
  findMessage,
  insertToolResults,
  toolDrafts,
} from './tree';

interface Launch {
  plan: RunPlan;
  signed: SignedHeaders;
  messages: Message[];
  senderId: number;
  continues: boolean;
  round: number;
  userMessage: Message | null;
  /** False for side runs (comparisons): the conversation stays on the branch it was on. */
  moves?: boolean;
}

/** Streams answers into threads and pushes them to the window that asked. */
export class ChatService {
  private readonly runs = new Map<string, StreamRun>();
  private readonly settled = new Map<string, Promise<void>>();

  constructor(private readonly deps: ChatDeps) {}

  /** The request Send would build for `path` (the attachments preflight measures it). */
  plan(thread: Thread, path: readonly Message[]): Promise<RunPlan> {
    return planRun(this.deps, { thread, path });
  }

  /** Appends the user's turn under `parentId` (default: the active leaf) and streams the answer. */
  async send(
    input: { threadId: string; content: string; parentId?: string | null; attachments?: AttachmentChoice[] },
    senderId: number,
  ): Promise<SendResult> {
    const { threads, attachments } = this.deps;
    const thread = threads.getThread(input.threadId);
    const parentId = input.parentId ?? thread.activeLeafId;
    const path = parentId ? threads.activePath(thread.id, parentId) : [];
    const choices = attachments && input.attachments?.length ? input.attachments : [];
    const files = choices.length > 0 && attachments ? { attachments: attachments.refsFor(choices) } : {};
    const sent = [...path, draft(thread.id, parentId, 'user', input.content, files)];
    const plan = await planRun(this.deps, { thread, path: sent });
    if (choices.length > 0) await attachments?.check(plan, sent);
    const signed = await signedHeaders(this.deps, plan);
    if (choices.length > 0) attachments?.commit(choices);
    const user = threads.insertMessage({
      threadId: thread.id,
      parentId,
      role: 'user',
      content: input.content,
      ...files,
    });
    const messages = createAnswers(threads, plan, user.id);
    return this.launch({ plan, signed, messages, senderId, continues: false, round: 0, userMessage: user });
  }

  /** A new answer beside `messageId` (an assistant message) or under it (a user or tool message). */
  async regenerate(input: { threadId: string; messageId: string }, senderId: number): Promise<SendResult> {
    return this.sibling(input.threadId, input.messageId, {}, senderId);
  }

  /** The same request with another model, provider or parameters, as a sibling answer. */
  async compare(
    input: {
      threadId: string;
      messageId: string;
      model?: string;
      providerId?: string;
      params: Record<string, unknown>;
    },
    senderId: number,
  ): Promise<SendResult> {
    return this.sibling(
      input.threadId,
      input.messageId,
      { model: input.model, providerId: input.providerId, params: input.params },
      senderId,
      false,
    );
  }

  /** Continues a cut-off answer in the same message (see CONTINUE_PROMPT for why a user turn). */
  async continue(input: { threadId: string; messageId: string }, senderId: number): Promise<SendResult> {
    const { threads } = this.deps;
    const thread = threads.getThread(input.threadId);
    const message = findMessage(threads, thread.id, input.messageId);
    if (message.role !== 'assistant')
      throw new AppFailure('invalid_request', 'Only an answer can be continued.');
    if (message.status === 'streaming')
      throw new AppFailure('invalid_request', 'That answer is still streaming.');
    const before = message.parentId ? threads.activePath(thread.id, message.parentId) : [];
    const partial = message.content !== '' || (message.toolCalls?.length ?? 0) > 0;
    const plan = await planRun(this.deps, {
      thread,
      path: partial ? [...before, message] : before,
      trailing: partial ? [{ role: 'user', content: CONTINUE_PROMPT }] : [],
      overrides: {
        model: message.model ?? undefined,
        providerId: message.providerId ?? undefined,
        params: { n: undefined },
      },
    });
    const signed = await signedHeaders(this.deps, plan);
    const resumed = threads.updateMessage(message.id, {
      status: 'streaming',
      errorCode: null,
      errorMessage: null,
      toolCalls: null,
    });
    threads.setActiveLeaf(thread.id, resumed.id);
    return this.launch({
      plan,
      signed,
      messages: [resumed],
      senderId,
      continues: true,
      round: 0,
      userMessage: null,
    });
  }

  /** Stores tool results under the assistant's call, then (by default) asks the model to go on. */
  async answerTools(
    input: { threadId: string; assistantMessageId: string; results: ToolResult[]; continue: boolean },
    senderId: number,
  ): Promise<SendResult> {
    const thread = this.deps.threads.getThread(input.threadId);
    const assistant = findMessage(this.deps.threads, thread.id, input.assistantMessageId);
    return this.answer(assistant, input.results, senderId, 0, input.continue);
  }

  stop(input: { streamId: string }): { stopped: boolean } {
    const run = this.runs.get(input.streamId);
    if (!run) return { stopped: false };
    run.controller.abort();
    return { stopped: true };
  }

  active(): { streamId: string; threadId: string }[] {
    return [...this.runs.entries()].map(([streamId, run]) => ({ streamId, threadId: run.threadId }));
  }

  /** The window closed: abort its streams (what arrived is stored) and stop pushing to it. */
  closeWindow(senderId: number): void {
    for (const run of this.runs.values()) {
      if (run.spec.senderId !== senderId) continue;
      run.detached = true;
      run.controller.abort();
    }
  }

  /** Resolves once the stream and any automatic tool rounds after it have ended. */
  async whenSettled(streamId: string): Promise<void> {
    await this.settled.get(streamId);
  }

  /** Stops every stream and waits for their final writes (app quit). */
  async shutdown(): Promise<void> {
    for (const run of this.runs.values()) run.controller.abort();
    await Promise.all([...this.settled.values()]);
  }

  private async sibling(
    threadId: string,
    messageId: string,
    overrides: Overrides,
    senderId: number,
    moves = true,
  ): Promise<SendResult> {
    const { threads } = this.deps;
    const thread = threads.getThread(threadId);
    const message = findMessage(threads, thread.id, messageId);
    const parentId = message.role === 'assistant' ? message.parentId : message.id;
    const path = parentId ? threads.activePath(thread.id, parentId) : [];
    const plan = await planRun(this.deps, { thread, path, overrides });
    const signed = await signedHeaders(this.deps, plan);
    const messages = createAnswers(threads, plan, parentId);
    return this.launch({
      plan,
      signed,
      messages,
      senderId,
      continues: false,
      round: 0,
      userMessage: null,
      moves,
    });
  }

  private async answer(
    assistant: Message,
    results: ToolResult[],
    senderId: number,
    round: number,
    go: boolean,
  ): Promise<SendResult> {
    const { threads } = this.deps;
    checkToolResults(assistant, results);
    const thread = threads.getThread(assistant.threadId);
    let prepared: { plan: RunPlan; signed: SignedHeaders } | null = null;
    if (go) {
      const path = [...threads.activePath(thread.id, assistant.id), ...toolDrafts(assistant, results)];
      const plan = await planRun(this.deps, { thread, path });
      prepared = { plan, signed: await signedHeaders(this.deps, plan) };
    }
    const tools = insertToolResults(threads, assistant, results);
    const last = tools[tools.length - 1];
    if (last) threads.setActiveLeaf(thread.id, last.id);
    this.deps.events.broadcast('threads:changed', { threadId: thread.id });
    if (!prepared || !last) return { streamId: '', userMessage: null, messages: [] };
    const messages = createAnswers(threads, prepared.plan, last.id);
    return this.launch({ ...prepared, messages, senderId, continues: false, round, userMessage: null });
  }

  private launch(launch: Launch): SendResult {
    const { plan } = launch;
    const { threads } = this.deps;
    // The request is stored with its answers before it is sent: every verdict reads it from there.
    const meta = sentMeta(plan, launch.signed);
    const messages = launch.messages.map((m) => threads.updateMessage(m.id, { meta }));
    const first = messages[0];
    if (first && launch.moves !== false) threads.setActiveLeaf(plan.thread.id, first.id);
    threads.touch(plan.thread.id);
    const streamId = randomUUID();
    const run = new StreamRun(this.deps, {
      streamId,
      senderId: launch.senderId,
      plan,
      messages,
      signed: launch.signed,
      continues: launch.continues,
      round: launch.round,
    });
    this.runs.set(streamId, run);
    run.push({
      type: 'started',
      streamId,
      threadId: plan.thread.id,
      messages,
      droppedFields: plan.request.droppedFields,
    });
    const settled = run.execute().then(
      (final) => {
        this.runs.delete(streamId);
        // A failed automatic tool round leaves the calls for the user to answer by hand.
        return this.afterRun(run, final).catch(() => undefined);
      },
      () => {
        this.runs.delete(streamId);
        run.crashed();
      },
    );
    this.settled.set(
      streamId,
      settled.finally(() => this.settled.delete(streamId)),
    );
    return { streamId, userMessage: launch.userMessage, messages };
  }

  /** Canned tool mode: answer the calls with the tools' canned results, up to maxToolRounds rounds. */
  private async afterRun(run: StreamRun, final: Message[]): Promise<void> {
    if (run.controller.signal.aborted || run.detached) return;
    const first = final[0];
    if (!first || first.status !== 'complete' || !first.toolCalls?.length) return;
    const thread = this.deps.threads.getThread(run.threadId);
    // Server tools run (with the user's approval) up to the thread's round cap; Stop leaves them open.
    if (this.deps.mcp && run.spec.round < thread.settings.maxToolRounds) {
      const served = await this.deps.mcp.runCalls({ threadId: thread.id, message: first });
      if (served) {
        const next = await this.answer(first, served, run.spec.senderId, run.spec.round + 1, true);
        if (next.streamId) await this.whenSettled(next.streamId);
        return;
      }
    }
    if (thread.settings.toolMode !== 'canned' || run.spec.round >= thread.settings.maxToolRounds) return;
    const results = cannedResults(first, run.spec.plan.tools);
    if (!results) return;
    const next = await this.answer(first, results, run.spec.senderId, run.spec.round + 1, true);
    if (next.streamId) await this.whenSettled(next.streamId);
  }
}
