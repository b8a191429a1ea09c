import { CalendarDateField, TextField } from '../../http/request-fields';

export class HouseholdMemberDto {
  @TextField({ maxLength: 100 })
  givenName!: string;

  @TextField({ maxLength: 100 })
  familyName!: string;

  @TextField({ maxLength: 100, description: "Relationship to the subject, in the referrer's words.", example: 'mother' })
  relationship!: string;

  @CalendarDateField({ optional: true })
  dateOfBirth?: string;
}
