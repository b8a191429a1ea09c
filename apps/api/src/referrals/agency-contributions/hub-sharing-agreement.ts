import { Injectable } from '@nestjs/common';
import { NATIONAL_HUB_POLICY_TEMPLATE, type SharingAgreementSource } from '@app/hub-policy';
import { HubPolicyStore } from '@app/hub-policy-store';

export interface HubSharingAgreement extends SharingAgreementSource {
  /** The hub policy version it comes from; null: the hub has none, so the national default applies. */
  policyVersion: number | null;
}

/**
 * A hub without a policy shares under the national template's visibility, with every member
 * agency counted as signed: the same agencies the national default asks for information.
 */
export function nationalDefaultAgreement(): HubSharingAgreement {
  const { core, contributing } = NATIONAL_HUB_POLICY_TEMPLATE.agencies;
  return {
    policyVersion: null,
    informationSharingAgreement: {
      signatories: [...core, ...contributing].map(({ agency }) => ({ agency })),
      visibility: structuredClone(NATIONAL_HUB_POLICY_TEMPLATE.informationSharingAgreement.visibility),
    },
  };
}

/** The agreement in force for a hub now: its current policy's, else the national default. */
@Injectable()
export class HubSharingAgreementQuery {
  constructor(private readonly policies: HubPolicyStore) {}

  async current(hubId: string): Promise<HubSharingAgreement> {
    const stored = await this.policies.current(hubId);
    if (!stored) return nationalDefaultAgreement();
    return { policyVersion: stored.version, informationSharingAgreement: stored.document.informationSharingAgreement };
  }
}
