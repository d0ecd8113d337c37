// The Outbox section's pages: the list at /desk/outbox, one message at /desk/outbox/<id>.
import { useLocation } from '../../router';
import type { StaffUser } from '../staff-user';
import { OutboxPage } from './outbox-page';
import { OutboxMessagePage } from './outbox-message-page';

export function OutboxSection(_props: { user: StaffUser }) {
  const { path } = useLocation();
  const match = /^\/desk\/outbox\/([^/]+)$/.exec(path);
  if (match) return <OutboxMessagePage key={match[1]} messageId={decodeURIComponent(match[1]!)} />;
  return <OutboxPage />;
}
