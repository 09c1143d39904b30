import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExperimentConfig } from '../../main/contract';
import type { ResponseFormat } from '../../main/contract';
import { promptfooYaml } from '../../main/experiments/exportFormats';
import type { MockProvider } from '../mock-provider';
import { startMockProvider } from '../mock-provider';
import { experimentHarness } from './support';

const openAiSchema: unknown = JSON.parse(
  readFileSync(new URL('../fixtures/openai/chat-completion-request.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(openAiSchema as Record<string, unknown>);

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider({ chunkDelayMs: 0 });
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => mock.reset());

const MODEL = 'phala/gpt-oss-120b';
const CITY: ResponseFormat = {
  type: 'json_schema',
  json_schema: {
    name: 'city',
    schema: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    },
    strict: true,
  },
};

describe('a response format per variant', () => {
  it('goes out with that variant’s requests only, valid for OpenAI, and its JSON check reads it', async () => {
    const h = experimentHarness(mock, { perMinute: 60, concurrency: 1 });
    const created = h.experiments.create('Cities');
    const experiment = h.experimentsRepo.save(created.id, {
      prompt: {
        messages: [{ role: 'user', content: 'Where is {{place}}? Answer in JSON.' }],
        toolIds: [],
        responseFormat: null,
      },
      config: ExperimentConfig.parse({
        targets: [{ providerId: h.provider.id, model: MODEL }],
        variants: [
          { id: 'schema', label: 'schema', params: { temperature: 0, response_format: CITY } },
          { id: 'free', label: 'free', params: { temperature: 0 } },
        ],
        cases: [{ id: 'eiffel', values: { place: 'the Eiffel Tower' } }],
        checks: [{ type: 'jsonSchema' }],
      }),
    });
    // Both answers are JSON, but not in the variant's schema.
    mock.script({ reply: { content: '{"town":"Paris"}' } }, { reply: { content: '{"town":"Paris"}' } });
    const started = h.experiments.start(experiment.id);
    await h.runner.whenDone(started.id);

    const bodies = mock.requests
      .filter((r) => r.path.endsWith('/chat/completions'))
      .map((r) => JSON.parse(r.bodyText) as Record<string, unknown>);
    expect(bodies).toHaveLength(2);
    for (const body of bodies) expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(bodies.filter((b) => 'response_format' in b).map((b) => b.response_format)).toEqual([CITY]);

    const run = h.experimentsRepo.run(started.id);
    const byVariant = Object.fromEntries(
      run.cells.map((c) => [c.column.split('|').at(-1), c.checks[0]] as const),
    );
    expect(byVariant.schema).toMatchObject({ pass: false, evidence: expect.stringContaining('city') });
    expect(byVariant.free).toMatchObject({ pass: true, evidence: 'Valid JSON (no schema given).' });

    // promptfoo's configuration gives each variant its own response_format too.
    const yaml = promptfooYaml(h.experimentsRepo.get(experiment.id), new Map()).text;
    expect(yaml.match(/response_format:/g)).toHaveLength(1);
  });
});
