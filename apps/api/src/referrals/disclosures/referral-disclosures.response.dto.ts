import { ApiProperty } from '@nestjs/swagger';
import { AGENCIES, DISCLOSURE_DECISIONS, LAWFUL_BASES, type DisclosureRecorded, type ReferrerNotified } from '@app/domain';

class DisclosureRecipientView {
  @ApiProperty({ type: String, nullable: true, description: 'Null for an outcome notice: the referrer is named by role and agency.' })
  organisation!: string | null;

  @ApiProperty()
  role!: string;

  @ApiProperty({ enum: [...AGENCIES], enumName: 'Agency', nullable: true })
  agency!: string | null;
}

class DisclosedItemsView {
  @ApiProperty({ type: [String] })
  responseIds!: string[];

  @ApiProperty()
  outcome!: boolean;

  @ApiProperty()
  decision!: boolean;
}

class DisclosedByView {
  @ApiProperty()
  userId!: string;

  @ApiProperty({ enum: [...AGENCIES], enumName: 'Agency' })
  agency!: string;
}

export class DisclosureView {
  @ApiProperty({ format: 'uuid', description: 'The event that records it.' })
  eventId!: string;

  @ApiProperty({ enum: ['disclosure', 'outcome-notice'], description: "'outcome-notice': the platform's notice of the outcome to the referrer." })
  kind!: 'disclosure' | 'outcome-notice';

  @ApiProperty({ type: DisclosureRecipientView })
  recipient!: DisclosureRecipientView;

  @ApiProperty({ enum: [...DISCLOSURE_DECISIONS], enumName: 'DisclosureDecision' })
  decision!: string;

  @ApiProperty({ type: DisclosedItemsView })
  what!: DisclosedItemsView;

  @ApiProperty({ enum: [...Object.keys(LAWFUL_BASES), 'not-recorded'], description: 'not-recorded: an outcome notice from before notices recorded their basis.' })
  lawfulBasis!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Why it was disclosed, or not; null for outcome notices from before notices recorded it.' })
  reason!: string | null;

  @ApiProperty({ type: DisclosedByView, nullable: true, description: 'Null for an outcome notice (sent by the platform).' })
  by!: DisclosedByView | null;

  @ApiProperty({ format: 'date-time' })
  disclosedAt!: string;

  @ApiProperty({ type: Number, nullable: true })
  policyVersion!: number | null;
}

export class ReferralDisclosuresView {
  @ApiProperty({ format: 'uuid' })
  referralId!: string;

  @ApiProperty({ type: [DisclosureView], description: 'Oldest first.' })
  disclosures!: DisclosureView[];
}

export function disclosureView(eventId: string, event: DisclosureRecorded | ReferrerNotified): DisclosureView {
  if (event.type === 'DisclosureRecorded') {
    const d = event.data;
    return {
      eventId,
      kind: 'disclosure',
      recipient: { organisation: d.recipient.organisation, role: d.recipient.role, agency: d.recipient.agency ?? null },
      decision: d.decision,
      what: { responseIds: [...d.what.responseIds], outcome: d.what.outcome, decision: d.what.decision },
      lawfulBasis: d.lawfulBasis,
      reason: d.reason,
      by: { userId: d.by.userId, agency: d.by.agency },
      disclosedAt: d.disclosedAt,
      policyVersion: d.policyVersion,
    };
  }
  const d = event.data;
  return {
    eventId,
    kind: 'outcome-notice',
    recipient: { organisation: null, role: 'referrer', agency: d.referrer.agency },
    decision: 'disclosed',
    what: { responseIds: [], outcome: true, decision: false },
    lawfulBasis: d.lawfulBasis ?? 'not-recorded',
    reason: d.reason ?? null,
    by: null,
    disclosedAt: d.notifiedAt,
    policyVersion: d.policyVersion,
  };
}
