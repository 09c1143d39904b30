import { RE2JS } from 're2js';

/**
 * JSON Schema `pattern`s come from whoever wrote a tool or a response format, and the values they
 * are tested against come from the model: a backtracking pattern such as `^([a-zA-Z]+\s?)*$` and a
 * 71-character argument kept JavaScript's RegExp busy for a minute, freezing the window. Both
 * sides test patterns with RE2 (re2js), whose matching time is linear in the input whatever the
 * pattern. RE2 has no lookaround or backreferences: a pattern using them is refused with a reason,
 * once, where the schema is checked, instead of being run.
 */

const compiled = new Map<string, RE2JS>();
const KEPT = 256;

/** The linear-time matcher of a JavaScript-syntax pattern; throws a readable error when it has none. */
export function compilePattern(source: string): RE2JS {
  const hit = compiled.get(source);
  if (hit) return hit;
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(source));
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    const hint = /\(\?[=!<]|\\[1-9]/.test(source)
      ? 'lookahead, lookbehind and backreferences cannot be checked in bounded time'
      : why;
    throw new Error(`Invalid regular expression: /${source}/u: ${hint}`, { cause: error });
  }
  if (compiled.size >= KEPT) compiled.clear();
  compiled.set(source, re);
  return re;
}

/** What the validators need of a RegExp: `test`, and a stable text for caching. */
export interface PatternMatcher {
  test(input: string): boolean;
  toString(): string;
  readonly source: string;
}

/** A RegExp look-alike backed by RE2: what Ajv's `code.regExp` option and the value checks use. */
export function linearRegExp(source: string, flags = ''): PatternMatcher {
  const re = compilePattern(source);
  return { source, test: (input: string) => re.test(input), toString: () => `/${source}/${flags}` };
}

/**
 * Runs `check` (a synchronous schema validation) with every `new RegExp(pattern)` it makes backed by
 * RE2. @cfworker/json-schema builds its `pattern` and `patternProperties` matchers with the global
 * RegExp and has no option for another engine; regex literals, which it uses for everything else,
 * are not affected. Nothing else can run while `check` does, and the global is restored after.
 */
export function withLinearPatterns<T>(check: () => T): T {
  const native = globalThis.RegExp;
  const linear = function RegExp(source: string | RegExp, flags?: string) {
    return linearRegExp(typeof source === 'string' ? source : source.source, flags);
  };
  globalThis.RegExp = linear as unknown as RegExpConstructor;
  try {
    return check();
  } finally {
    globalThis.RegExp = native;
  }
}
