import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app';
import type { Config } from '../../server/env';
import type { Database } from '../../server/db';
import { silentLogger } from './context';
import type { Logger } from '../../server/logger';

/** The real Express app on an ephemeral 127.0.0.1 port; close() stops it. */
export async function startTestHttpServer(database: Database, config: Config, logger: Logger = silentLogger, now?: () => Date) {
  const app = createApp({ database, config, logger, now });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
