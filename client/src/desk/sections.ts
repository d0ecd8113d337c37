// The console's sections in one table: path, label, the roles that may open it
// and its page. The navigation lists only what the signed-in role can use, and
// a role that opens another's path is sent to its own home.
import type { ComponentType } from 'react';
import type { StaffRole, StaffUser } from './staff-user';
import { QueueSection } from './queue/queue-section';
import { PlannerPage } from './planner/planner-page';
import { AvailabilityEditorPage } from './availability/availability-page';
import { ContactsPage } from './contacts/contacts-page';
import { OutboxSection } from './outbox/outbox-section';
import { InterviewsSection } from './interviews/interviews-section';
import { MyInterviewsPage } from './home/my-interviews-page';
import { FeedPage } from './home/feed-page';
import { MyProfilePage } from './home/my-profile-page';
import { SpokespeoplePage } from './spokespeople/spokespeople-page';
import { PressContactsPage } from './setup/press-contacts-page';
import { UsersPage } from './setup/users-page';
import { SettingsPage } from './setup/settings-page';
import { ReleasesPage } from './releases/releases-page';
import { CalendarsPage } from './calendars/calendars-page';
import { WebhooksPage } from './webhooks/webhooks-page';

export interface Section {
  path: string;
  label: string;
  roles: readonly StaffRole[];
  Page: ComponentType<{ user: StaffUser }>;
}

const OFFICE: readonly StaffRole[] = ['admin', 'press_officer'];
const EVERYONE: readonly StaffRole[] = ['admin', 'press_officer', 'spokesperson'];
const SPOKESPERSON: readonly StaffRole[] = ['spokesperson'];
const ADMIN: readonly StaffRole[] = ['admin'];

export const sections: readonly Section[] = [
  // A spokesperson's home (the first section a role may open is its home).
  { path: '/desk/my-interviews', label: 'My interviews', roles: SPOKESPERSON, Page: MyInterviewsPage },
  // Bookings: the queue (and /desk/requests/<id>), interviews (and /desk/interviews/<id>).
  { path: '/desk', label: 'Queue', roles: OFFICE, Page: QueueSection },
  { path: '/desk/interviews', label: 'Interviews', roles: OFFICE, Page: InterviewsSection },
  { path: '/desk/planner', label: 'Planner', roles: OFFICE, Page: PlannerPage },
  { path: '/desk/availability', label: 'Availability', roles: EVERYONE, Page: AvailabilityEditorPage },
  { path: '/desk/releases', label: 'Releases', roles: OFFICE, Page: ReleasesPage },
  { path: '/desk/calendars', label: 'Calendars', roles: EVERYONE, Page: CalendarsPage },
  { path: '/desk/contacts', label: 'Media contacts', roles: OFFICE, Page: ContactsPage },
  // The outbox (and /desk/outbox/<id>, one message).
  { path: '/desk/outbox', label: 'Outbox', roles: OFFICE, Page: OutboxSection },
  // Setup and every role at home: the calendar feed (own for a spokesperson, the office's for staff),
  // a spokesperson's own profile, spokespeople and press contacts (press officers), users and
  // office settings (admins).
  { path: '/desk/feed', label: 'Calendar feed', roles: EVERYONE, Page: FeedPage },
  { path: '/desk/my-profile', label: 'My profile', roles: SPOKESPERSON, Page: MyProfilePage },
  { path: '/desk/spokespeople', label: 'Spokespeople', roles: OFFICE, Page: SpokespeoplePage },
  { path: '/desk/press-contacts', label: 'Press contacts', roles: OFFICE, Page: PressContactsPage },
  { path: '/desk/users', label: 'Users', roles: ADMIN, Page: UsersPage },
  { path: '/desk/settings', label: 'Settings', roles: ADMIN, Page: SettingsPage },
  { path: '/desk/webhooks', label: 'Webhooks', roles: ADMIN, Page: WebhooksPage },
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
