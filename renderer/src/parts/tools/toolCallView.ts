import type { Message } from '../../../../main/contract/chat';
import type { ToolDef } from '../../../../main/contract/tools';
import type { JsonIssue } from '../../../../main/contract/jsonSchemaCheck';
import { parseJson } from '../../platform/jsonParse';
import { schemaCheckNow, type SchemaCheck } from '../../platform/schemaCheck';
import { visibleText } from '../../platform/visibleName';

/** A function definition as it went over the wire in the request. */
export interface SentTool {
  name: string;
  parameters: Record<string, unknown> | null;
}

export type ArgumentsState = 'valid' | 'invalid' | 'unparsable' | 'incomplete' | 'unchecked';

export interface ToolCallView {
  id: string;
  name: string;
  /** False when the model called a function it was not offered. */
  known: boolean;
  /** Pretty-printed when the arguments parse; the exact text otherwise. */
  argumentsText: string;
  state: ArgumentsState;
  issues: JsonIssue[];
  cannedResult: string | null;
  /** The tool message that already answered this call, if any. */
  answer: Message | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads the `tools` array out of the exact request body; null when the body is not available. */
export function toolsFromRequestBody(body: string | undefined | null): SentTool[] | null {
  if (!body) return null;
  const parsed = parseJson(body);
  if (!parsed.ok || !isRecord(parsed.value)) return null;
  const tools = parsed.value.tools;
  if (!Array.isArray(tools)) return [];
  const sent: SentTool[] = [];
  for (const entry of tools) {
    const fn = isRecord(entry) && isRecord(entry.function) ? entry.function : null;
    if (fn && typeof fn.name === 'string')
      sent.push({ name: fn.name, parameters: isRecord(fn.parameters) ? fn.parameters : null });
  }
  return sent;
}

/** Tool messages below `assistantId` that answer its calls, keyed by tool_call_id. */
export function answersFor(assistantId: string, messages: readonly Message[]): Map<string, Message> {
  const parentOf = new Map(messages.map((m) => [m.id, m.parentId]));
  const descends = (id: string): boolean => {
    let at = parentOf.get(id) ?? null;
    for (let guard = 0; at !== null && guard < 10_000; guard++) {
      if (at === assistantId) return true;
      at = parentOf.get(at) ?? null;
    }
    return false;
  };
  const answers = new Map<string, Message>();
  for (const m of messages) {
    if (m.role === 'tool' && m.toolCallId !== null && !answers.has(m.toolCallId) && descends(m.id))
      answers.set(m.toolCallId, m);
  }
  return answers;
}

function checkArguments(
  text: string,
  schema: Record<string, unknown> | null,
  streaming: boolean,
  check: SchemaCheck | null,
) {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    if (streaming) return { argumentsText: text, state: 'incomplete' as const, issues: [] };
    const message = text.trim() === '' ? 'the arguments are empty' : `not valid JSON: ${parsed.message}`;
    return { argumentsText: text, state: 'unparsable' as const, issues: [{ path: '$', message }] };
  }
  const argumentsText = JSON.stringify(parsed.value, null, 2);
  if (schema === null || check === null) return { argumentsText, state: 'unchecked' as const, issues: [] };
  const issues = check(parsed.value, schema);
  return { argumentsText, state: issues.length === 0 ? ('valid' as const) : ('invalid' as const), issues };
}

/**
 * Everything the tool-calls block shows for one assistant message. Calls are judged against the
 * tools stored with the message's request (what the model actually saw), never the library as it
 * is now: when no request was stored, calls are shown unchecked.
 */
export function viewToolCalls(
  message: Message,
  sentTools: readonly SentTool[] | null,
  library: readonly ToolDef[],
  threadMessages: readonly Message[],
  /** Null while the check's code loads: the calls show unchecked until it is here. */
  check: SchemaCheck | null = schemaCheckNow(),
): ToolCallView[] {
  const answers = answersFor(message.id, threadMessages);
  const streaming = message.status === 'streaming';
  return (message.toolCalls ?? []).map((call) => {
    const name = call.function.name;
    const sent = sentTools?.find((t) => t.name === name);
    return {
      id: call.id,
      name,
      known: sentTools === null || sent !== undefined,
      ...checkArguments(call.function.arguments, sent?.parameters ?? null, streaming, check),
      cannedResult: library.find((t) => t.name === name)?.cannedResult ?? null,
      answer: answers.get(call.id) ?? null,
    };
  });
}

export type AnswerKind = 'text' | 'canned' | 'error';

export interface CallAnswer {
  kind: AnswerKind;
  text: string;
}

/**
 * The error a call to a function that was not offered gets. The name is the model's, untrusted:
 * its hidden characters are spelled out, so a right-to-left override cannot reorder the text the
 * user reads (and sends back) in the answer box.
 */
export function unknownFunctionText(name: string): string {
  return `Unknown function "${visibleText(name)}"`;
}

/** The answer a call starts with: an error for calls that cannot have run, else empty text. */
export function initialAnswer(call: ToolCallView): CallAnswer {
  if (!call.known) return { kind: 'error', text: unknownFunctionText(call.name) };
  if (call.state === 'invalid' || call.state === 'unparsable') {
    return {
      kind: 'error',
      text: `Invalid arguments: ${call.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
    };
  }
  return { kind: 'text', text: '' };
}

const errorResultContent = (text: string): string =>
  JSON.stringify({ error: text.trim() === '' ? 'The tool failed' : text.trim() });

export type ResultsOutcome =
  | { ok: true; results: { toolCallId: string; name: string; content: string }[] }
  | { ok: false; missing: string[] };

/** Every unanswered call needs an answer; parallel calls go back together in one request. */
export function buildResults(
  calls: readonly ToolCallView[],
  answers: Readonly<Record<string, CallAnswer>>,
): ResultsOutcome {
  const open = calls.filter((c) => c.answer === null);
  const missing: string[] = [];
  const results: { toolCallId: string; name: string; content: string }[] = [];
  for (const call of open) {
    const answer = answers[call.id] ?? initialAnswer(call);
    let content: string | null = null;
    if (answer.kind === 'error') content = errorResultContent(answer.text);
    else if (answer.kind === 'canned') content = call.cannedResult;
    else if (answer.text.trim() !== '') content = answer.text;
    if (content === null) missing.push(call.id);
    else results.push({ toolCallId: call.id, name: call.name, content });
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, results };
}
