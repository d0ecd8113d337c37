// A release sent to one media contact: the title, the embargo (in the office's
// zone, named) and their own preview link. Pure: the link is derived at delivery.
import { formatInstantInZones } from './format-local-time';
import { renderEmailBody } from './render-email-body';

export interface ReleaseEmailData {
  title: string;
  officeName: string;
  url: string;
  embargoUntil: Date | null;
  embargoTerms: string;
  timeZone: string;
}

export function renderReleaseEmail(data: ReleaseEmailData): { subject: string; text: string; html: string } {
  const embargoed = data.embargoUntil !== null;
  const subject = embargoed ? `Embargoed: ${data.title}` : data.title;
  const body = renderEmailBody({
    title: data.title,
    blocks: [
      ...(embargoed
        ? [
            { kind: 'paragraph' as const, text: `Under embargo until ${formatInstantInZones(data.embargoUntil!, [data.timeZone])[0]}. ${data.embargoTerms}`.trim() },
          ]
        : []),
      { kind: 'paragraph' as const, text: `${data.officeName} sends you this release. The link below is yours: it shows the release${embargoed ? ' before the embargo lifts' : ''} and lets you request an interview with its spokespeople.` },
      { kind: 'action' as const, text: embargoed ? 'Read the release under embargo' : 'Read the release', href: data.url },
    ],
  });
  return { subject, ...body };
}
