import type { Db } from '../db';
import type { Config } from '../env';
import type { AuditActor } from '../audit/record-audit-event';

/** What every request-workflow function needs besides its input. */
export interface WorkflowContext {
  db: Db;
  config: Pick<Config, 'publicUrl' | 'mailFrom' | 'requestLimits' | 'holds'>;
  actor: AuditActor;
  ip?: string;
  now: Date;
}

/** Host names that fit the right-hand side of a Message-ID (RFC 5322 dot-atom). */
const DOT_ATOM_HOST = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/;

/**
 * The domain part for the Message-IDs and invite UIDs we mint. The host name
 * only: a port ("localhost:3000", the default PUBLIC_URL) is not allowed in a
 * Message-ID, and invites carrying one were refused at delivery and went dead.
 * An IPv6 literal does not fit either; the id's random left part keeps it
 * unique whatever the domain, so "localhost" stands in.
 */
export function hostOf(publicUrl: string): string {
  const { hostname } = new URL(publicUrl);
  return DOT_ATOM_HOST.test(hostname) ? hostname : 'localhost';
}
