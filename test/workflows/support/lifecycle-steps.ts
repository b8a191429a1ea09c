import type { Agency, ProposedAction, SharingDecision } from '@app/domain';
import {
  authoriseDecisionUpdate,
  recordInformationResponseUpdate,
  recordStrategyDiscussionUpdate,
  recordTriageDecisionUpdate,
} from '@app/workflow-contracts';
import type { LifecycleCase } from './lifecycle-harness';
import { manager, practitioner } from './people';

/** The practitioner's triage decision, then the manager's authorisation. */
export async function triageAndAuthorise(c: LifecycleCase, rag = 'amber', decision = 'mash-enquiry'): Promise<void> {
  await c.reaches('awaiting-triage');
  await c.handle.executeUpdate(recordTriageDecisionUpdate, { args: [{ rag, decision, rationale: 'pattern of neglect', by: practitioner }] });
  await c.handle.executeUpdate(authoriseDecisionUpdate, { args: [{ by: manager, rationale: 'agreed' }] });
}

export function respond(c: LifecycleCase, agency: Agency, responseId = `${agency}-1`) {
  return c.handle.executeUpdate(recordInformationResponseUpdate, {
    args: [{ agency, responseId, by: { userId: `${agency}-officer`, agency }, summary: `${agency} records`, sharing: sharedBy(agency) }],
  });
}

export const sharedBy = (agency: Agency): SharingDecision => ({
  decision: 'shared',
  sensitivity: 'general',
  lawfulBasis: 'uk-gdpr-art-6-1-e',
  purpose: `${agency} history for the MASH enquiry`,
});

/** The agency holds information but does not share it: an answer all the same. */
export function holdNotShare(c: LifecycleCase, agency: Agency, responseId = `${agency}-held`) {
  return c.handle.executeUpdate(recordInformationResponseUpdate, {
    args: [
      {
        agency,
        responseId,
        by: { userId: `${agency}-officer`, agency },
        sharing: { decision: 'held-not-shared', lawfulBasis: 'uk-gdpr-art-6-1-e', reason: 'sharing now would prejudice a live investigation' },
      },
    ],
  });
}

/** The discussion held now (in workflow time), with the core agencies there or excused, then authorised. */
export async function discussAndAuthorise(c: LifecycleCase, heldAt: string, actions: ProposedAction[], decision = 'section-47-enquiry') {
  await c.reaches('strategy-discussion');
  await c.handle.executeUpdate(recordStrategyDiscussionUpdate, {
    args: [
      {
        heldAt,
        attendees: [
          { agency: 'police', name: 'DS Grey', role: 'detective sergeant' },
          { agency: 'social-care', name: 'Sue Park', role: 'team manager' },
        ],
        absences: [{ agency: 'health', reason: 'written report supplied' }],
        decision,
        rationale: 'threshold met',
        actions,
        by: practitioner,
      },
    ],
  });
  await c.handle.executeUpdate(authoriseDecisionUpdate, { args: [{ by: manager, rationale: 'agreed' }] });
}
