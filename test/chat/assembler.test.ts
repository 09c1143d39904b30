import { describe, expect, it } from 'vitest';
import {
  FRAME_DONE,
  FRAME_ERROR,
  FRAME_MALFORMED,
  FRAME_OK,
  StreamAssembler,
} from '../../main/chat/assembly/assembler';

const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id: 'c1', model: 'm', choices, ...extra });

describe('the stream assembler', () => {
  it('keeps the partial answer when an error frame arrives mid-stream', () => {
    const a = new StreamAssembler();
    expect(a.pushData(chunk([{ index: 0, delta: { content: 'Hal' } }]))).toBe(FRAME_OK);
    expect(
      a.pushData('{"error":{"message":"upstream failed","type":"server_error","code":"mid_stream_error"}}'),
    ).toBe(FRAME_ERROR);
    const result = a.result();
    expect(result.choices[0]?.content).toBe('Hal');
    expect(result.error).toEqual({
      message: 'upstream failed',
      type: 'server_error',
      code: 'mid_stream_error',
    });
  });

  it('reports a frame that is not JSON, and [DONE]', () => {
    const a = new StreamAssembler();
    expect(a.pushData('{not json')).toBe(FRAME_MALFORMED);
    expect(a.pushData('[DONE]')).toBe(FRAME_DONE);
    expect(a.result().done).toBe(true);
  });

  it('joins tool calls that come without an index by their id', () => {
    const a = new StreamAssembler();
    a.pushData(
      chunk([{ delta: { tool_calls: [{ id: 'call_a', function: { name: 'one', arguments: '{"x"' } }] } }]),
    );
    a.pushData(chunk([{ delta: { tool_calls: [{ function: { arguments: ':1}' } }] } }]));
    a.pushData(
      chunk([{ delta: { tool_calls: [{ id: 'call_b', function: { name: 'two', arguments: { y: 2 } } }] } }]),
    );
    expect(a.result().choices[0]?.toolCalls).toEqual([
      { id: 'call_a', type: 'function', function: { name: 'one', arguments: '{"x":1}' } },
      { id: 'call_b', type: 'function', function: { name: 'two', arguments: '{"y":2}' } },
    ]);
  });

  it('takes reasoning under either name, once', () => {
    const a = new StreamAssembler();
    a.pushData(chunk([{ index: 0, delta: { reasoning_content: 'think', reasoning: 'think' } }]));
    a.pushData(chunk([{ index: 0, delta: { reasoning: ' more' } }]));
    expect(a.result().choices[0]?.reasoning).toBe('think more');
  });

  it('hands the window only what changed since the last push', () => {
    const a = new StreamAssembler();
    const ids = ['m0', 'm1'];
    a.pushData(chunk([{ index: 0, delta: { role: 'assistant', content: 'He' } }]));
    a.pushData(chunk([{ index: 1, delta: { content: 'Bon' } }]));
    a.pushData(
      chunk([
        {
          index: 0,
          delta: { content: 'llo' },
          logprobs: { content: [{ token: 'llo', logprob: -0.1, bytes: [108, 108, 111], top_logprobs: [] }] },
        },
      ]),
    );
    expect(a.drain(ids)).toEqual([
      {
        index: 0,
        messageId: 'm0',
        content: 'Hello',
        logprobs: [{ token: 'llo', logprob: -0.1, bytes: [108, 108, 111], top_logprobs: [] }],
      },
      { index: 1, messageId: 'm1', content: 'Bon' },
    ]);
    expect(a.drain(ids)).toEqual([]);
    a.pushData(
      chunk([
        {
          index: 1,
          delta: { tool_calls: [{ index: 0, id: 'call_1', function: { name: 'f', arguments: '' } }] },
        },
      ]),
    );
    a.pushData(chunk([{ index: 1, delta: {}, finish_reason: 'tool_calls' }]));
    expect(a.drain(ids)).toEqual([
      {
        index: 1,
        messageId: 'm1',
        toolCalls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } }],
        finishReason: 'tool_calls',
      },
    ]);
  });

  it('knows when every choice that came has finished, and reads the usage-only final chunk', () => {
    const a = new StreamAssembler();
    expect(a.allFinished()).toBe(false);
    a.pushData(chunk([{ index: 0, delta: { content: 'a' }, finish_reason: 'stop' }]));
    expect(a.allFinished()).toBe(true);
    a.pushData(chunk([{ index: 1, delta: { content: 'b' } }]));
    expect(a.allFinished()).toBe(false);
    a.pushData(chunk([{ index: 1, delta: {}, finish_reason: 'length' }]));
    expect(a.allFinished()).toBe(true);
    a.pushData(
      chunk([], {
        usage: {
          prompt_tokens: 5,
          completion_tokens: 2,
          total_tokens: 7,
          completion_tokens_details: { reasoning_tokens: 0 },
        },
      }),
    );
    expect(a.result().usage).toEqual({
      promptTokens: 5,
      completionTokens: 2,
      totalTokens: 7,
      reasoningTokens: 0,
      cachedTokens: null,
      cost: null,
    });
  });

  it('reads id, model, fingerprint and service tier from the first chunk that has them', () => {
    const a = new StreamAssembler();
    a.pushData(JSON.stringify({ choices: [] }));
    a.pushData(
      JSON.stringify({
        id: 'x',
        model: 'm',
        created: 5,
        system_fingerprint: 'fp',
        service_tier: 'scale',
        choices: [],
      }),
    );
    a.pushData(JSON.stringify({ id: 'y', model: 'n', choices: [] }));
    const r = a.result();
    expect([r.id, r.model, r.created, r.systemFingerprint, r.serviceTier]).toEqual([
      'x',
      'm',
      5,
      'fp',
      'scale',
    ]);
  });

  it('shows a refusal when there is no content', () => {
    const a = new StreamAssembler();
    a.pushData(chunk([{ index: 0, delta: { refusal: 'I cannot help with that.' }, finish_reason: 'stop' }]));
    expect(a.result().choices[0]?.refusal).toBe('I cannot help with that.');
  });
});
