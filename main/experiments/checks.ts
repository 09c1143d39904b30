import { RE2JS } from 're2js';
import type { Check, CheckResult, ResponseFormat } from '../contract';
import { fillTemplate } from '../contract';
import { checkAgainstSchema } from '../contract/jsonSchemaCheck';

/** What a check looks at: one answer as stored, with its ledger figures. */
export interface CellOutcome {
  answer: string;
  toolCalls: { name: string; arguments: string }[];
  cost: number | null;
  latencyMs: number | null;
  tokens: number;
}

/** Runs a rubric on a model; resolves to the grader's verdict and reasoning. */
export type Grader = (
  check: Extract<Check, { type: 'graded' }>,
  outcome: CellOutcome,
) => Promise<{ pass: boolean; reasoning: string }>;

/** Evidence quoted from an answer is cut here: the grid shows it in a line or two. */
const EVIDENCE_CHARS = 160;
/** An answer longer than this is matched on its first part only (RE2 is linear, but a bound is a bound). */
export const REGEX_INPUT_LIMIT = 1_000_000;

const quote = (text: string): string =>
  `“${text.length > EVIDENCE_CHARS ? `${text.slice(0, EVIDENCE_CHARS)}…` : text}”`;

function around(text: string, index: number, length: number): string {
  const from = Math.max(0, index - 40);
  const to = Math.min(text.length, index + length + 40);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/**
 * A check's texts may name the case's variables (`contains {{expected}}`): each case is judged
 * against its own values. A variable the case lacks stays as written, so the check fails visibly.
 */
export function fillCheck(check: Check, values: Readonly<Record<string, string>>, now: Date): Check {
  const fill = (text: string): string => fillTemplate(text, values, now).text;
  switch (check.type) {
    case 'contains':
    case 'notContains':
    case 'equals':
      return { ...check, value: fill(check.value) };
    case 'graded':
      return { ...check, rubric: fill(check.rubric) };
    default:
      return check;
  }
}

/** A short name for a check, shown beside its verdict. */
export function checkLabel(check: Check): string {
  switch (check.type) {
    case 'contains':
      return `contains ${quote(check.value)}`;
    case 'notContains':
      return `does not contain ${quote(check.value)}`;
    case 'regex':
      return `matches /${check.pattern}/${check.flags}`;
    case 'equals':
      return `equals ${quote(check.value)}`;
    case 'jsonSchema':
      return 'JSON valid against the schema';
    case 'toolCalled':
      return `calls ${check.name}`;
    case 'costMax':
      return `cost ≤ ${check.max}`;
    case 'latencyMax':
      return `latency ≤ ${check.ms} ms`;
    case 'tokensMax':
      return `tokens ≤ ${check.max}`;
    case 'graded':
      return `graded by ${check.model}`;
  }
}

function containsCheck(answer: string, value: string, ignoreCase: boolean): number {
  return ignoreCase ? answer.toLowerCase().indexOf(value.toLowerCase()) : answer.indexOf(value);
}

/**
 * RE2 (re2js) matches in time linear in the answer whatever the pattern, so a pattern that
 * would backtrack for ever under JavaScript's RegExp ends here; RE2 refuses lookaround and
 * backreferences, which the check reports as its evidence.
 */
export function regexCheck(
  answer: string,
  pattern: string,
  flags: string,
): { pass: boolean; evidence: string } {
  let re: RE2JS;
  try {
    let bits = 0;
    if (flags.includes('i')) bits |= RE2JS.CASE_INSENSITIVE;
    if (flags.includes('s')) bits |= RE2JS.DOTALL;
    if (flags.includes('m')) bits |= RE2JS.MULTILINE;
    re = RE2JS.compile(RE2JS.translateRegExp(pattern), bits);
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    const hint = /\(\?[=!<]|\\[1-9]/.test(pattern)
      ? 'lookahead, lookbehind and backreferences cannot be run in bounded time'
      : why;
    return { pass: false, evidence: `The pattern cannot be used: ${hint}.` };
  }
  const input = answer.length > REGEX_INPUT_LIMIT ? answer.slice(0, REGEX_INPUT_LIMIT) : answer;
  const matcher = re.matcher(input);
  if (!matcher.find()) return { pass: false, evidence: 'No match in the answer.' };
  const found = matcher.group() ?? '';
  return { pass: true, evidence: `Matched ${quote(found)}.` };
}

function schemaEvidence(
  value: unknown,
  schema: Record<string, unknown>,
): { pass: boolean; evidence: string } {
  const issues = checkAgainstSchema(value, schema);
  if (issues.length === 0) return { pass: true, evidence: 'Valid against the schema.' };
  const first = issues[0];
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  return { pass: false, evidence: `${first?.path || '/'}: ${first?.message ?? 'invalid'}${more}` };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; why: string } {
  const trimmed = text.trim().replace(/^```(?:json)?\s*\n([\s\S]*?)\n```$/, '$1');
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch (error) {
    return { ok: false, why: error instanceof Error ? error.message : String(error) };
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  return value;
}

function toolCheck(
  check: Extract<Check, { type: 'toolCalled' }>,
  outcome: CellOutcome,
): { pass: boolean; evidence: string } {
  const calls = outcome.toolCalls.filter((c) => c.name === check.name);
  if (calls.length === 0) {
    const names = outcome.toolCalls.map((c) => c.name);
    return {
      pass: false,
      evidence: names.length ? `Called ${names.join(', ')} instead.` : 'No tool was called.',
    };
  }
  let last = '';
  for (const call of calls) {
    const parsed = parseJson(call.arguments || '{}');
    if (!parsed.ok) {
      last = `Arguments are not JSON: ${parsed.why}`;
      continue;
    }
    if (check.argsSchema) {
      const verdict = schemaEvidence(parsed.value, check.argsSchema);
      if (!verdict.pass) {
        last = `Arguments ${verdict.evidence}`;
        continue;
      }
    }
    if (check.argsEqual) {
      const args = (parsed.value ?? {}) as Record<string, unknown>;
      const wrong = Object.entries(check.argsEqual).find(([key, want]) => !deepEqual(args[key], want));
      if (wrong) {
        last = `${wrong[0]} is ${JSON.stringify(args[wrong[0]]) ?? 'missing'}, expected ${JSON.stringify(wrong[1])}.`;
        continue;
      }
    }
    return { pass: true, evidence: `Called ${check.name}(${call.arguments.slice(0, EVIDENCE_CHARS)}).` };
  }
  return { pass: false, evidence: last };
}

/** One check's verdict and evidence; never throws (a broken check fails with its reason). */
export async function runCheck(
  check: Check,
  outcome: CellOutcome,
  context: { responseFormat: ResponseFormat | null; grade?: Grader },
): Promise<CheckResult> {
  const verdict = await judge(check, outcome, context).catch((error: unknown) => ({
    pass: false,
    evidence: `The check could not run: ${error instanceof Error ? error.message : String(error)}`,
  }));
  return { type: check.type, label: checkLabel(check), ...verdict };
}

/** Every check but the graded one: pure and synchronous, so it can run in the checks worker. */
export type LocalCheck = Exclude<Check, { type: 'graded' }>;
export interface Verdict {
  pass: boolean;
  evidence: string;
}

async function judge(
  check: Check,
  outcome: CellOutcome,
  context: { responseFormat: ResponseFormat | null; grade?: Grader },
): Promise<Verdict> {
  if (check.type !== 'graded') return judgeLocal(check, outcome, context.responseFormat);
  if (!context.grade) return { pass: false, evidence: 'No grader available.' };
  const graded = await context.grade(check, outcome);
  return { pass: graded.pass, evidence: graded.reasoning };
}

/** One local check's verdict; throws only on a bug (the caller words it as the evidence). */
export function judgeLocal(
  check: LocalCheck,
  outcome: CellOutcome,
  responseFormat: ResponseFormat | null,
): Verdict {
  const { answer } = outcome;
  switch (check.type) {
    case 'contains': {
      const at = containsCheck(answer, check.value, check.ignoreCase);
      return at >= 0
        ? { pass: true, evidence: `Found in ${quote(around(answer, at, check.value.length))}.` }
        : { pass: false, evidence: `${quote(check.value)} is not in the answer.` };
    }
    case 'notContains': {
      const at = containsCheck(answer, check.value, check.ignoreCase);
      return at < 0
        ? { pass: true, evidence: `${quote(check.value)} is not in the answer.` }
        : { pass: false, evidence: `Found in ${quote(around(answer, at, check.value.length))}.` };
    }
    case 'regex':
      return regexCheck(answer, check.pattern, check.flags);
    case 'equals': {
      const got = check.trim ? answer.trim() : answer;
      const want = check.trim ? check.value.trim() : check.value;
      return got === want
        ? { pass: true, evidence: 'The answer is exactly the expected text.' }
        : { pass: false, evidence: `Got ${quote(got)}.` };
    }
    case 'jsonSchema': {
      const parsed = parseJson(answer);
      if (!parsed.ok) return { pass: false, evidence: `Not JSON: ${parsed.why}` };
      const schema =
        check.schema ??
        (responseFormat?.type === 'json_schema' ? (responseFormat.json_schema.schema ?? null) : null);
      return schema
        ? schemaEvidence(parsed.value, schema)
        : { pass: true, evidence: 'Valid JSON (no schema given).' };
    }
    case 'toolCalled':
      return toolCheck(check, outcome);
    case 'costMax':
      if (outcome.cost === null) return { pass: false, evidence: 'No cost known (no price for this model).' };
      return { pass: outcome.cost <= check.max, evidence: `Cost ${outcome.cost.toPrecision(3)}.` };
    case 'latencyMax':
      if (outcome.latencyMs === null) return { pass: false, evidence: 'No latency measured.' };
      return { pass: outcome.latencyMs <= check.ms, evidence: `${Math.round(outcome.latencyMs)} ms.` };
    case 'tokensMax':
      return { pass: outcome.tokens <= check.max, evidence: `${outcome.tokens} tokens.` };
  }
}

/** The grader's prompt: the rubric, the answer, and the one-word verdict it must end with. */
export function graderPrompt(rubric: string, answer: string): string {
  return [
    'You grade an answer against a rubric. Explain your reasoning briefly, then end with a line',
    'that says exactly PASS or FAIL.',
    '',
    `Rubric:\n${rubric}`,
    '',
    `Answer:\n${answer}`,
  ].join('\n');
}

/** Reads the grader's verdict: the last PASS or FAIL it wrote wins; neither is a fail. */
export function readVerdict(text: string): { pass: boolean; reasoning: string } {
  const words = [...text.matchAll(/\b(PASS|FAIL)\b/g)];
  const last = words[words.length - 1]?.[1];
  const reasoning = text.trim() || '(the grader wrote nothing)';
  if (!last) return { pass: false, reasoning: `No PASS or FAIL in the grader's answer: ${reasoning}` };
  return { pass: last === 'PASS', reasoning };
}
