// A real HTTP receiver on 127.0.0.1 for webhook and alert tests: records every
// request (headers and raw body) and answers as the test says: "up" (204),
// "down" (the connection is cut, as a crashed receiver does), or "slow" (the
// answer comes after `delayMs`).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Whether this request was answered 2xx (accepted). */
  accepted: boolean;
  at: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedRequest[];
  mode: 'up' | 'down' | 'slow';
  delayMs: number;
  close(): Promise<void>;
}

export async function startWebhookReceiver(options: { mode?: WebhookReceiver['mode']; delayMs?: number } = {}): Promise<WebhookReceiver> {
  const sockets = new Set<import('node:net').Socket>();
  const receiver: WebhookReceiver = { url: '', received: [], mode: options.mode ?? 'up', delayMs: options.delayMs ?? 10_000, close: async () => {} };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: ReceivedRequest = { path: request.url ?? '/', headers: request.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8'), accepted: false, at: Date.now() };
      receiver.received.push(entry);
      if (receiver.mode === 'down') return request.socket.destroy();
      const answer = () => {
        entry.accepted = true;
        response.writeHead(204).end();
      };
      if (receiver.mode === 'slow') setTimeout(answer, receiver.delayMs).unref();
      else answer();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return receiver;
}
