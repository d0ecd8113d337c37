import type { Db } from '../db';
import type { Config } from '../env';
import type { AuditActor } from '../audit/record-audit-event';

/** What every request-workflow function needs besides its input. */
export interface WorkflowContext {
  db: Db;
  config: Pick<Config, 'publicUrl' | 'mailFrom' | 'requestLimits'>;
  actor: AuditActor;
  ip?: string;
  now: Date;
}

export function hostOf(publicUrl: string): string {
  return new URL(publicUrl).host;
}
