import { useState } from 'react';
import { api, errorMessage } from '../trpc';
import { useQuery } from '../use-query';
import { Loaded } from '../components/query-state';
import { onLinkClick, useLocation } from '../router';
import { QueuePage } from './desk-queue';
import { PlannerPage } from './desk-planner';
import { AvailabilityEditorPage } from './desk-availability';
import { ContactsPage } from './desk-contacts';
import { OutboxPage } from './desk-outbox';

type Me = Awaited<ReturnType<typeof api.auth.me.query>>;
export type StaffUser = NonNullable<Me>;

/** The press-office console: sign in, then the queue. */
export function DeskPage() {
  const [version, setVersion] = useState(0);
  const me = useQuery(() => api.auth.me.query(), [version]);
  return <Loaded state={me} label="your session">{(user) => (user ? <Console user={user} onSignOut={() => setVersion((value) => value + 1)} /> : <SignIn onSignedIn={() => setVersion((value) => value + 1)} />)}</Loaded>;
}

function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await api.auth.login.mutate({ email: String(form.get('email')), password: String(form.get('password')) });
      onSignedIn();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }
  return (
    <>
      <h1>Press office</h1>
      <form onSubmit={submit}>
        {error && <p role="alert" className="form-error">{error}</p>}
        <label htmlFor="desk-email">Email</label>
        <input id="desk-email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="desk-password">Password</label>
        <input id="desk-password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" disabled={busy}>Sign in</button>
      </form>
    </>
  );
}

/** The console's sections; each is its own page under /desk. */
const sections = [
  { path: '/desk', label: 'Queue', Page: QueuePage },
  { path: '/desk/planner', label: 'Planner', Page: PlannerPage },
  { path: '/desk/availability', label: 'Availability', Page: AvailabilityEditorPage },
  { path: '/desk/contacts', label: 'Media contacts', Page: ContactsPage },
  { path: '/desk/outbox', label: 'Outbox', Page: OutboxPage },
] as const;

function Console({ user, onSignOut }: { user: StaffUser; onSignOut: () => void }) {
  const { path } = useLocation();
  // The longest matching prefix wins, so /desk/contacts/… stays in Media contacts.
  const current = [...sections].reverse().find((section) => path === section.path || path.startsWith(`${section.path}/`)) ?? sections[0];
  const { Page } = current;
  return (
    <>
      <nav className="console-nav" aria-label="Press office console">
        <ul>
          {sections.map((section) => (
            <li key={section.path}>
              <a href={section.path} onClick={onLinkClick} aria-current={section === current ? 'page' : undefined}>{section.label}</a>
            </li>
          ))}
        </ul>
        <p className="signed-in">
          Signed in as {user.name} ({user.role.replace('_', ' ')}){' '}
          <button type="button" className="secondary" onClick={() => api.auth.logout.mutate().then(onSignOut)}>Sign out</button>
        </p>
      </nav>
      <Page user={user} />
    </>
  );
}
