// One way to run a desk action from the queue or a request's own page: run
// it, invalidate every desk query (queue, interviews, planner: an approval
// changes them all), say what happened. Failures come back to the form.
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';
import type { Act, QueueRequest } from './queue-types';

export function useDeskAct(onDone: (request: QueueRequest, message: string) => void): Act {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (request, label, action, describe) => {
    try {
      const result = await action();
      onDone(request, `${label}: done. ${describe(result)}`.trim());
      await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.desk.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.outbox.pathKey() })]);
      return null;
    } catch (error) {
      return { error };
    }
  };
}
