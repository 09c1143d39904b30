import { describe, expect, it } from 'vitest';
import type { ChatParams } from '../../../main/contract';
import { ChatParams as ChatParamsSchema } from '../../../main/contract';
import {
  checkDraft,
  draftFromParams,
  emptyDraft,
  errorsFromIssues,
  managedKey,
  mergeParams,
  resetParams,
} from '../../../renderer/src/parts/settings/paramsModel';

const full: ChatParams = {
  max_tokens: 500,
  temperature: 0.7,
  top_p: 0.9,
  n: 2,
  stream: true,
  stop: ['END', '###'],
  presence_penalty: 0.5,
  frequency_penalty: -0.5,
  user: 'me',
  seed: 42,
  logit_bias: { '50256': -100, '13': 5 },
  logprobs: true,
  top_logprobs: 5,
  response_format: {
    type: 'json_schema',
    json_schema: { name: 'answer', schema: { type: 'object' }, strict: true },
  },
  include_usage: true,
  parallel_tool_calls: false,
  extra_body: { top_k: 40 },
  tool_choice: 'auto',
};

describe('the per-thread parameter panel', () => {
  it('shows every field the thread has set and saves them back unchanged', () => {
    const check = checkDraft(draftFromParams(full));
    expect(check.errors).toEqual({});
    expect(mergeParams(full, check)).toEqual(full);
  });

  it('sends nothing for fields left empty', () => {
    const check = checkDraft(emptyDraft());
    expect(check.params).toEqual({});
    expect(mergeParams({}, check)).toEqual({});
  });

  it('produces params the contract accepts', () => {
    expect(ChatParamsSchema.safeParse(mergeParams({}, checkDraft(draftFromParams(full)))).success).toBe(true);
  });

  it('names the field in every validation message', () => {
    const draft = emptyDraft();
    draft.numbers.temperature = '2.5';
    draft.numbers.max_tokens = '1.5';
    draft.numbers.n = '0';
    draft.numbers.top_logprobs = '3';
    draft.stop = ['a', 'b', 'c', 'd', 'e'];
    draft.logitBias = [{ token: 'abc', bias: '1' }];
    draft.extraBody = '[1, 2]';
    const { errors } = checkDraft(draft);
    expect(errors).toEqual({
      temperature: 'temperature must be between 0 and 2',
      max_tokens: 'max_tokens must be a whole number',
      n: 'n must be between 1 and 128',
      top_logprobs: 'top_logprobs needs logprobs turned on',
      stop: 'stop takes at most 4 sequences',
      logit_bias: expect.stringContaining('logit_bias'),
      extra_body: expect.stringContaining('extra_body'),
    });
  });

  it('keeps the stored value of a field with an error while saving the others', () => {
    const draft = draftFromParams({ temperature: 0.5, seed: 1 });
    draft.numbers.temperature = '9';
    draft.numbers.seed = '7';
    expect(mergeParams({ temperature: 0.5, seed: 1 }, checkDraft(draft))).toEqual({
      temperature: 0.5,
      seed: 7,
    });
  });

  it('never touches tool_choice, which the Tools tab owns', () => {
    const stored: ChatParams = {
      tool_choice: { type: 'function', function: { name: 'lookup' } },
      temperature: 1,
    };
    expect(resetParams(stored)).toEqual({ tool_choice: { type: 'function', function: { name: 'lookup' } } });
    expect(managedKey(stored)).toBe(managedKey({ temperature: 1 }));
  });

  it('reads a single stop string as one chip and explains bad JSON in extra_body', () => {
    expect(draftFromParams({ stop: 'END' }).stop).toEqual(['END']);
    const draft = emptyDraft();
    draft.extraBody = '{"a": ';
    expect(checkDraft(draft).errors.extra_body).toMatch(/^extra_body is not valid JSON/u);
  });

  it('puts main’s validation issues on the field they name', () => {
    expect(
      errorsFromIssues([
        { path: 'settings.params.temperature', message: 'Too big' },
        { path: 'other', message: 'x' },
      ]),
    ).toEqual({
      temperature: 'temperature: Too big',
    });
  });
});
