import 'reflect-metadata';
import { ApiError } from '../../http/api-error';
import { validateRequest } from '../../http/request-validation.pipe';
import { AuthorisationRequest } from './authorisations.http.controller';
import { CancelActionRequest, CompleteActionRequest } from './actions.http.controller';
import { RaiseChallengeRequest } from './challenge.http.controller';
import { CloseInformationGatheringRequest } from './close-information-gathering.http.controller';
import { InformationResponseRequest } from './information-response.request.dto';
import { ReRateRequest } from './rating.http.controller';
import { StrategyDiscussionRequest } from './strategy-discussion.http.controller';
import { RecordTriageDecisionRequest } from './triage.http.controller';

type RequestClass = new () => object;

const uuid = '0d7c1f0e-2b8a-4c3e-9f1a-6e5d4c3b2a19';
const shared = { decision: 'shared', sensitivity: 'sensitive', lawfulBasis: 'children-act-1989-s47', purpose: 'section 47 enquiry' };
const held = { decision: 'held-not-shared', lawfulBasis: 'uk-gdpr-art-6-1-e', reason: 'a live investigation' };
const discussion = {
  heldAt: '2026-03-02T10:30:00Z',
  attendees: [{ agency: 'police', name: 'DS Example', role: 'investigating officer' }],
  absences: [{ agency: 'health', reason: 'clinic' }],
  decision: 'section-47-enquiry',
  rationale: 'risk of harm',
  actions: [{ actionId: uuid, description: 'joint visit', owningAgency: 'social-care', dueAt: '2026-03-03T17:00:00+00:00' }],
};

/** The field errors a body gets, [] when it is valid. */
async function fieldErrors(type: RequestClass, body: unknown): Promise<string[]> {
  try {
    await validateRequest(type, body);
    return [];
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return (error.fieldErrors ?? []).map(({ field, reason }) => `${field}: ${reason}`);
  }
}

