import { Module } from '@nestjs/common';
import type { Pool } from '@app/database';
import { HubPolicyStore } from '@app/hub-policy-store';
import { PG_POOL } from '../../platform/tokens';
import { AgencyContributionsHttpController } from './agency-contributions.http.controller';
import { HubSharingAgreementQuery } from './hub-sharing-agreement';
import { ReferralContributionsQuery } from './referral-contributions.query';

/** What agencies contributed to a referral, read from its stream under the hub's sharing agreement. */
@Module({
  controllers: [AgencyContributionsHttpController],
  providers: [
    ReferralContributionsQuery,
    HubSharingAgreementQuery,
    { provide: HubPolicyStore, useFactory: (pool: Pool) => new HubPolicyStore(pool), inject: [PG_POOL] },
  ],
})
export class AgencyContributionsModule {}
