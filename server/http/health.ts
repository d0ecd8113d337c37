import type { Request, Response } from 'express';
import type { Database } from '../db';
import { readSchemaStatusWith } from '../migrate';
import { appVersion } from '../version';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../errors';

/**
 * GET /healthz: 200 when the database answers and its schema is current,
 * 503 otherwise, with the facts either way (for load balancers and humans).
 * While the database is unreachable: 503 `database_unreachable` with
 * Retry-After, so a load balancer takes the instance out until it recovers.
 */
export function healthHandler(database: Database) {
  return async (_request: Request, response: Response) => {
    const started = performance.now();
    try {
      // Not queued behind a long transaction (an import batch): see Database.probe.
      const query = database.probe?.bind(database) ?? ((sql: string) => database.prisma.$queryRawUnsafe<unknown[]>(sql));
      await query('SELECT 1');
      const schema = await readSchemaStatusWith(query, database.provider);
      const ok = schema.pending.length === 0;
      response.status(ok ? 200 : 503).json({
        status: ok ? 'ok' : 'schema_outdated',
        version: appVersion,
        database: {
          provider: database.provider,
          reachable: true,
          schemaVersion: schema.version,
          pendingMigrations: schema.pending,
          latencyMs: Math.round((performance.now() - started) * 10) / 10,
        },
      });
    } catch {
      response.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      response.status(503).json({
        status: 'database_unreachable',
        version: appVersion,
        database: { provider: database.provider, reachable: false, schemaVersion: null, pendingMigrations: [] },
      });
    }
  };
}
