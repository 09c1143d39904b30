import { describe, expect, it } from 'vitest';
import type { Message } from '../../../main/contract/chat';
import {
  applyCompareEvent,
  describeChange,
  parseCompareValue,
  sentValue,
} from '../../../renderer/src/store/inspector/compare';

const message = (id: string): Message => ({
  id,
  threadId: 't',
  parentId: 'u',
  role: 'assistant',
  content: '',
  reasoning: null,
  toolCalls: null,
  toolCallId: null,
  name: null,
  choiceIndex: 0,
  logprobs: null,
  status: 'streaming',
  finishReason: null,
  errorCode: null,
  errorMessage: null,
  providerId: 'p',
  model: 'm',
  usage: null,
  usageId: null,
  meta: null,
  createdAt: 0,
  updatedAt: 0,
});

describe('changing one parameter', () => {
  it('accepts values within the documented range', () => {
    expect(parseCompareValue('temperature', ' 1.5 ')).toEqual({ ok: true, value: 1.5 });
    expect(parseCompareValue('seed', '42')).toEqual({ ok: true, value: 42 });
  });

  it('explains values outside it', () => {
    expect(parseCompareValue('temperature', '3')).toEqual({
      ok: false,
      message: 'temperature must be 0 to 2.',
    });
    expect(parseCompareValue('max_tokens', '0.5')).toEqual({
      ok: false,
      message: 'max_tokens must be a whole number ≥ 1.',
    });
    expect(parseCompareValue('top_p', 'abc')).toEqual({ ok: false, message: 'abc is not a number.' });
    expect(parseCompareValue('seed', '')).toEqual({ ok: false, message: 'Enter a value.' });
  });

  it('reads what the original request sent', () => {
    expect(sentValue('{"temperature":0.2}', 'temperature')).toBe(0.2);
    expect(sentValue('{"temperature":0.2}', 'seed')).toBeNull();
  });

  it('describes the change', () => {
    expect(describeChange({ param: { key: 'temperature', value: 1 } })).toBe('temperature = 1');
    expect(describeChange({ model: 'gpt-x' })).toBe('model gpt-x');
  });
});

describe('following the comparison stream', () => {
  it('builds the answer from its own events only', () => {
    let run = {
      streamId: 's1',
      sourceMessageId: 'a0',
      label: 'x',
      messages: [] as Message[],
      done: false,
      startedAt: 0,
    };
    run = applyCompareEvent(run, {
      type: 'started',
      streamId: 's1',
      threadId: 't',
      messages: [message('a')],
      droppedFields: [],
    });
    run = applyCompareEvent(run, {
      type: 'delta',
      streamId: 's1',
      threadId: 't',
      choices: [{ index: 0, messageId: 'a', content: 'Hel' }],
    });
    run = applyCompareEvent(run, {
      type: 'delta',
      streamId: 'other',
      threadId: 't',
      choices: [{ index: 0, messageId: 'a', content: 'XX' }],
    });
    run = applyCompareEvent(run, {
      type: 'delta',
      streamId: 's1',
      threadId: 't',
      choices: [{ index: 0, messageId: 'a', content: 'lo', finishReason: 'stop' }],
    });
    expect(run.messages[0]?.content).toBe('Hello');
    expect(run.messages[0]?.finishReason).toBe('stop');
    expect(run.done).toBe(false);
    run = applyCompareEvent(run, {
      type: 'ended',
      streamId: 's1',
      threadId: 't',
      messages: [{ ...message('a'), content: 'Hello', status: 'complete' }],
    });
    expect(run.done).toBe(true);
    expect(run.messages[0]?.status).toBe('complete');
  });
});
