import { isSignInProblem } from './oauth';

/** A connection's failures in words that say what to do, and the checks its transports make. */

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** Why a start failed: a missing command, a handshake that never came, a refused sign-in… */
export function startFailureWords(
  error: unknown,
  spec: { command: string; handshakeTimeoutMs: number },
  lastStderrLine: string | undefined | null,
): string {
  const message = error instanceof Error ? error.message : String(error);
  if (isSignInProblem(error))
    return error instanceof Error && error.name === 'SignInNeeded'
      ? message
      : 'The server refused the saved sign-in. Sign in again to use this server.';
  if (/timed out|timeout/i.test(message))
    return `The server did not answer the MCP handshake within ${seconds(spec.handshakeTimeoutMs)}. It may be waiting for input, or not be an MCP server.`;
  if (/ENOENT/.test(message)) return `The command "${spec.command}" could not be started: it was not found.`;
  if (/EACCES/.test(message)) return `The command "${spec.command}" is not executable.`;
  if (/Connection closed/i.test(message))
    return `The server exited during the handshake.${lastStderrLine ? ` Its last line on stderr: ${lastStderrLine.slice(0, 300)}` : ''}`;
  return `Could not connect: ${message.slice(0, 300)}`;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '::1';
}

/** A 4xx on the first POST means the server does not speak streamable HTTP (the spec's fallback rule). */
export function isNotStreamable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && code >= 400 && code < 500;
}
