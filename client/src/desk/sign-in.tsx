import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/query';
import { errorMessage } from '../api/trpc';
import { usePageTitle } from '../components/page-title';

/**
 * The console's sign-in form. The login answer says who signed in, exactly as
 * auth.me would: it is put in the query cache, so the console renders its first
 * screen at once instead of asking auth.me in a second round trip (#11's
 * first-screen budget). Everything else cached is dropped first: after a
 * session ran out, the one signing in may be someone else, who must not see
 * the last user's answers even for a moment.
 */
export function SignIn() {
  usePageTitle('Sign in');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: ({ me }) => {
        const meKey = trpc.auth.me.queryKey();
        queryClient.removeQueries({ predicate: (query) => JSON.stringify(query.queryKey) !== JSON.stringify(meKey) });
        queryClient.setQueryData(meKey, me);
      },
    }),
  );
  const [error, setError] = useState<string | null>(null);
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    login.mutate({ email: String(form.get('email')), password: String(form.get('password')) }, { onError: (caught) => setError(errorMessage(caught)) });
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
        <button type="submit" disabled={login.isPending}>Sign in</button>
      </form>
    </>
  );
}
