// After any change to an interview: refresh every desk query (the interview,
// the lists, the queue, the planner) and the outbox, which has new messages.
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../api/query';

export function useRefreshDesk() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.desk.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.outbox.pathKey() })]);
}
