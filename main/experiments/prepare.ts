import type {
  ExperimentConfig,
  ExperimentPrompt,
  ModelTarget,
  ParamVariant,
  ResponseFormat,
  RunColumn,
  TestCase,
  ThreadSettings,
} from '../contract';
import { fillTemplate, missingVariablesMessage } from '../contract';
import { checkParametersSchema } from '../tools/schema';

/** Columns are every model × every variant, in the order the user listed them. */
export function columnsOf(config: ExperimentConfig): RunColumn[] {
  return config.targets.flatMap((target) =>
    config.variants.map((variant) => ({
      key: `${target.providerId}|${target.model}|${variant.id}`,
      providerId: target.providerId,
      model: target.model,
      variantId: variant.id,
      label: config.variants.length > 1 ? `${target.model} · ${variant.label}` : target.model,
    })),
  );
}

export interface FilledPrompt {
  systemPrompt: string;
  /** Turns before the one sent (user / assistant), already filled. */
  history: { role: 'user' | 'assistant'; content: string }[];
  /** The last user turn: what is sent. */
  content: string;
}

/** The prompt with a case's values in place; a variable the case lacks is refused by name. */
export function fillPrompt(
  prompt: ExperimentPrompt,
  values: Readonly<Record<string, string>>,
  now: Date,
): { ok: true; filled: FilledPrompt } | { ok: false; message: string } {
  const missing = new Set<string>();
  const system: string[] = [];
  const turns: { role: 'user' | 'assistant'; content: string }[] = [];
  for (const message of prompt.messages) {
    const filled = fillTemplate(message.content, values, now);
    filled.missing.forEach((name) => missing.add(name));
    if (message.role === 'system') system.push(filled.text);
    else turns.push({ role: message.role, content: filled.text });
  }
  if (missing.size > 0) return { ok: false, message: missingVariablesMessage([...missing]) };
  const last = turns[turns.length - 1];
  if (!last || last.role !== 'user')
    return {
      ok: false,
      message: 'The prompt must end with a user message: that is the turn each case sends.',
    };
  return {
    ok: true,
    filled: { systemPrompt: system.join('\n\n'), history: turns.slice(0, -1), content: last.content },
  };
}

/**
 * What a cell's thread stores: the system prompt and user turns as written, with the case's
 * values as the thread's variables, so the chat engine fills them into the request in one pass
 * (and the thread, opened later, keeps its variables). Assistant turns of the prompt are filled
 * here, since the engine never fills answers.
 */
export function cellThreadPrompt(
  prompt: ExperimentPrompt,
  values: Readonly<Record<string, string>>,
  now: Date,
): FilledPrompt {
  const system: string[] = [];
  const turns: { role: 'user' | 'assistant'; content: string }[] = [];
  for (const message of prompt.messages) {
    if (message.role === 'system') system.push(message.content);
    else if (message.role === 'user') turns.push({ role: 'user', content: message.content });
    else turns.push({ role: 'assistant', content: fillTemplate(message.content, values, now).text });
  }
  return {
    systemPrompt: system.join('\n\n'),
    history: turns.slice(0, -1),
    content: turns[turns.length - 1]?.content ?? '',
  };
}

/**
 * The response format a variant's requests carry and its JSON checks read: the variant's own if it
 * has one, else the prompt's. A variant's own `text` overrides a prompt's JSON format; since plain
 * text is what providers do anyway, it is sent as no format at all (null).
 */
export function variantFormat(prompt: ExperimentPrompt, variant: ParamVariant): ResponseFormat | null {
  const format = variant.params.response_format ?? prompt.responseFormat ?? null;
  return format?.type === 'text' ? null : format;
}

/** A cell's thread settings: the column's model and variant, the experiment's seed, the prompt's tools and format. */
export function cellSettings(
  prompt: ExperimentPrompt,
  config: ExperimentConfig,
  target: ModelTarget,
  variant: ParamVariant,
  systemPrompt: string,
  values: Readonly<Record<string, string>>,
): ThreadSettings {
  const params = { ...variant.params };
  if (config.seed !== null) params.seed = config.seed;
  const format = variantFormat(prompt, variant);
  if (format) params.response_format = format;
  else delete params.response_format;
  return {
    providerId: target.providerId,
    model: target.model,
    systemPrompt,
    params,
    toolIds: prompt.toolIds,
    // A tool call is the answer being judged: nothing answers it automatically.
    toolMode: 'manual',
    maxToolRounds: 1,
    variables: { ...values },
  };
}

/** Problems that stop a run before anything is sent, each naming what to fix. */
export function configProblems(prompt: ExperimentPrompt, config: ExperimentConfig): string[] {
  const problems: string[] = [];
  if (config.targets.length === 0) problems.push('Add at least one model.');
  if (config.cases.length === 0) problems.push('Add at least one test case.');
  const at = new Date(0);
  const lacking = new Map<string, number>();
  let shapeProblem: string | null = null;
  for (const testCase of config.cases) {
    const filled = fillPrompt(prompt, testCase.values, at);
    if (filled.ok) continue;
    if (!filled.message.startsWith('The variable')) shapeProblem = filled.message;
    for (const match of filled.message.matchAll(/\{\{([^}]+)\}\}/g)) {
      const name = match[1] ?? '';
      lacking.set(name, (lacking.get(name) ?? 0) + 1);
    }
  }
  if (config.cases.length === 0) {
    const filled = fillPrompt(prompt, {}, at);
    if (!filled.ok && !filled.message.startsWith('The variable')) shapeProblem = filled.message;
  }
  if (shapeProblem) problems.push(shapeProblem);
  problems.push(...formatProblems(prompt, config));
  for (const [name, count] of lacking)
    problems.push(
      `{{${name}}} has no value in ${count} case${count === 1 ? '' : 's'}: add a column “${name}”.`,
    );
  return problems;
}

/** A JSON schema format must hold a schema the provider can use: an object schema Ajv compiles. */
function formatProblems(prompt: ExperimentPrompt, config: ExperimentConfig): string[] {
  const problem = (format: ResponseFormat | null | undefined, whose: string): string[] => {
    const schema = format?.type === 'json_schema' ? format.json_schema.schema : undefined;
    const issue = schema === undefined ? undefined : checkParametersSchema(schema)[0];
    if (!issue) return [];
    const message = issue.message.replace(
      /tool arguments are an object of named fields/,
      'the answer is an object',
    );
    return [`${whose} is not valid: ${issue.path || '/'} ${message}.`];
  };
  return [
    ...problem(prompt.responseFormat, 'The prompt’s response schema'),
    ...config.variants.flatMap((v) =>
      problem(v.params.response_format, `The response schema of variant “${v.label}”`),
    ),
  ];
}

export function caseLabel(testCase: TestCase, index: number): string {
  const first = Object.values(testCase.values)[0] ?? '';
  return `#${index + 1} ${first.slice(0, 40)}`;
}
