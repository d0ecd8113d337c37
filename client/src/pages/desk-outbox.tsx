import type { StaffUser } from './desk';

/** Placeholder: being built. */
export function OutboxPage(_props: { user: StaffUser }) {
  return <h1>Outbox</h1>;
}
