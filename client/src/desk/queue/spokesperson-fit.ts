// Whether a spokesperson suits a request, in words (language, format, length).
import { formatNameInSentence, languageName } from '../../components/interview-options';
import { zoneCity } from '../../time';
import type { PublicSpokesperson, QueueRequest } from './queue-types';

export function personLabel(person: PublicSpokesperson) {
  return `${person.name} (${zoneCity(person.timeZone)}; ${person.languages.map((tag) => languageName(tag)).join(', ')})`;
}

function sameLanguage(a: string, b: string) {
  return a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();
}

/** Why a spokesperson may not suit this request; empty when they do. */
export function mismatches(person: PublicSpokesperson, request: QueueRequest): string[] {
  const notes: string[] = [];
  const languages: string[] = person.languages;
  if (!languages.some((tag) => sameLanguage(tag, request.language))) notes.push(`does not list ${languageName(request.language)}`);
  if (!person.formats.includes(request.format)) notes.push(`does not do ${formatNameInSentence(request.format)} interviews`);
  if (!person.allowedDurations.includes(request.durationMinutes)) notes.push(`gives interviews of ${person.allowedDurations.join(', ')} minutes, not ${request.durationMinutes}`);
  return notes;
}
