/**
 * A recorded-looking OpenAI stream, generated so benchmarks need no fixture files: `chunks`
 * content frames (about 200 bytes each, like the real thing), optionally with logprobs on every
 * token and two parallel tool calls whose arguments arrive as fragments in between.
 */
export interface RecordedStream {
  bytes: Uint8Array;
  /** The answer text the stream carries, to check every engine got it all. */
  content: string;
  frames: number;
}

const WORDS = [
  ' the',
  ' quick',
  ' brown',
  ' fox',
  ' jumps',
  ' over',
  ' lazy',
  ' dog',
  ',',
  ' naïve',
  ' café',
  ' 東京',
  ' 😀',
  '.',
  '\n',
];

export function recordedStream(chunks: number, rich = false): RecordedStream {
  const head = `"id":"chatcmpl-9xQb7Yw2Jc1zR4k","object":"chat.completion.chunk","created":1750000000,"model":"phala/gpt-oss-120b","system_fingerprint":"fp_8c3e1a2b"`;
  const parts: string[] = [];
  const frame = (choice: unknown) => parts.push(`data: {${head},"choices":[${JSON.stringify(choice)}]}\n\n`);
  frame({ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null });
  let content = '';
  let frames = 1;
  for (let i = 0; i < chunks; i += 1) {
    if (rich && i % 4 === 3) {
      const call = (i >> 2) % 2;
      const fragment =
        i < 8
          ? {
              index: call,
              id: `call_${call}abc`,
              type: 'function',
              function: { name: call === 0 ? 'get_weather' : 'search_web', arguments: '' },
            }
          : { index: call, function: { arguments: `{"k${i}":"v"}`.slice(0, 12) } };
      frame({ index: 0, delta: { tool_calls: [fragment] }, logprobs: null, finish_reason: null });
    } else {
      const token = WORDS[i % WORDS.length] ?? ' ';
      content += token;
      const logprobs = rich
        ? {
            content: [
              {
                token,
                logprob: -0.0123,
                bytes: [...Buffer.from(token)],
                top_logprobs: [
                  { token, logprob: -0.0123, bytes: [...Buffer.from(token)] },
                  { token: ' a', logprob: -4.5, bytes: [32, 97] },
                ],
              },
            ],
            refusal: null,
          }
        : null;
      frame({ index: 0, delta: { content: token }, logprobs, finish_reason: null });
    }
    frames += 1;
  }
  frame({ index: 0, delta: {}, logprobs: null, finish_reason: rich ? 'tool_calls' : 'stop' });
  parts.push(
    `data: {${head},"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":${chunks},"total_tokens":${chunks + 12}}}\n\n`,
  );
  parts.push('data: [DONE]\n\n');
  return { bytes: new TextEncoder().encode(parts.join('')), content, frames: frames + 2 };
}

/** The bytes as a network would hand them over: fixed-size reads that cut frames and characters anywhere. */
export function networkChunks(bytes: Uint8Array, size = 16 * 1024): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size)
    out.push(bytes.subarray(at, Math.min(bytes.length, at + size)));
  return out;
}
