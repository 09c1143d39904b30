import type { Message } from '../../../../main/contract';

/**
 * Position of each message id in a thread's message array, built once per array and carried
 * over to the copies a stream update makes (same positions), so looking a message up by id stays
 * O(1) in a 10,000-message thread while it streams.
 */
const indexes = new WeakMap<readonly Message[], Map<string, number>>();

function indexOf(messages: readonly Message[]): Map<string, number> {
  let index = indexes.get(messages);
  if (index === undefined) {
    index = new Map();
    for (let i = 0; i < messages.length; i++) index.set((messages[i] as Message).id, i);
    indexes.set(messages, index);
  }
  return index;
}

export function positionOf(messages: readonly Message[], id: string): number {
  const at = indexOf(messages).get(id);
  return at !== undefined && messages[at]?.id === id ? at : -1;
}

export function findMessage(messages: readonly Message[] | undefined, id: string): Message | undefined {
  if (messages === undefined) return undefined;
  const at = positionOf(messages, id);
  return at < 0 ? undefined : messages[at];
}

/** A copy of `messages` to modify in place, sharing the index while positions stay the same. */
export function copyForUpdate(messages: readonly Message[]): Message[] {
  const copy = messages.slice();
  const index = indexes.get(messages);
  if (index !== undefined) indexes.set(copy, index);
  return copy;
}

/** Appends to a copy made by `copyForUpdate`, keeping its index current. */
export function appendMessage(messages: Message[], message: Message): void {
  messages.push(message);
  const index = indexes.get(messages);
  if (index !== undefined) {
    // The shared index may belong to older arrays too; they verify ids on lookup, so a new entry
    // pointing past their end is harmless.
    index.set(message.id, messages.length - 1);
  }
}
