import type { StaffUser } from './desk';

/** Placeholder: being built. */
export function PlannerPage(_props: { user: StaffUser }) {
  return <h1>Planner</h1>;
}
