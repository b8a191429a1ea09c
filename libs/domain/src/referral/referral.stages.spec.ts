import {
  atStrategyDiscussion,
  atTriage,
  authorise,
  awaitingTriageAuthorisation,
  cancel,
  challenge,
  closeGathering,
  closedAfterTriage,
  complete,
  discussion,
  followingUpActions,
  gathering,
  meta,
  reRate,
  received,
  referralId,
  respond,
  returnIt,
  spec,
  triage,
} from '../testing/referral/lifecycle-fixtures';
import type { ReferralCommand } from './referral.commands';
import type { ReferralEvent } from './referral.events';

const LATER = '2026-03-05T10:00:00.000Z';
const stages: Record<string, () => ReferralEvent[]> = {
  Received: () => [received()],
  AwaitingTriage: atTriage,
  AwaitingAuthorisation: awaitingTriageAuthorisation,
  InformationGathering: gathering,
  StrategyDiscussion: atStrategyDiscussion,
  ActionFollowUp: followingUpActions,
  Closed: closedAfterTriage,
};

/** What a person may send, and the only stages that allow it. */
const commands: [string, () => ReferralCommand, string[]][] = [
  ['RecordTriageDecision', () => triage({}, LATER), ['AwaitingTriage']],
  ['AuthoriseDecision', () => authorise(LATER), ['AwaitingAuthorisation']],
  ['ReturnDecision', () => returnIt(LATER), ['AwaitingAuthorisation']],
  ['ReRate', () => reRate('red', LATER), ['AwaitingAuthorisation', 'InformationGathering', 'StrategyDiscussion', 'ActionFollowUp']],
  ['RecordInformationResponse', () => respond('police', LATER, 'late-1'), ['InformationGathering', 'StrategyDiscussion']],
  ['CloseInformationGathering', () => closeGathering(LATER), ['InformationGathering']],
  ['RecordStrategyDiscussion', () => discussion({}, LATER), ['StrategyDiscussion']],
  ['CompleteAction', () => complete('a1', LATER), ['ActionFollowUp']],
  ['CancelAction', () => cancel('a1', LATER), ['ActionFollowUp']],
  ['RaiseChallenge', () => challenge(LATER), ['ActionFollowUp', 'Closed']],
];

const refused = commands.flatMap(([name, command, allowed]) =>
  Object.keys(stages)
    .filter((stage) => !allowed.includes(stage))
    .map((stage) => [name, stage, command] as const),
);

describe('every stage refuses what it does not allow', () => {
  it.each(refused)('%s at stage %s: REFERRAL.WRONG_STAGE', (_name, stage, command) => {
    spec.given(stages[stage]()).when(command()).thenRejects('REFERRAL.WRONG_STAGE');
  });

  const allowed = commands.flatMap(([name, command, stagesAllowed]) => stagesAllowed.map((stage) => [name, stage, command] as const));
  it.each(allowed)('%s at stage %s: not refused for its stage', (_name, stage, command) => {
    let rejection: unknown;
    try {
      spec.given(stages[stage]()).when(command()).then(expect.any(Array));
    } catch (error) {
      rejection = error;
    }
    expect(String(rejection)).not.toMatch(/WRONG_STAGE|is not allowed while/);
  });
});

describe('a referral never received', () => {
  const timerCommands: ReferralCommand[] = [
    { type: 'BeginLifecycle', data: { referralId }, metadata: meta(LATER) },
    { type: 'EscalateTriage', data: { referralId }, metadata: meta(LATER) },
    { type: 'EscalateAuthorisation', data: { referralId }, metadata: meta(LATER) },
    { type: 'RemindInformationRequest', data: { referralId, agency: 'police' }, metadata: meta(LATER) },
    { type: 'EscalateInformationRequest', data: { referralId, agency: 'police' }, metadata: meta(LATER) },
    { type: 'RemindAction', data: { referralId, actionId: 'a1' }, metadata: meta(LATER) },
    { type: 'EscalateAction', data: { referralId, actionId: 'a1' }, metadata: meta(LATER) },
  ];
  it.each([...commands.map(([, command]) => command()), ...timerCommands].map((c) => [c.type, c] as const))(
    'answers %s with REFERRAL.NOT_FOUND',
    (_type, command) => {
      spec.given([]).when(command).thenRejects('REFERRAL.NOT_FOUND');
    },
  );
});

describe('timers that fire after what they chase has ended give no events', () => {
  it.each([
    ['EscalateTriage', { type: 'EscalateTriage', data: { referralId }, metadata: meta(LATER) }],
    ['EscalateAuthorisation', { type: 'EscalateAuthorisation', data: { referralId }, metadata: meta(LATER) }],
    ['EscalateInformationRequest', { type: 'EscalateInformationRequest', data: { referralId, agency: 'police' }, metadata: meta(LATER) }],
    ['RemindInformationRequest', { type: 'RemindInformationRequest', data: { referralId, agency: 'police' }, metadata: meta(LATER) }],
  ] as [string, ReferralCommand][])('%s at stage ActionFollowUp', (_name, command) => {
    spec.given(followingUpActions()).when(command).then([]);
  });
});
