/**
 * Token estimates for attempts whose provider reported no usage, with OpenAI's o200k_base
 * encoding (gpt-tokenizer, pure JS). Its 2.4 MB rank table takes ~0.2–0.3 s to load, so it is
 * loaded lazily: call `loadTokenizer()` at startup, off the critical path.
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
