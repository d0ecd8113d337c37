import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMessage {
  /** SMTP envelope. */
  from: string;
  to: string[];
  /** The message exactly as received after DATA. */
  raw: Buffer;
}

export interface TestSmtpServer {
  url: string;
  port: number;
  received: ReceivedMessage[];
  /** TCP connections accepted so far. */
  connections(): number;
  /** Resolves with the next message received (or an already received one not yet taken). */
  nextMessage(): Promise<ReceivedMessage>;
  close(): Promise<void>;
}

export interface TestSmtpServerOptions {
  port?: number;
  /** A slow relay: waits this long after the message's last byte before answering 250. */
  acceptDelayMs?: number;
  /**
   * Runs after the message was received and before the server answers 250
   * (e.g. to cut the database connection "right after SMTP accepted").
   */
  beforeAccept?: (message: ReceivedMessage) => Promise<void> | void;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 and a random port: no TLS
 * (STARTTLS disabled), authentication optional. Recipients whose address
 * starts with "reject" are refused with 550. A message counts as received
 * once the server has answered 250 for it. Test-only.
 */
export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMessage[] = [];
  const waiting: Array<(message: ReceivedMessage) => void> = [];
  let taken = 0;
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Many pooled connections at once in the load tests.
    maxClients: 1000,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('reject')) {
        const error = Object.assign(new Error('No such user here'), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const message: ReceivedMessage = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks),
        };
        void (async () => {
          if (options.acceptDelayMs) await new Promise((resolve) => setTimeout(resolve, options.acceptDelayMs));
          await options.beforeAccept?.(message);
          received.push(message);
          const waiter = waiting.shift();
          if (waiter) {
            taken += 1;
            waiter(message);
          }
          callback();
        })();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    connections: () => connections,
    nextMessage() {
      if (taken < received.length) return Promise.resolve(received[taken++]!);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
