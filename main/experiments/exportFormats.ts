import yaml from 'js-yaml';
import Papa from 'papaparse';
import { z } from 'zod';
import type { Check, Experiment, Provider, Run } from '../contract';
import { AppFailure, ExperimentConfig, ExperimentPrompt } from '../contract';
import { caseColumns } from './cases';
import { variantFormat } from './prepare';

/** The experiment file: name, the latest prompt and the configuration (cases included). */
export const ExperimentFile = z.object({
  format: z.literal('llm-desk.experiment'),
  version: z.literal(1),
  name: z.string().trim().min(1).max(120),
  prompt: ExperimentPrompt,
  config: ExperimentConfig,
});
export type ExperimentFile = z.infer<typeof ExperimentFile>;

const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'experiment';

export function latestPrompt(experiment: Experiment): ExperimentPrompt {
  const latest = experiment.versions[experiment.versions.length - 1];
  if (!latest) throw new AppFailure('invalid_request', 'The experiment has no prompt yet.');
  return latest.prompt;
}

export function experimentJson(experiment: Experiment): { filename: string; text: string } {
  const file: ExperimentFile = {
    format: 'llm-desk.experiment',
    version: 1,
    name: experiment.name,
    prompt: latestPrompt(experiment),
    config: experiment.config,
  };
  return { filename: `${slug(experiment.name)}.experiment.json`, text: `${JSON.stringify(file, null, 2)}\n` };
}

/** Reads an experiment file; a wrong file is refused with the first field that is wrong. */
export function readExperimentJson(text: string): ExperimentFile {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppFailure(
      'invalid_request',
      `This is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = ExperimentFile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'file';
    throw new AppFailure(
      'invalid_request',
      `Not an LLM Desk experiment file: ${where}: ${issue?.message ?? 'invalid'}`,
      {
        detail: { field: where },
      },
    );
  }
  return parsed.data;
}

/** One row per cell: the case's variables, the column, the verdicts and the ledger figures. */
export function resultsCsv(experiment: Experiment, run: Run): { filename: string; text: string } {
  const variables = caseColumns(run.config.cases);
  const cases = new Map(run.config.cases.map((c, index) => [c.id, { c, index }]));
  const columns = new Map(run.columns.map((c) => [c.key, c]));
  const rows = run.cells.map((cell) => {
    const found = cases.get(cell.caseId);
    const column = columns.get(cell.column);
    return [
      String((found?.index ?? -1) + 1),
      ...variables.map((name) => found?.c.values[name] ?? ''),
      column?.model ?? '',
      column?.label ?? '',
      String(cell.rep + 1),
      cell.status,
      cell.pass === null ? '' : cell.pass ? 'pass' : 'fail',
      cell.checks.map((c) => `${c.pass ? 'PASS' : 'FAIL'} ${c.label}: ${c.evidence}`).join('\n'),
      cell.answer,
      cell.toolCalls ?? '',
      cell.errorMessage ?? '',
      String(cell.requests),
      String(cell.tokens),
      cell.cost === null ? '' : String(cell.cost),
      cell.credits === null ? '' : String(cell.credits),
      cell.ttftMs === null ? '' : String(Math.round(cell.ttftMs)),
      cell.latencyMs === null ? '' : String(Math.round(cell.latencyMs)),
    ];
  });
  const fields = [
    'case',
    ...variables,
    'model',
    'column',
    'run',
    'status',
    'verdict',
    'checks',
    'answer',
    'tool_calls',
    'error',
    'requests',
    'tokens',
    'cost',
    'credits',
    'ttft_ms',
    'latency_ms',
  ];
  return {
    filename: `${slug(experiment.name)}-v${run.versionNumber}-results.csv`,
    text: Papa.unparse({ fields, data: rows }),
  };
}

type Assertion = Record<string, unknown>;

/** promptfoo's assertion for each check; tokens ≤ has none of its own, so it becomes a JavaScript one. */
function assertion(check: Check): Assertion {
  switch (check.type) {
    case 'contains':
      return { type: check.ignoreCase ? 'icontains' : 'contains', value: check.value };
    case 'notContains':
      return { type: check.ignoreCase ? 'not-icontains' : 'not-contains', value: check.value };
    case 'regex':
      return { type: 'regex', value: check.flags ? `(?${check.flags})${check.pattern}` : check.pattern };
    case 'equals':
      return { type: 'equals', value: check.value };
    case 'jsonSchema':
      return check.schema ? { type: 'is-json', value: check.schema } : { type: 'is-json' };
    case 'toolCalled':
      return {
        type: 'javascript',
        value: `Array.isArray(output) && output.some((c) => (c.function ?? c).name === ${JSON.stringify(check.name)})`,
      };
    case 'costMax':
      return { type: 'cost', threshold: check.max };
    case 'latencyMax':
      return { type: 'latency', threshold: check.ms };
    case 'tokensMax':
      return { type: 'javascript', value: `(context.tokenUsage?.total ?? 0) <= ${check.max}` };
    case 'graded':
      return { type: 'llm-rubric', value: check.rubric, provider: `openai:chat:${check.model}` };
  }
}

/**
 * The configuration as a promptfooconfig.yaml: the prompt as a chat-message JSON array (promptfoo
 * fills `{{var}}` with Nunjucks, the same syntax), one provider per column with its base URL and
 * parameters (keys stay in the keychain: set OPENAI_API_KEY), the cases as tests.
 */
export function promptfooYaml(
  experiment: Experiment,
  providers: Map<string, Provider>,
): { filename: string; text: string } {
  const prompt = latestPrompt(experiment);
  const { config } = experiment;
  const doc = {
    description: experiment.name,
    prompts: [{ id: `v${experiment.versions.length}`, raw: JSON.stringify(prompt.messages, null, 2) }],
    providers: config.targets.flatMap((target) =>
      config.variants.map((variant) => {
        const provider = providers.get(target.providerId);
        const { response_format: _own, ...rest } = variant.params;
        const params: Record<string, unknown> = { ...rest };
        if (config.seed !== null) params.seed = config.seed;
        // What the variant's requests carry: its own format, else the prompt's; plain text is none.
        const format = variantFormat(prompt, variant);
        if (format) params.response_format = format;
        return {
          id: `openai:chat:${target.model}`,
          label: config.variants.length > 1 ? `${target.model} · ${variant.label}` : target.model,
          config: { ...(provider ? { apiBaseUrl: provider.baseUrl } : {}), ...params },
        };
      }),
    ),
    tests: config.cases.map((c) => ({ vars: c.values })),
    ...(config.checks.length > 0 ? { defaultTest: { assert: config.checks.map(assertion) } } : {}),
    ...(config.k > 1 ? { evaluateOptions: { repeat: config.k } } : {}),
  };
  return { filename: 'promptfooconfig.yaml', text: yaml.dump(doc, { lineWidth: 120, noRefs: true }) };
}
