import { useQuery } from '@tanstack/react-query';
import { QueryResult, useTRPC } from '../../api/query';
import { onLinkClick } from '../../router';
import { SpokespersonForm } from '../spokespeople/spokesperson-form';
import type { StaffUser } from '../staff-user';

/** A spokesperson's own profile and booking settings (spokespeople.update allows their own record, not its login or status). */
export function MyProfilePage({ user }: { user: StaffUser }) {
  const trpc = useTRPC();
  const record = useQuery({ ...trpc.spokespeople.getManaged.queryOptions({ id: user.spokespersonId ?? '' }), enabled: user.spokespersonId !== null, refetchOnWindowFocus: false });
  if (!user.spokespersonId) {
    return (
      <>
        <h1>My profile</h1>
        <p>Your account is not linked to a spokesperson profile yet. Ask the press office to link it.</p>
      </>
    );
  }
  return (
    <>
      <h1>My profile</h1>
      <p className="meta">
        What reporters see about you, and how they may book you. Your hours and time off are under <a href="/desk/availability" onClick={onLinkClick}>Availability</a>.
      </p>
      <QueryResult query={record} label="your profile">{(person) => <SpokespersonForm person={person} self />}</QueryResult>
    </>
  );
}
