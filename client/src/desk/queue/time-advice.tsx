// Advice before the desk commits a time (desk.checkTime): said at once, as
// the time or the spokesperson changes; when only the spokesperson's hours
// stand in the way, it offers the override (they agreed to the time).
import { useEffect, useId } from 'react';
import { skipToken, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';

export function TimeAdvice({ spokesperson, start, durationMinutes, excludeRequestId, excludeInterviewId, override, onOverride }: { spokesperson: { id: string; name: string }; start: string | null; durationMinutes: number; excludeRequestId?: string; excludeInterviewId?: string; override: boolean; onOverride: (on: boolean) => void }) {
  const id = useId();
  const trpc = useTRPC();
  const advice = useQuery(trpc.desk.checkTime.queryOptions(start ? { spokespersonId: spokesperson.id, start, durationMinutes, excludeRequestId, excludeInterviewId } : skipToken, { staleTime: 0 }));
  const outsideHours = advice.data?.bookable === false && advice.data.outsideHours;
  // An override only applies to the question it answered.
  useEffect(() => {
    if (!outsideHours && override) onOverride(false);
  }, [outsideHours, override, onOverride]);
  if (!start || !advice.data) return null;
  if (advice.data.bookable) return <p className="meta" role="status">{spokesperson.name} is free then, within their interview hours.</p>;
  return (
    <div className="queue-warning" role="status">
      <p>{advice.data.message}</p>
      {outsideHours && (
        <label className="queue-option" htmlFor={`${id}-override`}>
          <input id={`${id}-override`} type="checkbox" checked={override} onChange={(event) => onOverride(event.target.checked)} /> Book it outside {spokesperson.name}’s hours anyway (they agreed)
        </label>
      )}
    </div>
  );
}
