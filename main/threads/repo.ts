import type { DatabaseSync } from 'node:sqlite';
import type { Message, Thread, ThreadDetail, ThreadSettings, ThreadSummary } from '../contract';
import { AppFailure, THREAD_WINDOW } from '../contract';
import { DEFAULT_TITLE, titleFrom } from './defaults';
import type { MessagePatch, NewMessage, RawEvent } from './messageStore';
import * as messages from './messageStore';
import { PresetsRepo } from './presets';
import type { MessageRow, MetaCodec } from './rows';
import { messageFromRow } from './rows';
import { Sql } from './sql';
import type { NewThread, ThreadPatch } from './threadStore';
import * as threads from './threadStore';

export type { MessagePatch, NewMessage, RawEvent } from './messageStore';
export type { NewThread, ThreadPatch } from './threadStore';

/** Which stretch of the active branch `detail` returns. */
export interface DetailWindow {
  limit?: number;
  before?: string;
  through?: string;
}

/** Messages kept above one asked for by `through`, so it is not the first thing on screen. */
const THROUGH_CONTEXT = 20;

/** Told which thread changed (null: several), after the change is committed. */
export type ChangeListener = (threadId: string | null) => void;

/**
 * Threads, their message trees and the raw stream events behind each answer. Everything that
 * changes what the threads list or an open thread shows notifies subscribers; the streaming
 * path's content-only writes do not, since the chat stream already carries them.
 */
export class ThreadsRepo {
  readonly presets: PresetsRepo;
  private readonly sql: Sql;
  private readonly now: () => number;
  private readonly listeners = new Set<ChangeListener>();

  constructor(db: DatabaseSync, now: () => number = Date.now) {
    this.sql = new Sql(db);
    this.now = now;
    this.presets = new PresetsRepo(this.sql, now);
  }

