import { ApiProperty } from '@nestjs/swagger';

export class ReferralLinksDto {
  @ApiProperty({ example: '/v1/referrals/4b1c9a9e-8a43-4b0a-9f0c-1d2e3f4a5b6c' })
  self!: string;
}

export class SubmitReferralResponse {
  @ApiProperty({ format: 'uuid' })
  referralId!: string;

  @ApiProperty({ enum: ['received'] })
  status!: 'received';

  @ApiProperty({ type: ReferralLinksDto })
  links!: ReferralLinksDto;
}

export const referralPath = (referralId: string): string => `/v1/referrals/${referralId}`;

export function submitReferralResponse(referralId: string): SubmitReferralResponse {
  return { referralId, status: 'received', links: { self: referralPath(referralId) } };
}
