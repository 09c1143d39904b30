import { describe, expect, it } from 'vitest';
import { FRAME_ERROR, StreamAssembler, assembleCompletion } from '../../main/chat/assembly/assembler';
import { parseProviderError } from '../../main/chat/assembly/shapes';

const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id: 'c1', model: 'm', choices, ...extra });

const usage = {
  prompt_tokens: 50,
  completion_tokens: 20,
  total_tokens: 70,
  prompt_tokens_details: { cached_tokens: 32 },
  completion_tokens_details: { reasoning_tokens: 8 },
};
const reported = {
  promptTokens: 50,
  completionTokens: 20,
  totalTokens: 70,
  reasoningTokens: 8,
  cachedTokens: 32,
  cost: null,
};

describe('content sent as an array of parts', () => {
  it('joins text parts into the answer and thinking parts into the reasoning, streamed', () => {
    const a = new StreamAssembler();
    a.pushData(chunk([{ index: 0, delta: { role: 'assistant', content: [] } }]));
    a.pushData(chunk([{ index: 0, delta: { content: [{ type: 'thinking', thinking: 'Let me ' }] } }]));
    a.pushData(
      chunk([
        {
          index: 0,
          delta: {
            content: [
              { type: 'thinking', thinking: [{ type: 'text', text: 'see.' }] },
              { type: 'text', text: 'Hello' },
            ],
          },
        },
      ]),
    );
    a.pushData(
      chunk([{ index: 0, delta: { content: [{ type: 'text', text: ' world' }] }, finish_reason: 'stop' }]),
    );
    const [choice] = a.result().choices;
    expect(choice).toMatchObject({ content: 'Hello world', reasoning: 'Let me see.', finishReason: 'stop' });
  });

  it('does the same for a whole message, and keeps a part of unknown type raw', () => {
    const image = { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } };
    const result = assembleCompletion({
      id: 'c1',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: [{ type: 'thinking', thinking: 'hmm' }, { type: 'text', text: 'Here:' }, image],
          },
          finish_reason: 'stop',
        },
      ],
    });
    const [choice] = result.choices;
    expect(choice?.reasoning).toBe('hmm');
    expect(choice?.content.startsWith('Here:')).toBe(true);
    expect(choice?.content).toContain(JSON.stringify(image));
  });
});

describe('usage wherever the provider puts it', () => {
  it('on the finish chunk', () => {
    const a = new StreamAssembler();
    a.pushData(chunk([{ index: 0, delta: { content: 'x' } }], { usage: null }));
    a.pushData(chunk([{ index: 0, delta: {}, finish_reason: 'stop' }], { usage }));
    expect(a.result().usage).toEqual(reported);
  });

  it('in a chunk after the finish, not blanked by the usage: null of ordinary chunks', () => {
    const a = new StreamAssembler();
    a.pushData(chunk([{ index: 0, delta: {}, finish_reason: 'stop' }], { usage: null }));
    a.pushData(chunk([], { usage: { ...usage, cost: 0.0042 } }));
    a.pushData(chunk([], { usage: null }));
    expect(a.result().usage).toEqual({ ...reported, cost: 0.0042 });
  });

  it("in Groq's x_groq envelope, streamed or whole", () => {
    const a = new StreamAssembler();
    a.pushData(
      chunk([{ index: 0, delta: { content: 'x' }, finish_reason: 'stop' }], {
        x_groq: { id: 'req_1', usage },
      }),
    );
    expect(a.result().usage).toEqual(reported);
    const whole = assembleCompletion({ choices: [], x_groq: { usage } });
    expect(whole.usage).toEqual(reported);
  });

  it("reads each choice's own completion tokens when they come per choice", () => {
    const a = new StreamAssembler();
    a.pushData(
      chunk([{ index: 1, delta: { content: 'y' }, finish_reason: 'stop', usage: { completion_tokens: 4 } }]),
    );
    expect(a.result().choices[0]).toMatchObject({ index: 1, completionTokens: 4 });
  });
});

describe('the envelope', () => {
  it('takes the first non-empty id, model, fingerprint and created', () => {
    const a = new StreamAssembler();
    a.pushData(JSON.stringify({ id: '', model: '', created: 0, system_fingerprint: '', choices: [] }));
    a.pushData(
      JSON.stringify({
        id: 'chatcmpl-1',
        model: 'llama',
        created: 17,
        system_fingerprint: 'fp_1',
        choices: [],
      }),
    );
    const r = a.result();
    expect([r.id, r.model, r.created, r.systemFingerprint]).toEqual(['chatcmpl-1', 'llama', 17, 'fp_1']);
  });
});

describe("the provider's own words, whichever field holds them", () => {
  it('keeps the message next to an error name', () => {
    expect(
      parseProviderError({
        error: 'TypeError',
        message: "Cannot read properties of undefined (reading 'x')",
      }),
    ).toEqual({
      message: "TypeError: Cannot read properties of undefined (reading 'x')",
      type: 'TypeError',
      code: null,
    });
  });

  it('reads the OpenAI shape, a bare string, FastAPI detail and vLLM object:error', () => {
    expect(parseProviderError({ error: { message: 'bad', type: 't', code: 'c' } }).message).toBe('bad');
    expect(parseProviderError({ error: 'CreditsExhaustedError' }).message).toBe('CreditsExhaustedError');
    expect(parseProviderError({ detail: [{ msg: 'field required' }] }).message).toBe('field required');
    expect(parseProviderError({ object: 'error', message: 'too long', code: 400 })).toMatchObject({
      message: 'too long',
      code: '400',
    });
  });

  it('treats a vLLM `object: "error"` frame as an error, not an empty chunk', () => {
    const a = new StreamAssembler();
    expect(a.pushData(JSON.stringify({ object: 'error', message: 'oops', code: 500 }))).toBe(FRAME_ERROR);
  });
});
