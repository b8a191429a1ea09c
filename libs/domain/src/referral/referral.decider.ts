import { Rejection } from '../shared/rejection';
import type { RecordTriageAwaited, ReferralCommand, SubmitReferral } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import type { ReferralState } from './referral.state';
import { ageMismatch } from './subject-age';

/** Decides a command against the referral's state: the events it gives, or a Rejection thrown. */
export function decide(command: ReferralCommand, state: ReferralState): ReferralEvent[] {
  switch (command.type) {
    case 'SubmitReferral':
      return submit(command, state);
    case 'RecordTriageAwaited':
      return recordTriageAwaited(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

function submit({ data, metadata }: SubmitReferral, state: ReferralState): ReferralEvent[] {
  if (state.status !== 'Empty') {
    throw new Rejection('REFERRAL.ALREADY_RECEIVED', `referral ${data.referralId} was already received`);
  }
  const { dataset, intake } = data;
  const subjectType = dataset.subject.type;
  if (intake.scope !== 'both' && intake.scope !== (subjectType === 'child' ? 'children' : 'adults')) {
    throw new Rejection(
      'REFERRAL.OUT_OF_SCOPE',
      `hub ${intake.hubId} takes referrals about ${intake.scope} only, not about ${subjectType === 'child' ? 'a child' : 'an adult'}`,
      'subject.type',
    );
  }
  if (intake.directReferrers !== 'any' && !intake.directReferrers.includes(dataset.referrer.agency)) {
    throw new Rejection(
      'REFERRAL.SOURCE_NOT_ACCEPTED',
      `hub ${intake.hubId} accepts direct referrals from ${intake.directReferrers.join(', ')} only`,
      'referrer.agency',
    );
  }
  const mismatch = ageMismatch(dataset.subject, metadata.now);
  if (mismatch) throw new Rejection('REFERRAL.SUBJECT_AGE_MISMATCH', mismatch.reason, mismatch.field);

  return [
    {
      type: 'ReferralReceived',
      data: { ...dataset, referralId: data.referralId, hubId: intake.hubId, receivedAt: metadata.now.toISOString() },
    },
  ];
}

function recordTriageAwaited({ data, metadata }: RecordTriageAwaited, state: ReferralState): ReferralEvent[] {
  switch (state.status) {
    case 'Empty':
      throw new Rejection('REFERRAL.NOT_FOUND', `referral ${data.referralId} has not been received`);
    case 'AwaitingTriage':
      return [];
    case 'Received':
      return [{ type: 'TriageAwaited', data: { referralId: data.referralId, since: metadata.now.toISOString() } }];
    default: {
      const unknown: never = state;
      return unknown;
    }
  }
}
