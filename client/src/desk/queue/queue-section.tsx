// The Queue section's pages: the queue itself at /desk, one request at /desk/requests/<id>.
import { useLocation } from '../../router';
import type { StaffUser } from '../staff-user';
import { QueuePage } from './queue-page';
import { RequestPage } from './request-page';

export function QueueSection({ user }: { user: StaffUser }) {
  const { path } = useLocation();
  const match = /^\/desk\/requests\/([^/]+)$/.exec(path);
  if (match) return <RequestPage key={match[1]} requestId={decodeURIComponent(match[1]!)} />;
  return <QueuePage user={user} />;
}
