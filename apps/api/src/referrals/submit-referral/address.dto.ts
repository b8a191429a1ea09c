import { TextField } from '../../http/request-fields';

/** UK postcode, upper or lower case, space optional (SW1A 1AA, sw1a1aa, GIR 0AA). */
export const UK_POSTCODE = /^(?:[A-Za-z]{1,2}[0-9][A-Za-z0-9]?|GIR|gir) ?[0-9][A-Za-z]{2}$/;

export class AddressDto {
  @TextField({ maxLength: 200, example: '1 High Street' })
  line1!: string;

  @TextField({ maxLength: 200, optional: true })
  line2?: string;

  @TextField({ maxLength: 100, example: 'Exampleton' })
  town!: string;

  @TextField({
    maxLength: 10,
    pattern: { regex: UK_POSTCODE, reason: 'must be a UK postcode such as SW1A 1AA' },
    example: 'SW1A 1AA',
  })
  postcode!: string;
}
