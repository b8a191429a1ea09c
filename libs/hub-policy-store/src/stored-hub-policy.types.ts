import type { HubPolicyDocument, HubPolicyOverrides } from '@app/hub-policy';
import type { PolicyPublisher } from './hub-policy-published.event';

export interface StoredHubPolicy {
  hubId: string;
  version: number;
  document: HubPolicyDocument;
  publishedBy: PolicyPublisher;
  publishedAt: Date;
}

/** One line of a hub's version history. */
export interface HubPolicyVersionSummary {
  version: number;
  publishedAt: Date;
  publishedBy: PolicyPublisher;
  reason: string;
}

export interface PublishHubPolicy {
  hubId: string;
  /**
   * The version the publisher saw (0: none yet). Publishing succeeds only if it is still the
   * current one, so of two racing publishers one wins and the other gets a conflict.
   */
  expectedVersion: number;
  /** Resolved and validated by the caller (validateHubPolicy). */
  document: HubPolicyDocument;
  overrides: HubPolicyOverrides;
  publishedBy: PolicyPublisher;
  reason: string;
  correlationId: string;
  now: Date;
}
