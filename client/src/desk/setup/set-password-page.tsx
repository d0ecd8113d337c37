import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { FormStatus, readFormProblem, TextField, type FormProblem } from '../../components/form-field';
import { usePageTitle } from '../../components/page-title';
import { onLinkClick, useLocation } from '../../router';
import { browserTimeZone, formatDateTime } from '../../time';
import './setup.css';

/** Public: where a "set your password" link lands (/desk/set-password?token=…). The link works once. */
export function SetPasswordPage() {
  usePageTitle('Set your password');
  const trpc = useTRPC();
  const { search } = useLocation();
  const token = new URLSearchParams(search).get('token') ?? '';
  const link = useQuery({ ...trpc.auth.passwordLink.queryOptions({ token }), enabled: token !== '', retry: false, refetchOnWindowFocus: false });
  const [done, setDone] = useState<string | null>(null);
  if (done) {
    return (
      <>
        <h1>Password set</h1>
        <p role="status">Your password for {done} is set. Sign in with it now.</p>
        <p>
          <a className="button" href="/desk" onClick={onLinkClick}>Sign in</a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Set your password</h1>
      {token === '' ? (
        <p role="alert">This address has no link token. Open the link from your email again.</p>
      ) : (
        <QueryResult query={link} label="your link">
          {(data) => <PasswordForm token={token} email={data.email} name={data.name} expiresAt={data.expiresAt} onDone={setDone} />}
        </QueryResult>
      )}
    </>
  );
}

function PasswordForm({ token, email, name, expiresAt, onDone }: { token: string; email: string; name: string; expiresAt: string; onDone: (email: string) => void }) {
  const trpc = useTRPC();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const save = useMutation(trpc.auth.setPassword.mutationOptions({ onSuccess: (result) => onDone(result.email), onError: (error) => setProblem(readFormProblem(error)) }));
  return (
    <form
      className="setup-form card"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (password !== repeat) {
          setProblem({ message: 'The two passwords are not the same.', fieldErrors: { repeat: ['Type the same password again.'] } });
          return;
        }
        save.mutate({ token, password });
      }}
    >
      <p>
        Hello {name}. Choose the password for <strong>{email}</strong>. This link works once, until {formatDateTime(expiresAt, browserTimeZone())}.
      </p>
      {/* The address, for password managers to store with the new password. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label="New password" type="password" autoComplete="new-password" minLength={12} required hint="At least 12 characters." value={password} errors={problem?.fieldErrors.password} onChange={(event) => setPassword(event.target.value)} />
      <TextField label="The same password again" type="password" autoComplete="new-password" required value={repeat} errors={problem?.fieldErrors.repeat} onChange={(event) => setRepeat(event.target.value)} />
      <FormStatus problem={problem} />
      <button type="submit" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Set my password'}</button>
    </form>
  );
}
