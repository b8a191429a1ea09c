import type { ReferralEvent } from '@app/domain';
import type { ReferralNotice } from '@app/workflow-contracts';

type Notice = Omit<ReferralNotice, 'referralId' | 'hubId' | 'eventId' | 'eventType'>;

/** What the notification port must tell of an event: reminders, escalations, notices to the referrer. */
function noticeOf(event: ReferralEvent): Notice | null {
  switch (event.type) {
    case 'InformationRequestReminded':
      return { kind: 'reminder', recipients: [{ role: 'agency-contact', agency: event.data.agency }] };
    case 'ActionReminded':
      return { kind: 'reminder', recipients: [{ role: 'agency-contact', agency: event.data.owningAgency }] };
    case 'TriageEscalated':
    case 'AuthorisationEscalated':
    case 'InformationRequestEscalated':
    case 'ActionEscalated':
      return { kind: 'escalation', recipients: event.data.notify, level: event.data.level };
    case 'ReferrerNotified':
      return { kind: 'referrer-notice', recipients: [{ role: 'referrer', agency: event.data.referrer.agency }] };
    default:
      return null;
  }
}

/** The notices for events just appended, each naming the event (by its stored id) it tells of. */
export function noticesFor(referralId: string, hubId: string, events: ReferralEvent[], eventIds: string[]): ReferralNotice[] {
  return events.flatMap((event, index) => {
    const notice = noticeOf(event);
    return notice ? [{ referralId, hubId, eventId: eventIds[index], eventType: event.type, ...notice }] : [];
  });
}
