import { LAWFUL_BASES, SENSITIVITIES, type SharingDecision } from '@app/domain';
import { EnumField, NestedField, RefusedWhen, TextField, UuidField } from '../../http/request-fields';
import { RATIONALE_MAX, SUMMARY_MAX } from './text-limits';

const SHARING_DECISIONS = ['shared', 'held-not-shared'] as const;
const shares = (sharing: Partial<SharingDecisionDto> | undefined) => sharing?.decision === 'shared';
const holds = (sharing: Partial<SharingDecisionDto> | undefined) => sharing?.decision === 'held-not-shared';

export class SharingDecisionDto {
  @EnumField(SHARING_DECISIONS, {
    enumName: 'SharingDecisionKind',
    description: "'shared': the summary is shared at a sensitivity, for a purpose; 'held-not-shared': the agency holds information but does not share it, and says why.",
  })
  decision!: (typeof SHARING_DECISIONS)[number];

  @EnumField(Object.keys(LAWFUL_BASES), {
    enumName: 'LawfulBasis',
    description: 'The lawful basis the agency relies on (meanings: docs/referral-lifecycle.md). There is no "none": answer held-not-shared instead.',
  })
  lawfulBasis!: keyof typeof LAWFUL_BASES;

  @EnumField(SENSITIVITIES, {
    enumName: 'Sensitivity',
    requiredWhen: { test: shares, reason: 'is required when decision is shared' },
    description: 'Who may see the summary under the hub agreement: general, sensitive or restricted. Only when shared.',
  })
  @RefusedWhen(holds, 'is only for a shared answer')
  sensitivity?: (typeof SENSITIVITIES)[number];

  @TextField({
    maxLength: RATIONALE_MAX,
    multiline: true,
    requiredWhen: { test: shares, reason: 'is required when decision is shared' },
    description: 'Why the information is shared (e.g. for the section 47 enquiry). Only when shared.',
  })
  @RefusedWhen(holds, 'is only for a shared answer')
  purpose?: string;

  @TextField({
    maxLength: RATIONALE_MAX,
    multiline: true,
    requiredWhen: { test: holds, reason: 'is required when decision is held-not-shared' },
    description: 'Why the agency does not share what it holds. Only when held-not-shared.',
  })
  @RefusedWhen(shares, 'is only for a held-not-shared answer')
  reason?: string;
}

export class InformationResponseRequest {
  @UuidField({ description: "The client's id of this response: the same response sent again (a retry) is recorded once." })
  responseId!: string;

  @TextField({
    maxLength: SUMMARY_MAX,
    multiline: true,
    requiredWhen: { test: (body: InformationResponseRequest) => shares(body.sharing), reason: 'is required when sharing.decision is shared' },
    description: 'What the agency shares under the sharing agreement. Only when shared: a held-not-shared answer carries none.',
  })
  @RefusedWhen((body: InformationResponseRequest) => holds(body.sharing), 'is only for a shared answer; a held-not-shared answer carries no summary')
  summary?: string;

  @NestedField(() => SharingDecisionDto, { description: "The agency's decision to share, or not, with its lawful basis." })
  sharing!: SharingDecisionDto;
}

/** The command's fields, with only the fields of the decision taken. */
export function sharingDecision({ sharing }: InformationResponseRequest): SharingDecision {
  if (sharing.decision === 'held-not-shared') {
    return { decision: 'held-not-shared', lawfulBasis: sharing.lawfulBasis, reason: sharing.reason! };
  }
  return { decision: 'shared', sensitivity: sharing.sensitivity!, lawfulBasis: sharing.lawfulBasis, purpose: sharing.purpose! };
}
