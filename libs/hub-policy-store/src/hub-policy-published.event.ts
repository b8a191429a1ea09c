import type { HubPolicyDocument, HubPolicyOverrides } from '@app/hub-policy';

/** Each hub's policy versions are one stream; its stream version is the policy version. */
export const hubPolicyStreamId = (hubId: string): string => `hub-policy-${hubId}`;

export const HUB_POLICY_PUBLISHED = 'HubPolicyPublished';

/** Who published a version: the token's user and the agency they act for. */
export interface PolicyPublisher {
  userId: string;
  agency: string;
}

/**
 * A hub published a new version of its policy. Not a referral event: the relay and the
 * referral workflow starter read past it (neither knows its type).
 */
export interface HubPolicyPublished {
  type: typeof HUB_POLICY_PUBLISHED;
  data: {
    hubId: string;
    version: number;
    /** The resolved, validated document: what the version means. */
    document: HubPolicyDocument;
    /** What the hub wrote. */
    overrides: HubPolicyOverrides;
    publishedBy: PolicyPublisher;
    reason: string;
  };
}
