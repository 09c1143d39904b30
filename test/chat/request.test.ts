import { describe, expect, it } from 'vitest';
import type { AppFailure } from '../../main/contract';
import { isAppFailure } from '../../main/contract';
import { buildRequest } from '../../main/chat/request/build';
import { allCaps, assistant, noCaps, searchTool, toolResult, user, weatherTool } from './support/messages';

const base = {
  model: 'phala/gpt-oss-120b',
  systemPrompt: '',
  path: [user('Hello')],
  tools: [],
  capabilities: allCaps,
};

function failure(run: () => unknown): AppFailure {
  try {
    run();
  } catch (error) {
    if (isAppFailure(error)) return error;
    throw error;
  }
  throw new Error('expected the request to be refused');
}

describe('building the request body', () => {
  it('sends only model and messages when no parameter is set', () => {
    const built = buildRequest({ ...base, params: {} });
    expect(built.body).toEqual({
      model: 'phala/gpt-oss-120b',
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(built.stream).toBe(false);
    expect(built.choices).toBe(1);
  });

  it('puts every field on the wire exactly as set', () => {
    const params = {
      max_tokens: 1000,
      temperature: 0.7,
      top_p: 0.9,
      n: 3,
      stream: true,
      stop: ['END', '###'],
      presence_penalty: -1.5,
      frequency_penalty: 2,
      user: 'alice',
      seed: 42,
      tool_choice: { type: 'function' as const, function: { name: 'get_weather' } },
      parallel_tool_calls: false,
      logit_bias: { '50256': -100, '11': 5 },
      logprobs: true,
      top_logprobs: 20,
      response_format: {
        type: 'json_schema' as const,
        json_schema: { name: 'answer-v1', schema: { type: 'object' }, strict: true },
      },
      include_usage: true,
    };
    const built = buildRequest({ ...base, params, tools: [weatherTool] });
    const { include_usage: _ignored, ...wire } = params;
    expect(built.body).toEqual({
      model: 'phala/gpt-oss-120b',
      messages: [{ role: 'user', content: 'Hello' }],
      ...wire,
      stream_options: { include_usage: true },
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Current weather for a city',
            parameters: weatherTool.parameters,
          },
        },
      ],
    });
    expect(built.droppedFields).toEqual([]);
    expect(built.choices).toBe(3);
    expect(JSON.parse(built.bytes)).toEqual(built.body);
  });

  it('asks for usage in the stream only when streaming', () => {
    expect(buildRequest({ ...base, params: { include_usage: true } }).body).not.toHaveProperty(
      'stream_options',
    );
    expect(buildRequest({ ...base, params: { include_usage: true, stream: false } }).body).not.toHaveProperty(
      'stream_options',
    );
    expect(
      buildRequest({ ...base, params: { include_usage: true, stream: true } }).body.stream_options,
    ).toEqual({ include_usage: true });
  });

  it('serializes once: the bytes are the body', () => {
    const built = buildRequest({ ...base, params: { temperature: 0.1, stop: 'x' } });
    expect(built.bytes).toBe(JSON.stringify(built.body));
  });

  it.each([
    [{ temperature: 2.5 }, 'temperature', 'between 0 and 2'],
    [{ temperature: -0.1 }, 'temperature', 'between 0 and 2'],
    [{ top_p: 1.01 }, 'top_p', 'between 0 and 1'],
    [{ n: 0 }, 'n', 'from 1 to 128'],
    [{ n: 1.5 }, 'n', 'whole number'],
    [{ max_tokens: 0 }, 'max_tokens', 'at least 1'],
    [{ stop: ['a', 'b', 'c', 'd', 'e'] }, 'stop', '1 to 4 strings'],
    [{ stop: [] }, 'stop', '1 to 4 strings'],
    [{ presence_penalty: -2.01 }, 'presence_penalty', 'between -2 and 2'],
    [{ frequency_penalty: 3 }, 'frequency_penalty', 'between -2 and 2'],
    [{ seed: 1.5 }, 'seed', 'whole number'],
    [{ logprobs: true, top_logprobs: 21 }, 'top_logprobs', '0 to 20'],
    [{ top_logprobs: 3 }, 'top_logprobs', 'needs logprobs'],
    [{ logprobs: false, top_logprobs: 3 }, 'top_logprobs', 'needs logprobs'],
    [{ logit_bias: { '42': 101 } }, 'logit_bias', 'between -100 and 100'],
    [{ logit_bias: { hello: 1 } }, 'logit_bias', 'token ids'],
    [{ tool_choice: 'sometimes' }, 'tool_choice', 'none, auto, required'],
    [
      { response_format: { type: 'json_schema', json_schema: { name: 'has space' } } },
      'response_format',
      '1–64 letters',
    ],
    [
      { response_format: { type: 'json_schema', json_schema: { name: 'x'.repeat(65) } } },
      'response_format',
      '1–64 letters',
    ],
  ])('refuses %j naming %s and its range', (params, field, range) => {
    const refused = failure(() => buildRequest({ ...base, params }));
    expect(refused.error.code).toBe('invalid_request');
    expect(refused.error.detail?.field).toBe(field);
    expect(refused.error.message).toContain(field);
    expect(refused.error.message).toContain(range);
  });

  it('refuses a tool_choice that names a function the thread does not have', () => {
    const params = { tool_choice: { type: 'function' as const, function: { name: 'search_web' } } };
    const refused = failure(() => buildRequest({ ...base, params, tools: [weatherTool] }));
    expect(refused.error.detail?.field).toBe('tool_choice');
    expect(refused.error.message).toContain('search_web');
  });

  it('accepts the edges of every range', () => {
    const edges = [
      { temperature: 0 },
      { temperature: 2 },
      { top_p: 0 },
      { top_p: 1 },
      { presence_penalty: -2, frequency_penalty: 2 },
      { n: 128 },
      { stop: ['a', 'b', 'c', 'd'] },
      { logprobs: true, top_logprobs: 0 },
      { logprobs: true, top_logprobs: 20 },
      { logit_bias: { '1': -100, '2': 100 } },
    ];
    for (const params of edges) expect(() => buildRequest({ ...base, params })).not.toThrow();
  });

  it('drops what the model cannot do and says which fields', () => {
    const params = {
      tool_choice: 'required' as const,
      parallel_tool_calls: true,
      logprobs: true,
      top_logprobs: 2,
      response_format: { type: 'json_schema' as const, json_schema: { name: 'out' } },
      temperature: 1,
    };
    const built = buildRequest({ ...base, params, tools: [weatherTool], capabilities: noCaps });
    expect(built.body).toEqual({
      model: base.model,
      messages: [{ role: 'user', content: 'Hello' }],
      temperature: 1,
    });
    expect(built.droppedFields).toEqual([
      'tools',
      'tool_choice',
      'parallel_tool_calls',
      'logprobs',
      'top_logprobs',
      'response_format',
    ]);
  });

  it('keeps a plain text response format for a model without JSON schema support', () => {
    const built = buildRequest({
      ...base,
      params: { response_format: { type: 'text' } },
      capabilities: noCaps,
    });
    expect(built.body.response_format).toEqual({ type: 'text' });
    expect(built.droppedFields).toEqual([]);
  });

  it('drops tool_choice when the thread has no tools at all', () => {
    const built = buildRequest({ ...base, params: { tool_choice: 'auto', parallel_tool_calls: false } });
    expect(built.body).not.toHaveProperty('tool_choice');
    expect(built.droppedFields).toEqual(['tool_choice', 'parallel_tool_calls']);
  });

  it('merges free-form extra fields last, but never over model or messages', () => {
    const params = {
      temperature: 0.5,
      extra_body: { temperature: 0.2, top_k: 40, model: 'evil', messages: [] },
    };
    const built = buildRequest({ ...base, params });
    expect(built.body.temperature).toBe(0.2);
    expect(built.body.top_k).toBe(40);
    expect(built.body.model).toBe(base.model);
    expect(built.body.messages).toEqual([{ role: 'user', content: 'Hello' }]);
    expect(built.droppedFields).toEqual(['extra_body.model', 'extra_body.messages']);
  });

  it('sends the system prompt first, then the branch with tool calls and their results', () => {
    const call = {
      id: 'call_1',
      type: 'function' as const,
      function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
    };
    const path = [
      user('Weather in Oslo?'),
      assistant('', { toolCalls: [call] }),
      toolResult('{"temp_c": 3}', 'call_1', 'get_weather'),
      assistant('It is 3 °C.'),
      assistant('', { status: 'error', errorCode: 'network' }),
      user('Thanks'),
    ];
    const built = buildRequest({
      ...base,
      systemPrompt: 'Be brief.',
      path,
      params: {},
      tools: [weatherTool],
    });
    expect(built.body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Oslo?' },
      { role: 'assistant', content: null, tool_calls: [call] },
      { role: 'tool', content: '{"temp_c": 3}', tool_call_id: 'call_1', name: 'get_weather' },
      { role: 'assistant', content: 'It is 3 °C.' },
      { role: 'user', content: 'Thanks' },
    ]);
  });

  it('refuses to send without a model or without any message', () => {
    expect(failure(() => buildRequest({ ...base, model: ' ', params: {} })).error.detail?.field).toBe(
      'model',
    );
    expect(failure(() => buildRequest({ ...base, path: [], params: {} })).error.detail?.field).toBe(
      'messages',
    );
  });

  it('describes tools without a description by name and parameters only', () => {
    const built = buildRequest({ ...base, params: {}, tools: [searchTool] });
    expect(built.body.tools).toEqual([
      { type: 'function', function: { name: 'search_web', parameters: searchTool.parameters } },
    ]);
  });
});
