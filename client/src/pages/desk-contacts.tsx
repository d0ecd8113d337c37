import type { StaffUser } from './desk';

/** Placeholder: being built. */
export function ContactsPage(_props: { user: StaffUser }) {
  return <h1>Media contacts</h1>;
}
