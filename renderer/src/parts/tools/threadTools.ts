import type { ChatParams, ToolChoice } from '../../../../main/contract/chat';
import type { ModelList } from '../../../../main/contract/providers';

/** The tool_choice Select's option id; `default` means "not sent" (the provider decides). */
export type ToolChoiceKey = 'default' | 'none' | 'auto' | 'required' | `fn:${string}`;

export function toolChoiceKey(choice: ToolChoice | undefined): ToolChoiceKey {
  if (choice === undefined) return 'default';
  if (typeof choice === 'string') return choice;
  return `fn:${choice.function.name}`;
}

export function toolChoiceFromKey(key: string): ToolChoice | undefined {
  if (key === 'none' || key === 'auto' || key === 'required') return key;
  if (key.startsWith('fn:')) return { type: 'function', function: { name: key.slice(3) } };
  return undefined;
}

/** The params with tool_choice set, or removed so that it is not sent at all. */
export function withToolChoice(params: ChatParams, choice: ToolChoice | undefined): ChatParams {
  const next: ChatParams = { ...params };
  if (choice === undefined) delete next.tool_choice;
  else next.tool_choice = choice;
  return next;
}

/** A named tool_choice whose function is no longer attached would be refused by main. */
export function danglingChoice(
  choice: ToolChoice | undefined,
  attachedNames: readonly string[],
): string | null {
  if (choice === undefined || typeof choice === 'string') return null;
  return attachedNames.includes(choice.function.name) ? null : choice.function.name;
}

export type ToolsSupport =
  | { state: 'supported'; overridden: boolean }
  | { state: 'unsupported'; reason: string }
  | { state: 'unknown'; reason: string };

export function toolsSupport(
  list: ModelList | undefined,
  providerId: string | null,
  model: string | null,
): ToolsSupport {
  if (providerId === null || model === null)
    return { state: 'unknown', reason: 'Pick a model for this thread first.' };
  if (list === undefined) return { state: 'unknown', reason: 'Loading what this model supports…' };
  const info = list.models.find((m) => m.id === model);
  if (info === undefined) {
    return {
      state: 'unknown',
      reason: `${model} is not in the provider's model list, so its support for tools is unknown.`,
    };
  }
  if (info.capabilities.tools) return { state: 'supported', overridden: info.overridden.includes('tools') };
  return {
    state: 'unsupported',
    reason: `${model} does not list support for tools: they would be left out of the request.`,
  };
}

export const clampRounds = (value: number): number =>
  Math.min(20, Math.max(1, Math.round(Number.isFinite(value) ? value : 1)));
