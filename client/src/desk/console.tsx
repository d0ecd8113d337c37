import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { QueryProvider, QueryResult, useTRPC } from '../api/query';
import { onLinkClick, navigate, useLocation } from '../router';
import { usePageTitle } from '../components/page-title';
import { SignIn } from './sign-in';
import { SetPasswordPage } from './setup/set-password-page';
import { sectionAt, sectionsFor } from './sections';
import type { StaffUser } from './staff-user';

export type { StaffUser } from './staff-user';

/** The press-office console: sign in, then the sections the role can use. */
export function DeskPage() {
  return (
    <QueryProvider>
      <Session />
    </QueryProvider>
  );
}

function Session() {
  const { path } = useLocation();
  // Public: a set-password link is opened signed out (and by someone without a password yet).
  if (path === '/desk/set-password') return <SetPasswordPage />;
  return <SignedInOrNot />;
}

function SignedInOrNot() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  // Signing out changes what every query may answer: start afresh. (Signed out, nothing
  // but this query is cached, so signing in only sets it: sign-in.tsx.)
  const reset = () => queryClient.resetQueries();
  return <QueryResult query={me} label="your session">{(user) => (user ? <Console user={user} onSignOut={reset} /> : <SignIn />)}</QueryResult>;
}

function Console({ user, onSignOut }: { user: StaffUser; onSignOut: () => void }) {
  const trpc = useTRPC();
  const { path } = useLocation();
  const available = sectionsFor(user.role);
  const current = sectionAt(path, available);
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSuccess: onSignOut }));
  usePageTitle(current?.label);
  // A path the role cannot open (a spokesperson following a link to the queue) goes to the role's home.
  const home = available[0]!;
  useEffect(() => {
    if (!current) navigate(home.path);
  }, [current, home.path]);
  if (!current) return null;
  const { Page } = current;
  return (
    <>
      <nav className="console-nav" aria-label="Press office console">
        <ul>
          {available.map((section) => (
            <li key={section.path}>
              <a href={section.path} onClick={onLinkClick} aria-current={section === current ? 'page' : undefined}>{section.label}</a>
            </li>
          ))}
        </ul>
        <p className="signed-in">
          Signed in as {user.name} ({user.role.replace('_', ' ')}){' '}
          <button type="button" className="secondary" disabled={logout.isPending} onClick={() => logout.mutate()}>Sign out</button>
        </p>
      </nav>
      <Page user={user} />
    </>
  );
}