  /** Stores messages' `meta` through `codec` from now on (attachments keep base64 out of request bodies). */
  storeMetaWith(codec: MetaCodec): void {
    this.sql.metaCodec = codec;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(threadId: string | null): void {
    for (const listener of this.listeners) listener(threadId);
  }

  list(archived = false, limit?: number): ThreadSummary[] {
    return threads.listThreads(this.sql, archived, limit);
  }

  /** The first thread of the list (pinned, then newest activity) not in `skip`: what opens at start. */
  openingId(skip: readonly string[] = []): string | null {
    // Sought through threads_listing: one step, whatever the number of threads.
    const row = this.sql.one<{ id: string }>(
      `SELECT id FROM threads WHERE deleted_at IS NULL AND archived = 0
         AND id NOT IN (SELECT value FROM json_each(?))
       ORDER BY pinned DESC, last_activity_at DESC, rowid DESC LIMIT 1`,
      JSON.stringify(skip),
    );
    return row?.id ?? null;
  }

  getThread(id: string): Thread {
    return threads.threadFromRow(this.sql, threads.getThreadRow(this.sql, id));
  }

  /**
   * A thread with a stretch of its active branch: the newest `limit` messages (or the `limit`
   * above `before`, paging back), reaching further up to include `through` when it is on the
   * branch, each with its siblings. Opening a 10,000-message thread reads a few hundred rows.
   * With `clip`, long finished messages are read as the window gets them (see childrenOf).
   */
  detail(id: string, window: DetailWindow = {}, clip?: number): ThreadDetail {
    const thread = this.getThread(id);
    const leaf = thread.activeLeafId ?? this.newestLeaf(id);
    let from: string | null = leaf;
    if (window.before !== undefined) from = this.requireInThread(id, window.before).parent_id;
    if (from === null) return { thread, messages: [], earlier: false };
    let limit = window.limit ?? THREAD_WINDOW;
    if (window.through !== undefined) {
      const steps = messages.stepsUpTo(this.sql, from, window.through);
      if (steps !== null) limit = Math.max(limit, steps + 1 + THROUGH_CONTEXT);
    }
    const path = messages.pathIdsUp(this.sql, from, limit);
    const parents = path.ids.slice(1);
    if (path.parentOfTop !== null) parents.push(path.parentOfTop);
    return {
      thread,
      messages: messages.childrenOf(this.sql, id, parents, path.parentOfTop === null, clip),
      earlier: path.parentOfTop !== null,
    };
  }

  private newestLeaf(threadId: string): string | null {
    const root = messages.newestRoot(this.sql, threadId);
    return root === null ? null : messages.newestLeafUnder(this.sql, root);
  }

  createThread(settings?: Partial<ThreadSettings>): Thread {
    const id = this.sql.transaction(() =>
      threads.insertThread(this.sql, { settings: threads.initialSettings(this.sql, settings) }, this.now()),
    );
    this.changed(id);
    return this.getThread(id);
  }

  updateThread(id: string, patch: ThreadPatch): Thread {
    this.sql.transaction(() => threads.patchThread(this.sql, threads.getThreadRow(this.sql, id), patch));
    this.changed(id);
    return this.getThread(id);
  }

  /** Soft delete: hidden everywhere, restorable until `purgeDeleted` runs on the next start. */
  deleteThread(id: string): boolean {
    const deleted =
      this.sql.run('UPDATE threads SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL', this.now(), id) >
      0;
    if (deleted) this.changed(id);
    return deleted;
  }

  restoreThread(id: string): Thread {
    threads.getThreadRow(this.sql, id, true);
    this.sql.run('UPDATE threads SET deleted_at = NULL WHERE id = ?', id);
    this.changed(id);
    return this.getThread(id);
  }

  /** Run on start: threads deleted in an earlier session are gone for good. */
  purgeDeleted(before: number = this.now()): number {
    const purged = this.sql.transaction(() => threads.purgeDeleted(this.sql, before));
    if (purged > 0) this.changed(null);
    return purged;
  }

  touch(threadId: string): void {
    this.sql.run('UPDATE threads SET last_activity_at = ? WHERE id = ?', this.now(), threadId);
  }

  setActiveLeaf(threadId: string, messageId: string): void {
    this.requireInThread(threadId, messageId);
    this.sql.run('UPDATE threads SET active_leaf_id = ? WHERE id = ?', messageId, threadId);
    this.changed(threadId);
  }

  /** Makes the branch through `messageId` active, continuing down its most recent answers. */
  selectBranch(threadId: string, messageId: string): Thread {
    this.requireInThread(threadId, messageId);
    this.setActiveLeaf(threadId, messages.newestLeafUnder(this.sql, messageId));
    return this.getThread(threadId);
  }

  private requireInThread(threadId: string, messageId: string): MessageRow {
    const row = messages.getMessageRow(this.sql, messageId);
    if (row.thread_id !== threadId) {
      throw new AppFailure('invalid_request', 'That message belongs to another thread.');
    }
    return row;
  }

  /** Stores a whole thread in one transaction; messages must come parents first. */
  importThread(thread: NewThread, list: readonly Omit<NewMessage, 'threadId'>[]): Thread {
    const id = this.sql.transaction(() => {
      const threadId = threads.insertThread(this.sql, { ...thread, activeLeafId: null }, this.now());
      for (const message of list) messages.insertMessage(this.sql, { ...message, threadId }, this.now());
      if (thread.activeLeafId)
        this.sql.run('UPDATE threads SET active_leaf_id = ? WHERE id = ?', thread.activeLeafId, threadId);
      return threadId;
    });
    this.changed(id);
    return this.getThread(id);
  }

  /** Settings for a new thread: defaults, the last used provider and model, then `given`. */
  newThreadSettings(given?: Partial<ThreadSettings>): ThreadSettings {
    return threads.initialSettings(this.sql, given);
  }

  /** The ids among `toolIds` that name a tool in the library. */
  knownToolIds(toolIds: readonly string[]): string[] {
    return threads.existingToolIds(this.sql, toolIds);
  }

  messages(threadId: string): Message[] {
    return messages.threadMessages(this.sql, threadId);
  }

  getMessage(id: string): Message {
    return messageFromRow(messages.getMessageRow(this.sql, id), this.sql.metaCodec);
  }

  /**
   * A message's version without reading its text (its change time and size in bytes): whether a
   * text read earlier is still the current one (messages:content keeps a huge text between pages).
   */
  messageVersion(id: string): string | null {
    const row = this.sql.one<{ at: number; bytes: number }>(
      'SELECT updated_at AS at, octet_length(content) AS bytes FROM messages WHERE id = ?',
      id,
    );
    return row ? `${row.at}:${row.bytes}` : null;
  }

  /** Root → leaf; the leaf defaults to the thread's active leaf. */
  activePath(threadId: string, leafId?: string | null): Message[] {
    const leaf = leafId ?? threads.getThreadRow(this.sql, threadId, true).active_leaf_id;
    if (leaf === null) return [];
    this.requireInThread(threadId, leaf);
    return messages.pathTo(this.sql, leaf);
  }

  /** The first user message of a thread still called "New thread" names it, unless the user renamed it. */
  insertMessage(input: NewMessage): Message {
    const message = this.sql.transaction(() => {
      const stored = messages.insertMessage(this.sql, input, this.now());
      const title = stored.role === 'user' ? titleFrom(stored.content) : '';
      if (title !== '') {
        this.sql.run(
          'UPDATE threads SET title = ? WHERE id = ? AND title_edited = 0 AND title = ?',
          title,
          stored.threadId,
          DEFAULT_TITLE,
        );
      }
      return stored;
    });
    this.changed(message.threadId);
    return message;
  }

  updateMessage(id: string, patch: MessagePatch): Message {
    const message = messages.updateMessage(this.sql, id, patch, this.now());
    if (patch.status !== undefined || patch.usage !== undefined) this.changed(message.threadId);
    return message;
  }

  /**
   * Editing a user message starts a new branch beside it (the old one stays reachable through
   * the switcher) and makes it active; other roles are corrected in place.
   */
  editMessage(id: string, content: string): Message {
    const original = this.getMessage(id);
    if (original.role !== 'user') return this.updateMessage(id, { content });
    const edited = this.sql.transaction(() => {
      const sibling = messages.insertMessage(
        this.sql,
        {
          threadId: original.threadId,
          parentId: original.parentId,
          role: 'user',
          content,
          name: original.name,
        },
        this.now(),
      );
      this.sql.run('UPDATE threads SET active_leaf_id = ? WHERE id = ?', sibling.id, original.threadId);
      this.touch(original.threadId);
      return sibling;
    });
    this.changed(edited.threadId);
    return edited;
  }

  /** Deletes a message with everything below it; an active branch moves to its nearest survivor. */
  deleteMessage(id: string): number {
    const target = messages.getMessageRow(this.sql, id);
    const deleted = this.sql.transaction(() => {
      const leaf = threads.getThreadRow(this.sql, target.thread_id, true).active_leaf_id;
      const wasActive = leaf !== null && messages.isInSubtree(this.sql, id, leaf);
      const count = messages.deleteSubtree(this.sql, id);
      if (wasActive) {
        const anchor = target.parent_id ?? messages.newestRoot(this.sql, target.thread_id);
        const next = anchor === null ? null : messages.newestLeafUnder(this.sql, anchor);
        this.sql.run('UPDATE threads SET active_leaf_id = ? WHERE id = ?', next, target.thread_id);
      }
      return count;
    });
    this.changed(target.thread_id);
    return deleted;
  }

  appendEvents(messageId: string, events: readonly RawEvent[]): void {
    messages.appendEvents(this.sql, messageId, events);
  }

  rawEvents(
    messageId: string,
    page: { query: string; offset: number; limit: number },
  ): { total: number; events: RawEvent[] } {
    messages.getMessageRow(this.sql, messageId);
    return messages.rawEvents(this.sql, messageId, page);
  }

  /** On start: answers that were streaming when the app stopped become `interrupted`. */
  recoverInterrupted(): number {
    const recovered = messages.recoverInterrupted(this.sql, this.now());
    if (recovered > 0) this.changed(null);
    return recovered;
  }
}
