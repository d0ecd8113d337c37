// Shapes and paths the media-list pages share. Types come from the server's
// router, so a change there shows here at compile time.
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';

type Outputs = inferRouterOutputs<AppRouter>;
export type ContactPage = Outputs['contacts']['list'];
export type Contact = ContactPage['contacts'][number];
export type ContactDetails = Outputs['contacts']['get'];
export type ContactView = ContactDetails['contact'];
export type TimelineEntry = ContactDetails['timeline'][number];
export type Outlet = Outputs['outlets']['list'][number];
export type DuplicateGroup = Outputs['contacts']['duplicates'][number];

export const LIST_PATH = '/desk/contacts';
export const NEW_PATH = `${LIST_PATH}/new`;
export const IMPORT_PATH = `${LIST_PATH}/import`;
export const DUPLICATES_PATH = `${LIST_PATH}/duplicates`;

export const contactPath = (id: string) => `${LIST_PATH}/${encodeURIComponent(id)}`;
export const editPath = (id: string) => `${contactPath(id)}/edit`;
export const mergePath = (id: string, otherId: string) => `${contactPath(id)}/merge/${encodeURIComponent(otherId)}`;

/** The list URL last shown (with its search), for the other pages' way back. */
let lastListUrl = LIST_PATH;
export const listUrl = () => lastListUrl;
export function rememberListUrl(url: string) {
  lastListUrl = url;
}
