import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';
import { QueryResult, useTRPC } from '../../api/query';
import { errorMessage } from '../../api/trpc';
import { FormStatus, readFormProblem, SelectField, TextField, type FormProblem } from '../../components/form-field';
import { browserTimeZone, formatDateTime } from '../../time';
import type { StaffUser } from '../staff-user';
import './setup.css';

type ManagedUser = inferRouterOutputs<AppRouter>['users']['list'][number];

export const roleNames: Record<string, string> = { admin: 'Administrator', press_officer: 'Press officer', spokesperson: 'Spokesperson' };

/** Admin: staff accounts. New users and resets get a one-time set-password link by email; no one types a password for someone else. */
export function UsersPage({ user }: { user: StaffUser }) {
  const trpc = useTRPC();
  const users = useQuery(trpc.users.list.queryOptions());
  return (
    <>
      <h1>Users</h1>
      <NewUserForm />
      <h2>Staff accounts</h2>
      <QueryResult query={users} label="the users">
        {(list) => (
          <ul className="setup-list" aria-label="Staff accounts">
            {list.map((account) => (
              <UserRow key={account.id} account={account} self={account.id === user.id} />
            ))}
          </ul>
        )}
      </QueryResult>
    </>
  );
}

function NewUserForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ name: '', email: '', role: 'press_officer' as 'admin' | 'press_officer' | 'spokesperson' });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [status, setStatus] = useState('');
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (created) => {
        setProblem(null);
        setStatus(`${created.name} was added. A link to set their password was emailed to ${created.email}; it works once, for 72 hours.`);
        setDraft({ name: '', email: '', role: draft.role });
        await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
      },
      onError: (error) => {
        setStatus('');
        setProblem(readFormProblem(error));
      },
    }),
  );
  const errors = problem?.fieldErrors ?? {};
  return (
    <form
      className="setup-form card"
      aria-labelledby="new-user-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(draft);
      }}
    >
      <h2 id="new-user-heading">Add a user</h2>
      <div className="setup-grid">
        <TextField label="Name" value={draft.name} required maxLength={200} autoComplete="off" errors={errors.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
        <TextField label="Email" type="email" value={draft.email} required autoComplete="off" errors={errors.email} onChange={(event) => setDraft({ ...draft, email: event.target.value })} />
        <SelectField label="Role" value={draft.role} errors={errors.role} onChange={(event) => setDraft({ ...draft, role: event.target.value as typeof draft.role })}>
          <option value="press_officer">Press officer</option>
          <option value="spokesperson">Spokesperson</option>
          <option value="admin">Administrator</option>
        </SelectField>
      </div>
      <p className="meta">They get an email with a one-time link to choose their own password.</p>
      <FormStatus problem={problem} status={status} />
      <button type="submit" disabled={create.isPending}>{create.isPending ? 'Adding…' : 'Add the user and email the link'}</button>
    </form>
  );
}

function accountState(account: ManagedUser, timeZone: string): string {
  if (!account.active) return 'Deactivated';
  if (account.hasPassword) return account.lastLoginAt ? `Last signed in ${formatDateTime(account.lastLoginAt, timeZone)}` : 'Has not signed in yet';
  return account.passwordLinkExpiresAt ? `Waiting for a password (link works until ${formatDateTime(account.passwordLinkExpiresAt, timeZone)})` : 'No password: send a new link';
}

function UserRow({ account, self }: { account: ManagedUser; self: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const timeZone = browserTimeZone();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: async (result) => {
        setMessage({ text: `A new link was emailed to ${result.email}; ${result.sessionsEnded === 1 ? 'one session was' : `${result.sessionsEnded} sessions were`} ended.` });
        await refresh();
      },
      onError: (error) => setMessage({ text: errorMessage(error), error: true }),
    }),
  );
  const setActive = useMutation(
    trpc.users.setActive.mutationOptions({
      onSuccess: async (result) => {
        setMessage({ text: result.active ? `${account.name} can sign in again.` : `${account.name} was deactivated and signed out everywhere.` });
        await refresh();
      },
      onError: (error) => setMessage({ text: errorMessage(error), error: true }),
    }),
  );
  return (
    <li className="card">
      <h3>
        {account.name}
        <span className="status-tag">{roleNames[account.role] ?? account.role}</span>
        {self && <span className="status-tag">You</span>}
      </h3>
      <p>{account.email}</p>
      <p className="meta">
        {accountState(account, timeZone)}
        {account.spokesperson ? `. Spokesperson profile: ${account.spokesperson.name}` : ''}
      </p>
      <div className="row-actions">
        {account.active && (
          <button
            type="button"
            className="secondary"
            disabled={reset.isPending}
            onClick={() => window.confirm(`Reset the password of ${account.name}? Their current password stops working, they are signed out everywhere, and a new link is emailed to ${account.email}.`) && reset.mutate({ userId: account.id })}
          >
            Reset password<span className="visually-hidden"> of {account.name}</span>
          </button>
        )}
        {!self && (
          <button
            type="button"
            className="secondary"
            disabled={setActive.isPending}
            onClick={() => (account.active ? window.confirm(`Deactivate ${account.name}? They are signed out at once and cannot sign in.`) : true) && setActive.mutate({ userId: account.id, active: !account.active })}
          >
            {account.active ? 'Deactivate' : 'Reactivate'}
            <span className="visually-hidden"> {account.name}</span>
          </button>
        )}
      </div>
      {message && <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : undefined}>{message.text}</p>}
    </li>
  );
}
