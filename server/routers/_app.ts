import { router } from '../trpc';
import { authRouter } from './auth';
import { availabilityRouter } from './availability';
import { deskRouter } from './desk';
import { outboxRouter } from './outbox';
import { feedsRouter } from './feeds';
import { releasesRouter } from './releases';
import { requestsRouter } from './requests';
import { spokespeopleRouter } from './spokespeople';
import { usersRouter } from './users';
import { contactsRouter } from './contacts';
import { outletsRouter } from './outlets';
import { pressContactsRouter } from './press-contacts';
import { officeRouter } from './office';
import { meRouter } from './me';
import { calendarsRouter } from './calendars';
import { webhooksRouter } from './webhooks';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  spokespeople: spokespeopleRouter,
  availability: availabilityRouter,
  requests: requestsRouter,
  desk: deskRouter,
  outbox: outboxRouter,
  webhooks: webhooksRouter,
  feeds: feedsRouter,
  releases: releasesRouter,
  contacts: contactsRouter,
  outlets: outletsRouter,
  pressContacts: pressContactsRouter,
  office: officeRouter,
  me: meRouter,
  calendars: calendarsRouter,
});

/** The API's type, imported (type-only) by the web client. */
export type AppRouter = typeof appRouter;
