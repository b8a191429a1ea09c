import { CONSENT_STATUSES, type ConsentStatus } from '@app/domain';
import { BooleanField, EnumField, TextField } from '../../http/request-fields';

export class ConsentDto {
  @EnumField(CONSENT_STATUSES, { enumName: 'ConsentStatus' })
  status!: ConsentStatus;

  @BooleanField({ description: 'Whether the family knows about the referral.' })
  familyAware!: boolean;

  // Consent is not a precondition for sharing, but going ahead without it must say why.
  @TextField({
    maxLength: 2000,
    multiline: true,
    requiredWhen: {
      test: (consent: ConsentDto) => consent.status !== 'given',
      reason: 'is required when consent was refused or not sought',
    },
    description: 'Why consent was not sought or was overridden. Required unless status is "given".',
  })
  reason?: string;
}
