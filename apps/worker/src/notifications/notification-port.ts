import type { Logger } from '@app/observability';
import type { ReferralNotice } from '@app/workflow-contracts';

/** Where reminders, escalations and outcome notices go out (email, agency systems: later). */
export interface NotificationPort {
  send(notice: ReferralNotice): Promise<void>;
}

/**
 * The adapter for now: records each notice as a log line of ids and roles (no personal data;
 * the event in the store is the record that matters). A repeat carries the same event id.
 */
export function loggingNotifications(logger: Pick<Logger, 'info'>): NotificationPort {
  return {
    async send({ referralId, hubId, eventId, eventType, kind, recipients, level }) {
      logger.info({ referralId, hubId, eventId, eventType, kind, recipients, level }, 'referral notice sent');
    },
  };
}
