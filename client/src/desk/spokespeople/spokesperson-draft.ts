// The spokesperson form's draft (strings, as typed) and its conversion to the
// input of spokespeople.create / spokespeople.update. The server validates;
// these only shape what was typed.
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../../server/routers/_app';

export type ManagedPerson = inferRouterOutputs<AppRouter>['spokespeople']['listAll'][number];
export type InterviewFormat = 'phone' | 'whatsapp' | 'video' | 'studio' | 'in_person' | 'written';

export const durationChoices = [10, 15, 20, 30, 45, 60, 90];
export const weekdayShortNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface PersonDraft {
  name: string;
  title: string;
  bio: string;
  email: string;
  phone: string;
  languages: string;
  topics: string;
  timeZone: string;
  formats: InterviewFormat[];
  allowedDurations: number[];
  defaultDuration: string;
  slotStep: string;
  bufferBefore: string;
  bufferAfter: string;
  notice: string;
  cap: string;
  horizon: string;
  holdSlots: boolean;
  userId: string;
  active: boolean;
  /** New spokespeople only: starting weekly hours (the availability editor refines them). */
  startDays: number[];
  startFrom: string;
  startTo: string;
}

export function newDraft(timeZone: string): PersonDraft {
  return {
    name: '', title: '', bio: '', email: '', phone: '', languages: 'en', topics: '', timeZone,
    formats: ['phone', 'video'], allowedDurations: [30], defaultDuration: '30', slotStep: '30', bufferBefore: '0', bufferAfter: '0',
    notice: '120', cap: '', horizon: '60', holdSlots: false, userId: '', active: true,
    startDays: [1, 2, 3, 4, 5], startFrom: '09:00', startTo: '17:00',
  };
}

export function draftFromPerson(person: ManagedPerson): PersonDraft {
  return {
    ...newDraft(person.timeZone),
    name: person.name, title: person.title, bio: person.bio, email: person.email, phone: person.phone ?? '',
    languages: (person.languages as string[]).join(', '), topics: (person.topics as string[]).join(', '),
    formats: person.formats as InterviewFormat[], allowedDurations: person.allowedDurations as number[],
    defaultDuration: String(person.defaultDurationMinutes), slotStep: String(person.slotStepMinutes),
    bufferBefore: String(person.bufferBeforeMinutes), bufferAfter: String(person.bufferAfterMinutes),
    notice: String(person.minimumNoticeMinutes), cap: person.maxPerDay === null ? '' : String(person.maxPerDay),
    horizon: String(person.horizonDays), holdSlots: person.holdSlots, userId: person.userId ?? '', active: person.active,
    startDays: [],
  };
}

const list = (text: string) => text.split(/[,\n]/).map((item) => item.trim()).filter(Boolean);
/** A number as typed; NaN stays NaN so the server names the field. */
const whole = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The fields both create and update take. */
export function personInput(draft: PersonDraft) {
  return {
    name: draft.name,
    title: draft.title,
    bio: draft.bio,
    email: draft.email,
    phone: draft.phone.trim() || null,
    languages: list(draft.languages),
    topics: list(draft.topics),
    timeZone: draft.timeZone,
    formats: draft.formats,
    allowedDurations: [...draft.allowedDurations].sort((a, b) => a - b),
    defaultDurationMinutes: whole(draft.defaultDuration),
    slotStepMinutes: whole(draft.slotStep),
    bufferBeforeMinutes: whole(draft.bufferBefore),
    bufferAfterMinutes: whole(draft.bufferAfter),
    minimumNoticeMinutes: whole(draft.notice),
    maxPerDay: draft.cap.trim() === '' ? null : whole(draft.cap),
    horizonDays: whole(draft.horizon),
    holdSlots: draft.holdSlots,
    userId: draft.userId || null,
  };
}

export function createInput(draft: PersonDraft) {
  const ends = draft.startTo;
  return { ...personInput(draft), weeklyRules: draft.startDays.map((weekday) => ({ weekday, start: draft.startFrom, end: ends })) };
}

/** Server messages for a field and its items ("languages" and "languages.1"). */
export function errorsFor(errors: Record<string, string[] | undefined>, key: string): string[] | undefined {
  const found = Object.entries(errors).filter(([path]) => path === key || path.startsWith(`${key}.`)).flatMap(([, messages]) => messages ?? []);
  return found.length > 0 ? found : undefined;
}
