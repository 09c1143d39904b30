import { GALADRIEL_API_KEY, mintJwt, startMockProvider } from './index';

/** `npm run mock-provider`: a long-running demo backend with ready-to-paste credentials. */
const DAY_SEC = 24 * 60 * 60;

const port = Number(process.env.PORT ?? '4100');
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number, got ${process.env.PORT ?? ''}`);
  process.exit(2);
}

const mock = await startMockProvider({ port });
const token = (scope: string): string =>
  mintJwt({ scopes: [scope], expiresInSec: DAY_SEC, sub: `demo-${scope}` });

console.log(`Mock provider listening on ${mock.url}

Confidential LLM service (JWT):  ${mock.confidentialBase}
  OAuth metadata:                ${mock.url}/.well-known/oauth-authorization-server
Galadriel (API key):             ${mock.galadrielBase}
  API key:                       ${GALADRIEL_API_KEY}

JWTs, valid 24 h:
  llm-confidential  ${token('llm-confidential')}
  llm-other         ${token('llm-other')}
  llm-all           ${token('llm-all')}

Script faults with POST ${mock.url}/__mock/script. Ctrl+C to stop.`);

process.once('SIGINT', () => {
  void mock.close().then(() => process.exit(0));
});
process.once('SIGTERM', () => {
  void mock.close().then(() => process.exit(0));
});
