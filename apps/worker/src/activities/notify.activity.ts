import type { ReferralNotice } from '@app/workflow-contracts';
import type { NotificationPort } from '../notifications/notification-port';

/** Sends a reminder, an escalation or a notice to the referrer through the notification port. */
export function notify(port: NotificationPort) {
  return async function notify(notice: ReferralNotice): Promise<void> {
    await port.send(notice);
  };
}
