import { composeInviteEmail } from './compose-invite-email';
import { describeInterview } from './describe-interview';
import { renderNotification } from './render-email';
import { makeInterviewDetails, makeInviteEmailOptions } from './test-factories';

/**
 * Everything this folder renders for people, as one JSON string, for
 * comparing processes started with different TZ and locale settings. Test-only.
 */
export function renderEverything(): string {
  const details = makeInterviewDetails();
  const proposals = [
    { start: details.start, end: details.end },
    { start: new Date(details.start.getTime() + 86_400_000), end: new Date(details.end.getTime() + 86_400_000) },
  ];
  const pressOfficer = details.pressOfficer;
  return JSON.stringify({
    reporterView: describeInterview(details, 'reporter'),
    spokespersonView: describeInterview(details, 'spokesperson'),
    reporterEmail: composeInviteEmail(makeInviteEmailOptions({ recipient: 'reporter' })),
    // A French reader: CLDR day and month names, "heure de …", and no English abbreviation.
    reporterEmailFr: composeInviteEmail(makeInviteEmailOptions({ details: makeInterviewDetails({ reporter: { ...details.reporter, locale: 'fr' } }) })),
    spokespersonCancel: composeInviteEmail(makeInviteEmailOptions({ recipient: 'spokesperson', method: 'CANCEL', sequence: 1 })),
    proposed: renderNotification('times_proposed', {
      reference: details.reference,
      reporterName: details.reporter.name,
      reporterTimeZone: details.reporter.timeZone,
      spokesperson: { name: details.spokesperson.name, timeZone: details.spokesperson.timeZone },
      topic: details.topic,
      proposals,
      manageUrl: details.manageUrl!,
      pressOfficer,
    }),
    expired: renderNotification('request_expired', {
      reference: details.reference,
      reporterName: details.reporter.name,
      reporterTimeZone: 'Asia/Kathmandu',
      topic: details.topic,
      deadline: details.start,
      pressOfficer,
    }),
  });
}
