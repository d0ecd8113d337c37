// The console's sections in one table: path, label, the roles that may open it
// and its page. The navigation lists only what the signed-in role can use, and
// a role that opens another's path is sent to its own home.
import type { ComponentType } from 'react';
import type { StaffRole, StaffUser } from './staff-user';
import { QueuePage } from './queue/queue-page';
import { PlannerPage } from './planner/planner-page';
import { AvailabilityEditorPage } from './availability/availability-page';
import { ContactsPage } from './contacts/contacts-page';
import { OutboxPage } from './outbox/outbox-page';
import { CalendarsPage } from './calendars/calendars-page';

export interface Section {
  path: string;
  label: string;
  roles: readonly StaffRole[];
  Page: ComponentType<{ user: StaffUser }>;
}

const OFFICE: readonly StaffRole[] = ['admin', 'press_officer'];
const EVERYONE: readonly StaffRole[] = ['admin', 'press_officer', 'spokesperson'];

export const sections: readonly Section[] = [
  { path: '/desk', label: 'Queue', roles: OFFICE, Page: QueuePage },
  { path: '/desk/planner', label: 'Planner', roles: OFFICE, Page: PlannerPage },
  { path: '/desk/availability', label: 'Availability', roles: EVERYONE, Page: AvailabilityEditorPage },
  { path: '/desk/calendars', label: 'Calendars', roles: EVERYONE, Page: CalendarsPage },
  { path: '/desk/contacts', label: 'Media contacts', roles: OFFICE, Page: ContactsPage },
  { path: '/desk/outbox', label: 'Outbox', roles: OFFICE, Page: OutboxPage },
];

/** The sections this role may open, in navigation order. */
export function sectionsFor(role: StaffRole): Section[] {
  return sections.filter((section) => section.roles.includes(role));
}

/**
 * The section a path belongs to: the longest matching prefix wins, so
 * /desk/contacts/… stays in Media contacts. Null when no section matches.
 */
export function sectionAt(path: string, available: readonly Section[]): Section | null {
  const matches = available.filter((section) => path === section.path || path.startsWith(`${section.path}/`));
  return matches.sort((a, b) => b.path.length - a.path.length)[0] ?? null;
}
