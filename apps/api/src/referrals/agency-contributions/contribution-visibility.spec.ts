import { SHARING_NOT_RECORDED, type InformationProvided, type RecordedSharing, type Sensitivity, type SharingDecision } from '@app/domain';
import { visibleContributions } from './contribution-visibility';
import { nationalDefaultAgreement } from './hub-sharing-agreement';
import { hasSignedAgreement, visibleSensitivities } from '@app/hub-policy';

// A response recorded before sharing decisions reaches readers upcast, with the not-recorded default.
const response = (
  agency: 'police' | 'health' | 'education' | 'housing',
  sharing: RecordedSharing = { ...SHARING_NOT_RECORDED },
  summary?: string,
): InformationProvided['data'] => ({
  referralId: 'r-1',
  agency,
  responseId: `${agency}-1`,
  by: { userId: `${agency}-officer`, agency },
  ...(summary === undefined ? {} : { summary }),
  sharing,
  providedAt: '2026-03-02T14:00:00.000Z',
  dueAt: '2026-03-03T11:30:00.000Z',
  late: false,
  addition: false,
});
const shared = (sensitivity: Sensitivity): SharingDecision => ({
  decision: 'shared',
  sensitivity,
  lawfulBasis: 'uk-gdpr-art-6-1-e',
  purpose: `${sensitivity} purpose`,
});
const general = response('education', shared('general'), 'general text');
const sensitive = response('health', shared('sensitive'), 'sensitive text');
const restricted = response('police', shared('restricted'), 'restricted text');
const held = response('housing', { decision: 'held-not-shared', lawfulBasis: 'uk-gdpr-art-6-1-e', reason: 'tenancy matter not relevant' });
const older = response('education', undefined, 'older text');

/** What the reader gets of each: its text, 'withheld', or the held reason. */
const seen = (visible: Sensitivity[], ...provided: InformationProvided['data'][]) =>
  visibleContributions(provided, visible).map((c) => (c.withheld ? `withheld ${c.sensitivity}` : (c.summary ?? `held: ${c.reason}`)));

describe('visibleContributions', () => {
  it.each<[string, Sensitivity[], string[]]>([
    ['everything', ['general', 'sensitive', 'restricted'], ['general text', 'sensitive text', 'restricted text', 'held: tenancy matter not relevant']],
    ['general and sensitive', ['general', 'sensitive'], ['general text', 'sensitive text', 'withheld restricted', 'held: tenancy matter not relevant']],
    ['general only', ['general'], ['general text', 'withheld sensitive', 'withheld restricted', 'held: tenancy matter not relevant']],
    ['restricted only', ['restricted'], ['withheld general', 'withheld sensitive', 'restricted text', 'held: tenancy matter not relevant']],
    ['nothing', [], ['withheld general', 'withheld sensitive', 'withheld restricted', 'held: tenancy matter not relevant']],
  ])('a reader who may see %s', (_, visible, expected) => {
    expect(seen(visible, general, sensitive, restricted, held)).toEqual(expected);
  });

  it('never carries the text or purpose of a withheld contribution, only its sensitivity, decision and basis', () => {
    const [view] = visibleContributions([restricted], ['general']);
    expect(view).toEqual({
      agency: 'police',
      responseId: 'police-1',
      respondedAt: '2026-03-02T14:00:00.000Z',
      dueAt: '2026-03-03T11:30:00.000Z',
      late: false,
      addition: false,
      by: { userId: 'police-officer', agency: 'police' },
      decision: 'shared',
      lawfulBasis: 'uk-gdpr-art-6-1-e',
      sensitivity: 'restricted',
      withheld: true,
      summary: null,
      purpose: null,
      reason: null,
    });
    expect(JSON.stringify(view)).not.toContain('restricted text');
    expect(JSON.stringify(view)).not.toContain('restricted purpose');
  });

  it('shows a visible share with its purpose, and "held, not shared" with its basis and reason', () => {
    const [share, notShared] = visibleContributions([sensitive, held], ['general', 'sensitive']);
    expect(share).toMatchObject({ decision: 'shared', sensitivity: 'sensitive', withheld: false, summary: 'sensitive text', purpose: 'sensitive purpose' });
    expect(notShared).toMatchObject({ decision: 'held-not-shared', sensitivity: null, withheld: false, summary: null, purpose: null, reason: 'tenancy matter not relevant' });
  });

  it('reads a response recorded before sharing decisions as general, basis not recorded', () => {
    expect(visibleContributions([older], ['general'])[0]).toMatchObject({ sensitivity: 'general', lawfulBasis: 'not-recorded', summary: 'older text', purpose: null });
    expect(visibleContributions([older], [])[0]).toMatchObject({ withheld: true, summary: null });
  });
});

describe('the national default agreement (a hub without a policy)', () => {
  const agreement = nationalDefaultAgreement();

  it.each<[string, string, Sensitivity[]]>([
    ['practitioner', 'police', ['general', 'sensitive']],
    ['hub-manager', 'social-care', ['general', 'sensitive', 'restricted']],
    ['referrer', 'education', []],
  ])("lets a %s of %s see the template's sensitivities", (role, agency, expected) => {
    expect(visibleSensitivities(agreement, { role, agency: agency as 'police' })).toEqual(expected);
  });

  it('counts every member agency as signed, and no other', () => {
    expect(['police', 'social-care', 'health', 'education', 'probation', 'housing'].every((a) => hasSignedAgreement(agreement, a as 'police'))).toBe(true);
    expect(hasSignedAgreement(agreement, 'fire')).toBe(false);
  });
});
