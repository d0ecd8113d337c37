import type { StaffUser } from './desk';

/** Placeholder: being built. */
export function AvailabilityEditorPage(_props: { user: StaffUser }) {
  return <h1>Availability</h1>;
}
