/**
 * Token estimates for attempts whose provider reported no usage, with OpenAI's o200k_base
 * encoding (gpt-tokenizer, pure JS). Its 2.4 MB rank table holds main for ~0.4 s as it loads
 * (Node 24), so it is loaded lazily: `loadTokenizerWhenQuiet()` at startup, off the critical path.
 */
type Counter = (text: string) => number;

let counter: Counter | null = null;
let loading: Promise<void> | null = null;

export function loadTokenizer(): Promise<void> {
  loading ??= import('gpt-tokenizer/encoding/o200k_base').then((module) => {
    counter = module.countTokens;
  });
  return loading;
}

export const tokenizerReady = (): boolean => counter !== null;

/** How often a deferred load looks again whether main is quiet. */
export const QUIET_POLL_MS = 500;

/**
 * Loads the tokenizer once `quiet()` holds (no answer streaming): parsing it holds main, and an
 * answer arriving meanwhile would stop on screen for as long. Looks again every QUIET_POLL_MS;
 * a count asked for before then loads it at once (`estimateTokens`).
 */
export function loadTokenizerWhenQuiet(
  quiet: () => boolean,
  load: () => Promise<void> = loadTokenizer,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const attempt = () => {
      if (!quiet()) {
        setTimeout(attempt, QUIET_POLL_MS).unref();
        return;
      }
      load().then(resolve, reject);
    };
    attempt();
  });
}

/** Bytes per token of o200k_base on mixed English prose and code; used only before the tokenizer loads. */
const BYTES_PER_TOKEN = 4;

/**
 * Tokens in `text` by o200k_base. In the fraction of a second before the tokenizer has loaded
 * the count is approximated from the UTF-8 length (the row is marked estimated either way).
 */
export function estimateTokens(text: string): number {
  if (text === '') return 0;
  if (counter) return counter(text);
  void loadTokenizer();
  return Math.ceil(new TextEncoder().encode(text).length / BYTES_PER_TOKEN);
}
