import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { AGENCIES, DISCLOSURE_DECISIONS, LAWFUL_BASES, type Agency, type DisclosureDecision, type LawfulBasis } from '@app/domain';
import { EnumField, NestedField, TextField } from '../../http/request-fields';
import { LIST_MAX, NAME_MAX, RATIONALE_MAX } from '../lifecycle-commands/text-limits';

export class DisclosureRecipientDto {
  @TextField({ maxLength: NAME_MAX, description: 'The organisation it goes to (e.g. Hill Primary School, Riverside Surgery, the family).' })
  organisation!: string;

  @TextField({ maxLength: NAME_MAX, description: "The recipient's role (e.g. designated safeguarding lead, GP, parent)." })
  role!: string;

  @EnumField(AGENCIES, { optional: true, enumName: 'Agency', description: "The recipient's agency, where it is one of the platform's." })
  agency?: Agency;
}

export class DisclosedItemsDto {
  @IsOptional()
  @IsArray({ message: 'must be an array' })
  @ArrayMaxSize(LIST_MAX, { message: `must have at most ${LIST_MAX} entries` })
  @IsUUID('all', { each: true, message: 'each entry must be a UUID' })
  @ApiProperty({ type: [String], required: false, maxItems: LIST_MAX, description: "Agencies' responses passed on (or withheld), by their responseId." })
  responseIds?: string[];

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  @ApiProperty({ type: Boolean, required: false, description: "The referral's authorised outcome." })
  outcome?: boolean;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  @ApiProperty({ type: Boolean, required: false, description: 'The recorded decision (triage or strategy discussion) with its rationale.' })
  decision?: boolean;
}

export class RecordDisclosureRequest {
  @NestedField(() => DisclosureRecipientDto, { description: 'Who, outside the MASH, it is (or is not) passed on to.' })
  recipient!: DisclosureRecipientDto;

  @EnumField(DISCLOSURE_DECISIONS, { enumName: 'DisclosureDecision', description: "'disclosed': passed on; 'not-disclosed': the hub decided not to, and records why." })
  decision!: DisclosureDecision;

  @NestedField(() => DisclosedItemsDto, { description: 'What: contributions, the outcome, the decision; at least one.' })
  what!: DisclosedItemsDto;

  @EnumField(Object.keys(LAWFUL_BASES), { enumName: 'LawfulBasis', description: 'The lawful basis relied on, for a disclosure and for a decision not to disclose (meanings: docs/referral-lifecycle.md).' })
  lawfulBasis!: LawfulBasis;

  @TextField({ maxLength: RATIONALE_MAX, multiline: true, description: 'Why it is disclosed, or why not. Kept in the referral stream only: never published.' })
  reason!: string;
}
