import { AGE_BANDS, SUBJECT_TYPES, type AgeBand, type SubjectType } from '@app/domain';
import { CalendarDateField, EnumField, NestedField, TextField } from '../../http/request-fields';
import { AddressDto } from './address.dto';

export class SubjectDto {
  @EnumField(SUBJECT_TYPES, { enumName: 'SubjectType', description: 'Whether the referral is about a child or an adult at risk.' })
  type!: SubjectType;

  @TextField({ maxLength: 100 })
  givenName!: string;

  @TextField({ maxLength: 100 })
  familyName!: string;

  // A child's age decides thresholds and timescales: a date of birth or at least an age band.
  @CalendarDateField({
    requiredWhen: {
      test: (subject: SubjectDto) => subject.type === 'child' && subject.ageBand == null,
      reason: 'is required for a child unless ageBand is given',
    },
    description: 'Required for a child unless ageBand is given. Must fit the subject type (a child is under 18).',
    example: '2015-03-14',
  })
  dateOfBirth?: string;

  @EnumField(AGE_BANDS, { enumName: 'AgeBand', optional: true, description: 'Where the date of birth is unknown. Must fit the subject type.' })
  ageBand?: AgeBand;

  @NestedField(() => AddressDto, { optional: true })
  address?: AddressDto;
}
