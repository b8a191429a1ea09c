import type { SubjectType } from './referral-dataset';
import type { ReferralEvent } from './referral.events';

export type ReferralState =
  | { status: 'Empty' }
  | { status: 'Received' | 'AwaitingTriage'; referralId: string; hubId: string; subjectType: SubjectType; immediateRisk: boolean; receivedAt: string };

export const initialState = (): ReferralState => ({ status: 'Empty' });

export function evolve(state: ReferralState, event: ReferralEvent): ReferralState {
  switch (event.type) {
    case 'ReferralReceived':
      return {
        status: 'Received',
        referralId: event.data.referralId,
        hubId: event.data.hubId,
        subjectType: event.data.subject.type,
        immediateRisk: event.data.immediateRisk,
        receivedAt: event.data.receivedAt,
      };
    case 'TriageAwaited':
      return state.status === 'Empty' ? state : { ...state, status: 'AwaitingTriage' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