describe('lifecycle command requests', () => {
  it.each<[string, RequestClass, unknown]>([
    ['triage', RecordTriageDecisionRequest, { rag: 'amber', decision: 'mash-enquiry', rationale: 'pattern of neglect\nseen at school' }],
    ['re-rating', ReRateRequest, { rag: 'red', rationale: 'new information' }],
    ['authorisation', AuthorisationRequest, { outcome: 'authorised', rationale: 'agreed' }],
    ['return', AuthorisationRequest, { outcome: 'returned', rationale: 'look again' }],
    ['information response, shared', InformationResponseRequest, { responseId: uuid, summary: 'known to police', sharing: shared }],
    ['information response, held not shared', InformationResponseRequest, { responseId: uuid, sharing: held }],
    ['close gathering', CloseInformationGatheringRequest, { rationale: 'enough is known' }],
    ['strategy discussion', StrategyDiscussionRequest, discussion],
    ['strategy discussion, no actions, a due time left to the policy', StrategyDiscussionRequest, { ...discussion, actions: [{ ...discussion.actions[0], dueAt: undefined }] }],
    ['complete action', CompleteActionRequest, { note: 'visited' }],
    ['cancel action', CancelActionRequest, { reason: 'family moved away' }],
    ['challenge', RaiseChallengeRequest, { reason: 'needs more than early help' }],
  ])('accepts a valid %s', async (_, type, body) => {
    expect(await fieldErrors(type, body)).toEqual([]);
  });

  it.each<[string, RequestClass, unknown, string[]]>([
    ['an empty triage', RecordTriageDecisionRequest, {}, ['rag: is required', 'decision: is required', 'rationale: is required']],
    ['a blank rationale', RecordTriageDecisionRequest, { rag: 'amber', decision: 'mash-enquiry', rationale: '   ' }, ['rationale: must not be blank']],
    ['a rag that is not text', ReRateRequest, { rag: 3, rationale: 'x' }, ['rag: must be a string']],
    ['a rag over two lines', ReRateRequest, { rag: 'red\namber', rationale: 'x' }, ['rag: must be a single line without control characters']],
    ['the actor in the body', RecordTriageDecisionRequest, { rag: 'amber', decision: 'mash-enquiry', rationale: 'x', by: { userId: 'someone-else', agency: 'police' } }, ['by: is not a field of this request']],
    ['an unknown outcome', AuthorisationRequest, { outcome: 'approved', rationale: 'x' }, ['outcome: must be one of: authorised, returned']],
    ['a response id that is not a UUID', InformationResponseRequest, { responseId: 'r-1', summary: 'x', sharing: shared }, ['responseId: must be a UUID']],
    ['a response without a sharing decision', InformationResponseRequest, { responseId: uuid, summary: 'x' }, ['sharing: is required']],
    ['a share without summary', InformationResponseRequest, { responseId: uuid, sharing: shared }, ['summary: is required when sharing.decision is shared']],
    [
      'a share without sensitivity or purpose',
      InformationResponseRequest,
      { responseId: uuid, summary: 'x', sharing: { decision: 'shared', lawfulBasis: 'uk-gdpr-art-6-1-e' } },
      ['sharing.sensitivity: is required when decision is shared', 'sharing.purpose: is required when decision is shared'],
    ],
    ['a share with a reason', InformationResponseRequest, { responseId: uuid, summary: 'x', sharing: { ...shared, reason: 'r' } }, ['sharing.reason: is only for a held-not-shared answer']],
    ['an unknown sensitivity', InformationResponseRequest, { responseId: uuid, summary: 'x', sharing: { ...shared, sensitivity: 'secret' } }, ['sharing.sensitivity: must be one of: general, sensitive, restricted']],
    ["a lawful basis of 'none'", InformationResponseRequest, { responseId: uuid, summary: 'x', sharing: { ...shared, lawfulBasis: 'none' } }, [expect.stringMatching(/^sharing\.lawfulBasis: must be one of: uk-gdpr-art-6-1-c, /)]],
    ['a decision that is neither', InformationResponseRequest, { responseId: uuid, sharing: { ...held, decision: 'maybe' } }, ['sharing.decision: must be one of: shared, held-not-shared']],
    ['held not shared without a reason', InformationResponseRequest, { responseId: uuid, sharing: { decision: 'held-not-shared', lawfulBasis: 'uk-gdpr-art-6-1-e' } }, ['sharing.reason: is required when decision is held-not-shared']],
    [
      'held not shared with a summary, sensitivity and purpose',
      InformationResponseRequest,
      { responseId: uuid, summary: 'x', sharing: { ...held, sensitivity: 'general', purpose: 'p' } },
      [
        'summary: is only for a shared answer; a held-not-shared answer carries no summary',
        'sharing.sensitivity: is only for a shared answer',
        'sharing.purpose: is only for a shared answer',
      ],
    ],
    ['a sharing decision that is not an object', InformationResponseRequest, { responseId: uuid, summary: 'x', sharing: 'shared' }, ['sharing: must be an object']],
    ['a rationale too long', CloseInformationGatheringRequest, { rationale: 'x'.repeat(10_001) }, ['rationale: must be at most 10000 characters']],
    ['a discussion with a local time', StrategyDiscussionRequest, { ...discussion, heldAt: '2026-03-02 10:30' }, ['heldAt: must be a date and time with its offset, e.g. 2026-03-02T10:30:00Z']],
    ['a discussion on 30 February', StrategyDiscussionRequest, { ...discussion, heldAt: '2026-02-30T10:30:00Z' }, ['heldAt: must be a date and time with its offset, e.g. 2026-03-02T10:30:00Z']],
    [
      'a discussion with bad entries, each named by its path',
      StrategyDiscussionRequest,
      {
        ...discussion,
        attendees: [{ agency: 'mi5', name: 'X', role: 'y' }],
        absences: [{ agency: 'health' }],
        actions: [{ actionId: 'a1', description: 'visit', owningAgency: 'police', dueAt: 'tomorrow' }],
      },
      [
        'attendees[0].agency: must be one of: police, social-care, health, education, probation, housing, youth-justice, mental-health, ambulance, fire, voluntary-sector, public',
        'absences[0].reason: is required',
        'actions[0].actionId: must be a UUID',
        'actions[0].dueAt: must be a date and time with its offset, e.g. 2026-03-02T10:30:00Z',
      ],
    ],
    ['a discussion without lists', StrategyDiscussionRequest, { ...discussion, attendees: undefined, absences: 'none', actions: [{}] }, [
      'attendees: is required',
      'absences: must be an array',
      'actions[0].actionId: is required',
      'actions[0].description: is required',
      'actions[0].owningAgency: is required',
    ]],
    ['a note that is not text', CompleteActionRequest, { note: ['done'] }, ['note: must be a string']],
    ['a cancellation without reason', CancelActionRequest, {}, ['reason: is required']],
    ['a challenge with an extra field', RaiseChallengeRequest, { reason: 'x', agency: 'police' }, ['agency: is not a field of this request']],
  ])('refuses %s, naming each bad field', async (_, type, body, expected) => {
    expect(await fieldErrors(type, body)).toEqual(expected);
  });
});
