import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Experiment, Provider, Run } from '../../main/contract';
import { ExperimentConfig } from '../../main/contract';
import {
  experimentJson,
  promptfooYaml,
  readExperimentJson,
  resultsCsv,
} from '../../main/experiments/exportFormats';
import { parseCsv } from '../../main/experiments/cases';

const experiment: Experiment = {
  id: 'e1',
  name: 'Capitals & co',
  projectId: null,
  createdAt: 0,
  updatedAt: 0,
  versions: [
    {
      id: 'v1',
      number: 1,
      createdAt: 0,
      prompt: {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Capital of {{country}}?' },
        ],
        toolIds: [],
        responseFormat: null,
      },
    },
  ],
  config: ExperimentConfig.parse({
    targets: [{ providerId: 'p1', model: 'phala/gpt-oss-120b' }],
    variants: [
      { id: 'cold', label: 'cold', params: { temperature: 0 } },
      { id: 'warm', label: 'warm', params: { temperature: 1 } },
    ],
    cases: [{ id: 'c1', values: { country: 'France', expected: 'Paris' } }],
    checks: [
      { type: 'contains', value: '{{expected}}', ignoreCase: true },
      { type: 'regex', pattern: '^[A-Z]' },
      { type: 'latencyMax', ms: 2000 },
      { type: 'tokensMax', max: 50 },
      { type: 'graded', rubric: 'Names the capital', providerId: 'p1', model: 'judge' },
    ],
    k: 3,
    seed: 42,
  }),
};

const provider = { id: 'p1', baseUrl: 'https://api.example.test/api/v1' } as Provider;

describe('promptfoo export', () => {
  it('is a promptfooconfig: chat prompt, one provider per column with its parameters, cases as tests, checks as asserts', () => {
    const { filename, text } = promptfooYaml(experiment, new Map([['p1', provider]]));
    expect(filename).toBe('promptfooconfig.yaml');
    const doc = yaml.load(text) as Record<string, unknown>;
    expect(doc.description).toBe('Capitals & co');
    const prompts = doc.prompts as { id: string; raw: string }[];
    expect(JSON.parse(prompts[0]?.raw ?? '')).toEqual(experiment.versions[0]?.prompt.messages);
    expect(doc.providers).toEqual([
      {
        id: 'openai:chat:phala/gpt-oss-120b',
        label: 'phala/gpt-oss-120b · cold',
        config: { apiBaseUrl: 'https://api.example.test/api/v1', temperature: 0, seed: 42 },
      },
      {
        id: 'openai:chat:phala/gpt-oss-120b',
        label: 'phala/gpt-oss-120b · warm',
        config: { apiBaseUrl: 'https://api.example.test/api/v1', temperature: 1, seed: 42 },
      },
    ]);
    expect(doc.tests).toEqual([{ vars: { country: 'France', expected: 'Paris' } }]);
    expect((doc.defaultTest as { assert: unknown[] }).assert).toEqual([
      { type: 'icontains', value: '{{expected}}' },
      { type: 'regex', value: '^[A-Z]' },
      { type: 'latency', threshold: 2000 },
      { type: 'javascript', value: '(context.tokenUsage?.total ?? 0) <= 50' },
      { type: 'llm-rubric', value: 'Names the capital', provider: 'openai:chat:judge' },
    ]);
    expect(doc.evaluateOptions).toEqual({ repeat: 3 });
    expect(text).not.toMatch(/apiKey|Bearer/);
  });
});

describe('experiment JSON', () => {
  it('round-trips name, latest prompt and configuration', () => {
    const { filename, text } = experimentJson(experiment);
    expect(filename).toBe('capitals-co.experiment.json');
    const back = readExperimentJson(text);
    expect(back.name).toBe(experiment.name);
    expect(back.prompt).toEqual(experiment.versions[0]?.prompt);
    expect(back.config).toEqual(experiment.config);
  });

  it('refuses another file with the field that is wrong', () => {
    expect(() =>
      readExperimentJson(
        '{"format":"llm-desk.experiment","version":1,"name":"x","prompt":{"messages":[]},"config":{}}',
      ),
    ).toThrow(/prompt\.messages/);
    expect(() => readExperimentJson('nope')).toThrow(/not JSON/);
  });
});

describe('results CSV', () => {
  it('one row per cell with the case values, verdicts and ledger figures', () => {
    const run = {
      id: 'r1',
      versionNumber: 1,
      config: experiment.config,
      columns: [{ key: 'k', providerId: 'p1', model: 'm', variantId: 'cold', label: 'm · cold' }],
      cells: [
        {
          id: 'x',
          caseId: 'c1',
          column: 'k',
          rep: 0,
          status: 'done',
          threadId: 't',
          messageId: 'm',
          answer: 'Paris,\n"yes"',
          toolCalls: null,
          errorCode: null,
          errorMessage: null,
          pass: false,
          checks: [{ type: 'contains', label: 'contains “Paris”', pass: false, evidence: 'nope' }],
          requests: 2,
          tokens: 30,
          cost: 0.5,
          credits: null,
          ttftMs: 120.4,
          latencyMs: 900,
        },
      ],
    } as unknown as Run;
    const parsed = parseCsv(resultsCsv(experiment, run).text);
    expect(parsed.cases[0]?.values).toMatchObject({
      case: '1',
      country: 'France',
      model: 'm',
      verdict: 'fail',
      answer: 'Paris,\n"yes"',
      checks: 'FAIL contains “Paris”: nope',
      requests: '2',
      tokens: '30',
      cost: '0.5',
      ttft_ms: '120',
      latency_ms: '900',
    });
  });
});
