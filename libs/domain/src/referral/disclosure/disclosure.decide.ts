import { Rejection } from '../../shared/rejection';
import { isLawfulBasis, LAWFUL_BASES } from '../information-gathering/sharing-decision';
import { requireText, started } from '../lifecycle/guards';
import { AGENCIES } from '../referral-dataset';
import type { ReferralEvent } from '../referral.events';
import { contributionsOf, type ContributionState, type ReferralState, type StartedReferral } from '../referral.state';
import { DISCLOSURE_DECISIONS, type RecordDisclosure } from './disclosure.commands';
import type { DisclosureRecorded } from './disclosure.events';

/**
 * A disclosure onward, or a decision not to disclose, at any stage once the referral is
 * received (closed included: a recipient may ask long after). Each is recorded with its
 * lawful basis and reason. What it names must exist: contributions by responseId, the outcome
 * once there is one, the decision once one is recorded. Passing a contribution ON is limited:
 * a held-not-shared answer gave the hub nothing to pass on, and a `restricted` one may be
 * disclosed onward only by a member of the agency that contributed it. A decision NOT to
 * disclose is always recorded. Who may send it (hub casework) the API checks by role.
 */
export function recordDisclosure({ data, metadata }: RecordDisclosure, state: ReferralState): ReferralEvent[] {
  const referral = started(state, data.referralId);
  const event: DisclosureRecorded = {
    type: 'DisclosureRecorded',
    data: {
      referralId: data.referralId,
      recipient: recipientOf(data.recipient),
      decision: decisionOf(data.decision),
      what: itemsOf(referral, data),
      lawfulBasis: lawfulBasisOf(data.lawfulBasis),
      reason: requireText(data.reason, 'reason'),
      by: data.by,
      disclosedAt: metadata.now.toISOString(),
      policyVersion: metadata.policy.policyVersion,
    },
  };
  return [event];
}

function recipientOf(recipient: RecordDisclosure['data']['recipient'] | undefined): DisclosureRecorded['data']['recipient'] {
  const organisation = requireText(recipient?.organisation, 'recipient.organisation');
  const role = requireText(recipient?.role, 'recipient.role');
  const agency = recipient?.agency;
  if (agency === undefined) return { organisation, role };
  if (!(AGENCIES as readonly unknown[]).includes(agency)) {
    throw new Rejection('REFERRAL.INVALID_INPUT', `recipient.agency must be one of ${AGENCIES.join(', ')}`, 'recipient.agency');
  }
  return { organisation, role, agency };
}

function decisionOf(decision: unknown): DisclosureRecorded['data']['decision'] {
  const known = DISCLOSURE_DECISIONS.find((d) => d === decision);
  if (!known) throw new Rejection('REFERRAL.INVALID_INPUT', `decision must be one of ${DISCLOSURE_DECISIONS.join(', ')}`, 'decision');
  return known;
}

function lawfulBasisOf(value: unknown): DisclosureRecorded['data']['lawfulBasis'] {
  if (isLawfulBasis(value)) return value;
  throw new Rejection('REFERRAL.INVALID_INPUT', `lawfulBasis must be one of ${Object.keys(LAWFUL_BASES).join(', ')}`, 'lawfulBasis');
}

function itemsOf(referral: StartedReferral, { what, decision, by }: RecordDisclosure['data']): DisclosureRecorded['data']['what'] {
  const responseIds = [...new Set(what?.responseIds ?? [])];
  const items = { responseIds, outcome: what?.outcome === true, decision: what?.decision === true };
  if (responseIds.length === 0 && !items.outcome && !items.decision) {
    throw new Rejection('REFERRAL.INVALID_INPUT', 'what must name at least one contribution, the outcome or the decision', 'what');
  }
  if (items.outcome && !referral.outcome) {
    throw new Rejection('REFERRAL.INVALID_INPUT', 'the referral has no authorised outcome to disclose', 'what.outcome');
  }
  if (items.decision && !referral.decision) {
    throw new Rejection('REFERRAL.INVALID_INPUT', 'the referral has no recorded decision to disclose', 'what.decision');
  }
  const contributions = responseIds.map((responseId) => contributionOf(referral, responseId));
  if (decision === 'disclosed') contributions.forEach((contribution) => mayPassOn(contribution, by.agency));
  return items;
}

function contributionOf(referral: StartedReferral, responseId: string): ContributionState {
  const found = contributionsOf(referral).find((c) => c.responseId === responseId);
  if (!found) throw new Rejection('REFERRAL.UNKNOWN_RESPONSE', `no agency response ${responseId} was recorded for this referral`, 'what.responseIds');
  return found;
}

function mayPassOn(contribution: ContributionState, discloser: string): void {
  if (contribution.sensitivity === null) {
    throw new Rejection(
      'REFERRAL.INVALID_INPUT',
      `${contribution.agency} held response ${contribution.responseId} and did not share it: there is nothing to disclose`,
      'what.responseIds',
    );
  }
  if (contribution.sensitivity === 'restricted' && contribution.agency !== discloser) {
    throw new Rejection(
      'REFERRAL.NOT_ALLOWED',
      `response ${contribution.responseId} is restricted: only ${contribution.agency} may disclose it onward`,
      'what.responseIds',
    );
  }
}
