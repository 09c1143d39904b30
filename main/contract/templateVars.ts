/**
 * `{{name}}` variables in system prompts and messages, filled from a form (threads) or from a
 * test case (experiments). One pure module both sides import, so the composer's "unfilled"
 * warning and main's refusal read the same rule.
 *
 * Filling is a single pass over the template: a value that itself contains `{{x}}` is inserted
 * as written and never expanded again, so a case's text cannot pull in another variable.
 */

/** A name is a letter or `_`, then letters, digits, `_`, `-` or `.`; spaces inside the braces are allowed. */
const VARIABLE = /\{\{\s*([A-Za-z_][\w.-]{0,63})\s*\}\}/g;

/** Filled by the app at send time; a case column or form field may not take these names. */
export const BUILT_IN_VARIABLES = ['date', 'time'] as const;
export type BuiltInVariable = (typeof BUILT_IN_VARIABLES)[number];

export function isBuiltIn(name: string): name is BuiltInVariable {
  return (BUILT_IN_VARIABLES as readonly string[]).includes(name);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `{{date}}` (YYYY-MM-DD) and `{{time}}` (HH:MM), in the user's local time. */
export function builtInValues(now: Date): Record<BuiltInVariable, string> {
  return {
    date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    time: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
  };
}

/** The distinct variable names in `texts`, in order of first use. */
export function variablesIn(...texts: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(VARIABLE)) seen.add(match[1] ?? '');
  return [...seen];
}

/** Names the user must fill: every variable but the built-ins. */
export function userVariablesIn(...texts: readonly string[]): string[] {
  return variablesIn(...texts).filter((name) => !isBuiltIn(name));
}

export interface Filled {
  text: string;
  /** Variables with no value (in order of first use); they stay as written in `text`. */
  missing: string[];
}

/** Replaces each `{{name}}` with its value (built-ins from `now`); unknown names are reported. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>, now: Date): Filled {
  const builtIns = builtInValues(now);
  const missing = new Set<string>();
  const text = template.replace(VARIABLE, (whole, name: string) => {
    if (isBuiltIn(name)) return builtIns[name];
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text, missing: [...missing] };
}

/** The sentence that blocks a send: names every unfilled variable. */
export function missingVariablesMessage(missing: readonly string[]): string {
  const names = missing.map((name) => `{{${name}}}`).join(', ');
  return missing.length === 1
    ? `The variable ${names} has no value: fill it in before sending.`
    : `The variables ${names} have no value: fill them in before sending.`;
}

/** Why a case column or form field cannot be called `name`, or null when it can. */
export function variableNameProblem(name: string): string | null {
  if (isBuiltIn(name)) return `“${name}” is a built-in variable (filled at send time); rename the column.`;
  if (!/^[A-Za-z_][\w.-]{0,63}$/.test(name))
    return `“${name}” is not a variable name: use letters, digits, _, - or . and start with a letter or _.`;
  return null;
}
