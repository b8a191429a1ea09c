import { IsEmail } from 'class-validator';
import { AGENCIES, type Agency } from '@app/domain';
import { EnumField, TextField } from '../../http/request-fields';

export const PHONE_NUMBER = /^\+?[0-9][0-9 ()-]{5,28}$/;

export class ReferrerDto {
  @TextField({ maxLength: 200, description: 'The referring professional or member of the public.' })
  name!: string;

  @EnumField(AGENCIES, { enumName: 'Agency', description: 'The agency the referrer refers for.' })
  agency!: Agency;

  @TextField({ maxLength: 100, optional: true, example: 'Designated safeguarding lead' })
  role?: string;

  @TextField({ maxLength: 30, optional: true, pattern: { regex: PHONE_NUMBER, reason: 'must be a phone number of digits, spaces, brackets and dashes' } })
  phone?: string;

  @TextField({ maxLength: 254, optional: true, format: 'email' })
  @IsEmail({}, { message: 'must be an email address' })
  email?: string;
}
