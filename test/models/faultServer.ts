import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultReply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export interface FaultServer {
  /** `http://127.0.0.1:PORT/v1` */
  base: string;
  /** The next replies, in order; when empty the server answers an empty model list. */
  replies: (FaultReply | 'hang')[];
  /** Authorization headers received, in order. */
  authorizations: string[];
  close(): Promise<void>;
}

/** A tiny OpenAI-shaped server for the error paths the mock's /models route has no script for. */
export async function startFaultServer(): Promise<FaultServer> {
  const replies: (FaultReply | 'hang')[] = [];
  const authorizations: string[] = [];
  const server = createServer((req, res) => {
    authorizations.push(req.headers.authorization ?? '');
    const reply = replies.shift() ?? { status: 200, body: JSON.stringify({ object: 'list', data: [] }) };
    if (reply === 'hang') return;
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/v1`,
    replies,
    authorizations,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** A loopback port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
