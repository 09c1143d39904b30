import type { Preset } from '../contract';

export { DEFAULT_TIMEOUTS } from '../contract';

/**
 * The confidential service's host differs per deployment, so its preset carries a placeholder
 * the user replaces (the `.example` TLD never resolves, so a forgotten edit fails loudly).
 */
export const PRESETS: readonly Preset[] = [
  {
    id: 'confidential',
    name: 'Confidential LLM service',
    baseUrl: 'https://llm.example/api/v1',
    authKinds: ['jwt', 'oauth'],
    description:
      'OpenAI-compatible API whose access token scopes decide which models you may use (llm-confidential, llm-other, llm-all). Replace the host with your service’s, then paste an access token or sign in.',
  },
  {
    id: 'near-ai',
    name: 'NEAR AI Cloud',
    baseUrl: 'https://cloud-api.near.ai/v1',
    authKinds: ['api-key'],
    description:
      'Private inference in TEEs (Intel TDX + NVIDIA confidential computing). Each answer is signed and checked against its attestation report (/v1/attestation/report). Paste an API key from cloud.near.ai.',
  },
  {
    id: 'galadriel',
    name: 'Galadriel',
    baseUrl: 'https://api.galadriel.com/v1',
    authKinds: ['api-key'],
    description: 'Galadriel inference network. Paste an API key from your Galadriel dashboard.',
  },
  {
    id: 'openai-compatible',
    name: 'OpenAI-compatible',
    baseUrl: '',
    authKinds: ['api-key', 'jwt', 'oauth', 'none'],
    description:
      'Any service that speaks the OpenAI chat completions API. Enter its base URL (ending in /v1 or similar).',
  },
];
