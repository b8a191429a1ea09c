import { ApiProperty } from '@nestjs/swagger';
import type { HubPolicyVersionSummary, StoredHubPolicy } from '@app/hub-policy-store';

export class HubPolicyPublisherDto {
  @ApiProperty({ example: 'north-hub-accountable-manager' }) userId!: string;
  @ApiProperty({ example: 'social-care' }) agency!: string;
}

/** One version of a hub's policy, whole. */
export class HubPolicyVersionResponse {
  @ApiProperty({ example: 'north-hub' }) hubId!: string;
  @ApiProperty({
    example: 2,
    minimum: 1,
    description: 'From 1. Every decision on a referral records the version it was taken under; 0 there is the national default, before the hub published any.',
  })
  version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: HubPolicyPublisherDto }) publishedBy!: HubPolicyPublisherDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The resolved document (national template + the hub\'s overrides): libs/hub-policy/schema/hub-policy.v1.schema.json, explained in docs/hub-policy.md.',
  })
  document!: Record<string, unknown>;
}

export class HubPolicyVersionSummaryDto {
  @ApiProperty({ example: 1, minimum: 1 }) version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: HubPolicyPublisherDto }) publishedBy!: HubPolicyPublisherDto;
  @ApiProperty({ example: 'amber information requests answered within 2 working days, agreed at the board' }) reason!: string;
}

export class HubPolicyVersionsResponse {
  @ApiProperty({ example: 'north-hub' }) hubId!: string;
  @ApiProperty({ type: [HubPolicyVersionSummaryDto], description: 'Oldest first.' }) versions!: HubPolicyVersionSummaryDto[];
}

export const hubPolicyVersionPath = (hubId: string, version: number): string => `/v1/hubs/${hubId}/policy/versions/${version}`;

/** The policy's version as an entity tag: send it back as If-Match to publish over exactly that version. */
export const versionTag = (version: number): string => `"${version}"`;

export function toHubPolicyVersionResponse(stored: StoredHubPolicy): HubPolicyVersionResponse {
  return {
    hubId: stored.hubId,
    version: stored.version,
    publishedAt: stored.publishedAt.toISOString(),
    publishedBy: { ...stored.publishedBy },
    document: stored.document as unknown as Record<string, unknown>,
  };
}

export function toHubPolicyVersionsResponse(hubId: string, versions: HubPolicyVersionSummary[]): HubPolicyVersionsResponse {
  return {
    hubId,
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString(), publishedBy: { ...v.publishedBy }, reason: v.reason })),
  };
}
