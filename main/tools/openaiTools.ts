import type { SchemaIssue, ToolDef } from '../contract';
import { parseJsonText } from './jsonText';
import { checkFunctionName, checkParametersSchema } from './schema';

export interface ImportedTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const EMPTY_PARAMETERS = { type: 'object', properties: {} };

/**
 * Reads an OpenAI `tools` array (`[{type: 'function', function: {name, description, parameters}}]`).
 * Also accepted: a whole request body with a `tools` field, and bare `{name, parameters}` function
 * objects (the older `functions` form). All tools are checked; issues point into the pasted JSON.
 */
export function parseToolsArray(text: string): { tools: ImportedTool[]; issues: SchemaIssue[] } {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { tools: [], issues: [parsed.issue] };
  let root = parsed.value;
  let base = '';
  if (isRecord(root) && Array.isArray(root.tools)) {
    root = root.tools;
    base = '/tools';
  } else if (isRecord(root) && Array.isArray(root.functions)) {
    root = root.functions;
    base = '/functions';
  }
  if (!Array.isArray(root))
    return {
      tools: [],
      issues: [{ path: '', message: 'must be an array of tools: [{"type": "function", "function": {…}}]' }],
    };
  const tools: ImportedTool[] = [];
  const issues: SchemaIssue[] = [];
  const names = new Set<string>();
  root.forEach((item: unknown, index) => {
    const wrapped = isRecord(item) && item.type === 'function' && isRecord(item.function);
    const fn = wrapped ? (item as { function: Record<string, unknown> }).function : item;
    const at = `${base}/${index}${wrapped ? '/function' : ''}`;
    if (!isRecord(fn) || (isRecord(item) && item.type !== undefined && item.type !== 'function')) {
      issues.push({
        path: `${base}/${index}`,
        message: 'must be {"type": "function", "function": {"name": …, "parameters": …}}',
      });
      return;
    }
    const name = typeof fn.name === 'string' ? fn.name : '';
    const parameters = fn.parameters === undefined ? EMPTY_PARAMETERS : fn.parameters;
    const description = typeof fn.description === 'string' ? fn.description : '';
    const found = [
      ...checkFunctionName(name),
      ...checkParametersSchema(parameters).map((i) => ({ ...i, path: `/parameters${i.path}` })),
    ];
    if (names.has(name)) found.push({ path: '/name', message: `"${name}" appears twice in the list` });
    names.add(name);
    issues.push(...found.map((i) => ({ ...i, path: `${at}${i.path}` })));
    if (found.length === 0 && isRecord(parameters)) tools.push({ name, description, parameters });
  });
  return { tools, issues };
}

/** The OpenAI `tools` array for these definitions, pretty-printed (canned results stay in the app). */
export function toolsArrayText(tools: readonly ToolDef[]): string {
  const array = tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
  return `${JSON.stringify(array, null, 2)}\n`;
}
