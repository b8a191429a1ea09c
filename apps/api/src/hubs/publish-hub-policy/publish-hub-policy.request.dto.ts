import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import type { HubPolicyOverrides } from '@app/hub-policy';

export class PublishHubPolicyRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'What differs from the national template (docs/hub-policy.md: objects merge key by key, anything else replaces whole). ' +
      'At least the accountable manager, the sharing agreement\'s version, date and signatories, and the data protection protocol.',
  })
  @IsObject()
  overrides!: HubPolicyOverrides;

  @ApiProperty({ example: 'amber information requests answered within 2 working days, agreed at the board of 2 March', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
