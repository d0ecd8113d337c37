// Spokespeople's own calendars (server/calendars/): staff only; a spokesperson
// manages their own connections, press officers everyone's.
import { addCalDavConnection, addFeedConnection, discoverCalDav, listConnections, removeConnection, setWriteCalendar, syncNow } from '../calendars/manage-connections';
import { addCalDavInput, addFeedInput, connectionIdInput, discoverCalDavInput, listConnectionsInput, setWriteCalendarInput } from '../calendars/schema';
import type { SessionUser } from '../auth/schema';
import { router, staffProcedure } from '../trpc';

function contextOf(ctx: { db: import('../db').Db; config: import('../env').Config; user: SessionUser; ip: string; now: () => Date }) {
  return { db: ctx.db, config: ctx.config, actor: { user: ctx.user, ip: ctx.ip, now: ctx.now() } };
}

export const calendarsRouter = router({
  /** Connections with their sync status; never a credential or a secret URL. */
  list: staffProcedure.input(listConnectionsInput).query(({ ctx, input }) => listConnections(contextOf(ctx), input)),
  /** The calendars a CalDAV account offers, to choose from (stores nothing). */
  discover: staffProcedure.input(discoverCalDavInput).mutation(({ ctx, input }) => discoverCalDav(contextOf(ctx), input)),
  addFeed: staffProcedure.input(addFeedInput).mutation(({ ctx, input }) => addFeedConnection(contextOf(ctx), input)),
  addCalDav: staffProcedure.input(addCalDavInput).mutation(({ ctx, input }) => addCalDavConnection(contextOf(ctx), input)),
  syncNow: staffProcedure.input(connectionIdInput).mutation(({ ctx, input }) => syncNow(contextOf(ctx), input.connectionId)),
  /** Which chosen CalDAV calendar shows the confirmed interviews (or none); written through the outbox. */
  setWriteCalendar: staffProcedure.input(setWriteCalendarInput).mutation(({ ctx, input }) => setWriteCalendar(contextOf(ctx), input)),
  remove: staffProcedure.input(connectionIdInput).mutation(({ ctx, input }) => removeConnection(contextOf(ctx), input.connectionId)),
});
