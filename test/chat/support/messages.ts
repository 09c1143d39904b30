import type { Message, ToolDef } from '../../../main/contract';
import { draft } from '../../../main/chat/tree';

/** Messages and tools for request tests, built the way the repository returns them. */
export const user = (content: string, extra: Partial<Message> = {}): Message =>
  draft('t1', null, 'user', content, { id: `u-${content.length}`, ...extra });

export const assistant = (content: string, extra: Partial<Message> = {}): Message =>
  draft('t1', null, 'assistant', content, { id: `a-${content.length}`, ...extra });

export const toolResult = (content: string, toolCallId: string, name: string): Message =>
  draft('t1', null, 'tool', content, { id: `t-${toolCallId}`, toolCallId, name });

export const weatherTool: ToolDef = {
  id: 'tool-weather',
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  cannedResult: '{"temp_c": 21}',
  createdAt: 0,
  updatedAt: 0,
};

export const searchTool: ToolDef = {
  id: 'tool-search',
  name: 'search_web',
  description: '',
  parameters: { type: 'object', properties: { q: { type: 'string' } } },
  cannedResult: null,
  createdAt: 0,
  updatedAt: 0,
};

export const allCaps = { tools: true, logprobs: true, jsonSchema: true, reasoning: true, vision: false };
export const noCaps = { tools: false, logprobs: false, jsonSchema: false, reasoning: false, vision: false };
