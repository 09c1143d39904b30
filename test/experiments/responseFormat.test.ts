import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ExperimentConfig } from '../../main/contract';
import type { ResponseFormat } from '../../main/contract';
import yaml from 'js-yaml';
import { promptfooYaml } from '../../main/experiments/exportFormats';
import { configProblems } from '../../main/experiments/prepare';
import { runToEnd, saveExperiment, useMock } from './support';

const openAiSchema: unknown = JSON.parse(
  readFileSync(new URL('../fixtures/openai/chat-completion-request.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(openAiSchema as Record<string, unknown>);

const m = useMock();

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
    const h = m.harness({ perMinute: 60, concurrency: 1 });
    const experiment = saveExperiment(
      h,
      { name: 'Cities', message: 'Where is {{place}}? Answer in JSON.' },
      {
        targets: [{ providerId: h.provider.id, model: MODEL }],
        variants: [
          { id: 'schema', label: 'schema', params: { temperature: 0, response_format: CITY } },
          { id: 'free', label: 'free', params: { temperature: 0 } },
        ],
        cases: [{ id: 'eiffel', values: { place: 'the Eiffel Tower' } }],
        checks: [{ type: 'jsonSchema' }],
      },
    );
    // Both answers are JSON, but not in the variant's schema.
    m.mock.script({ reply: { content: '{"town":"Paris"}' } }, { reply: { content: '{"town":"Paris"}' } });
    const run = await runToEnd(h, experiment.id);

    const bodies = m.chatBodies();
    expect(bodies).toHaveLength(2);
    for (const body of bodies) expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(bodies.filter((b) => 'response_format' in b).map((b) => b.response_format)).toEqual([CITY]);

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

describe('a response format for the whole prompt', () => {
  it('goes out with every variant that has none of its own; a variant’s own (JSON object, or plain text) overrides it', async () => {
    const h = m.harness({ perMinute: 60, concurrency: 1 });
    const experiment = saveExperiment(
      h,
      { name: 'Cities', message: 'Where is {{place}}? Answer in JSON.', responseFormat: CITY },
      {
        targets: [{ providerId: h.provider.id, model: MODEL }],
        variants: [
          { id: 'inherits', label: 'inherits', params: { temperature: 0 } },
          {
            id: 'object',
            label: 'object',
            params: { temperature: 0.5, response_format: { type: 'json_object' } },
          },
          { id: 'plain', label: 'plain', params: { temperature: 1, response_format: { type: 'text' } } },
        ],
        cases: [{ id: 'eiffel', values: { place: 'the Eiffel Tower' } }],
        checks: [{ type: 'jsonSchema' }],
      },
    );
    m.mock.script(...Array.from({ length: 3 }, () => ({ reply: { content: '{"town":"Paris"}' } })));
    const run = await runToEnd(h, experiment.id);

    const bodies = m.chatBodies();
    expect(bodies).toHaveLength(3);
    for (const body of bodies) expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    const sent = Object.fromEntries(bodies.map((b) => [String(b.temperature), b.response_format]));
    // Plain text is what providers do anyway: that variant sends no response_format at all.
    expect(sent).toEqual({ '0': CITY, '0.5': { type: 'json_object' }, '1': undefined });

    const checks = Object.fromEntries(
      run.cells.map((c) => [c.column.split('|').at(-1), c.checks[0]] as const),
    );
    expect(checks.inherits).toMatchObject({ pass: false, evidence: expect.stringContaining('city') });
    expect(checks.object).toMatchObject({ pass: true, evidence: 'Valid JSON (no schema given).' });
    expect(checks.plain).toMatchObject({ pass: true, evidence: 'Valid JSON (no schema given).' });

    // promptfoo's configuration: the same format per provider entry as the requests carried.
    const doc = yaml.load(promptfooYaml(h.experimentsRepo.get(experiment.id), new Map()).text) as {
      providers: { label: string; config: Record<string, unknown> }[];
    };
    expect(doc.providers.map((p) => [p.label, p.config.response_format])).toEqual([
      [`${MODEL} · inherits`, CITY],
      [`${MODEL} · object`, { type: 'json_object' }],
      [`${MODEL} · plain`, undefined],
    ]);
  });

  it('is checked before a run: a schema that is not a usable object schema stops Start and says where', () => {
    const broken: ResponseFormat = {
      type: 'json_schema',
      json_schema: { name: 'city', schema: { type: 'object', properties: { city: { type: 'strin' } } } },
    };
    const config = ExperimentConfig.parse({
      targets: [{ providerId: 'p', model: MODEL }],
      variants: [
        { id: 'a', label: 'a', params: {} },
        {
          id: 'b',
          label: 'listy',
          params: { response_format: { ...broken, json_schema: { name: 'l', schema: { type: 'array' } } } },
        },
      ],
      cases: [{ id: 'c', values: { place: 'x' } }],
    });
    const problems = configProblems(
      { messages: [{ role: 'user', content: '{{place}}' }], toolIds: [], responseFormat: broken },
      config,
    );
    expect(problems).toEqual([
      expect.stringMatching(/^The prompt’s response schema is not valid: \/properties\/city\/type /),
      expect.stringMatching(/^The response schema of variant “listy” is not valid: \/type must be "object"/),
    ]);
  });
});
