import { CONCERN_CATEGORIES, type ConcernCategory } from '@app/domain';
import { BooleanField, EnumArrayField, NestedArrayField, NestedField, TextField } from '../../http/request-fields';
import { ConsentDto } from './consent.dto';
import { HouseholdMemberDto } from './household-member.dto';
import { ReferrerDto } from './referrer.dto';
import { SubjectDto } from './subject.dto';

/** Same rule as the hubs table's check constraint. */
export const HUB_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const NARRATIVE_MAX = 20000;
export const HOUSEHOLD_MAX = 30;

/** The standard referral dataset (DESIGN.md, lifecycle step 1) addressed to one hub. */
export class SubmitReferralRequest {
  @TextField({
    maxLength: 63,
    pattern: { regex: HUB_ID, reason: 'must be a hub id: lower-case letters, digits and dashes' },
    description: 'The hub the referral is addressed to.',
    example: 'exampleshire-mash',
  })
  hubId!: string;

  @NestedField(() => ReferrerDto)
  referrer!: ReferrerDto;

  @NestedField(() => SubjectDto, { description: 'The child or adult at risk the referral is about.' })
  subject!: SubjectDto;

  @NestedArrayField(() => HouseholdMemberDto, { optional: true, maxItems: HOUSEHOLD_MAX, description: 'Others in the household, where known.' })
  householdMembers?: HouseholdMemberDto[];

  @EnumArrayField(CONCERN_CATEGORIES, {
    enumName: 'ConcernCategory',
    minItems: 1,
    minItemsReason: 'must name at least one concern category',
    description: 'What the concern is about; at least one.',
  })
  concernCategories!: ConcernCategory[];

  @BooleanField({ description: 'Whether the subject is at immediate risk of significant harm.' })
  immediateRisk!: boolean;

  @NestedField(() => ConsentDto)
  consent!: ConsentDto;

  @TextField({ maxLength: NARRATIVE_MAX, multiline: true, description: "The referrer's account of the concern." })
  narrative!: string;
}
