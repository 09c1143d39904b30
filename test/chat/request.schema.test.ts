import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract';
import { buildRequest } from '../../main/chat/request/build';
import { allCaps, assistant, noCaps, searchTool, toolResult, user, weatherTool } from './support/messages';

const schema: unknown = JSON.parse(
  readFileSync(new URL('../fixtures/openai/chat-completion-request.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema as Record<string, unknown>);

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const names = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);

const params = fc
  .record({
    max_tokens: maybe(fc.integer({ min: 1, max: 100_000 })),
    temperature: maybe(fc.double({ min: 0, max: 2, noNaN: true })),
    top_p: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
    n: maybe(fc.integer({ min: 1, max: 128 })),
    stream: maybe(fc.boolean()),
    stop: maybe(fc.oneof(fc.string(), fc.array(fc.string(), { minLength: 1, maxLength: 4 }))),
    presence_penalty: maybe(fc.double({ min: -2, max: 2, noNaN: true })),
    frequency_penalty: maybe(fc.double({ min: -2, max: 2, noNaN: true })),
    user: maybe(fc.string()),
    seed: maybe(fc.integer()),
    tool_choice: maybe(
      fc.oneof(
        fc.constantFrom('none' as const, 'auto' as const, 'required' as const),
        fc.constant({ type: 'function' as const, function: { name: 'get_weather' } }),
      ),
    ),
    parallel_tool_calls: maybe(fc.boolean()),
    logit_bias: maybe(fc.dictionary(fc.stringMatching(/^\d{1,6}$/), fc.integer({ min: -100, max: 100 }))),
    logprobs: maybe(fc.boolean()),
    top_logprobs: maybe(fc.integer({ min: 0, max: 20 })),
    response_format: maybe(
      fc.oneof(
        fc.constant({ type: 'text' as const }),
        fc.constant({ type: 'json_object' as const }),
        fc.record({
          type: fc.constant('json_schema' as const),
          json_schema: fc.record(
            {
              name: names,
              description: fc.string(),
              schema: fc.constant({ type: 'object' }),
              strict: fc.boolean(),
            },
            { requiredKeys: ['name'] },
          ),
        }),
      ),
    ),
    include_usage: maybe(fc.boolean()),
  })
  // top_logprobs is only valid with logprobs on (the panel enforces it).
  .map((p) => (p.top_logprobs !== undefined ? { ...p, logprobs: true } : p));

const call = (id: string) => ({
  id,
  type: 'function' as const,
  function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
});
const turn: fc.Arbitrary<Message[]> = fc.oneof(
  fc.string().map((t) => [user(t)]),
  fc.string({ minLength: 1 }).map((t) => [user('q'), assistant(t)]),
  fc
    .stringMatching(/^call_[a-z0-9]{3,8}$/)
    .map((id) => [
      user('q'),
      assistant('', { toolCalls: [call(id)] }),
      toolResult('{"ok":true}', id, 'get_weather'),
    ]),
);
const paths = fc.array(turn, { minLength: 1, maxLength: 4 }).map((turns) => turns.flat());

describe('request bodies against OpenAI’s published schema', () => {
  it('is a schema that does refuse bad bodies', () => {
    expect(validate({ model: 'm', messages: [{ role: 'user', content: 'x' }], temperature: 3 })).toBe(false);
    expect(validate({ model: 'm', messages: [{ role: 'tool', content: 'x' }] })).toBe(false);
  });

  it('every combination of parameters, capabilities and branches gives a valid body', () => {
    fc.assert(
      fc.property(
        params,
        paths,
        fc.string(),
        fc.constantFrom(
          allCaps,
          noCaps,
          { ...allCaps, logprobs: false },
          { ...allCaps, tools: false },
          { ...allCaps, jsonSchema: false },
        ),
        fc.subarray([weatherTool, searchTool]),
        (p, path, systemPrompt, capabilities, tools) => {
          const usable = tools.some((t) => t.name === 'get_weather')
            ? p
            : { ...p, tool_choice: typeof p.tool_choice === 'object' ? undefined : p.tool_choice };
          const built = buildRequest({
            model: 'gpt-4o-mini',
            systemPrompt,
            path,
            params: usable,
            tools,
            capabilities,
          });
          const body: unknown = JSON.parse(built.bytes);
          const valid = validate(body);
          if (!valid)
            throw new Error(`${JSON.stringify(validate.errors?.slice(0, 3))}\n${built.bytes.slice(0, 500)}`);
          expect(valid).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
