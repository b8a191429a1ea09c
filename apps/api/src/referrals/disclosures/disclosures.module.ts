import { Module } from '@nestjs/common';
import type { Pool } from '@app/database';
import { HubPolicyStore } from '@app/hub-policy-store';
import { PG_POOL } from '../../platform/tokens';
import { LifecycleCommandsModule } from '../lifecycle-commands/lifecycle-commands.module';
import { DisclosureAfterLifecycle } from './disclosure-after-lifecycle';
import { DisclosuresHttpController } from './disclosures.http.controller';
import { ReferralDisclosuresQuery } from './referral-disclosures.query';

/** Disclosures onward: recorded through the referral's workflow while it runs, by the API after; read from the stream. */
@Module({
  imports: [LifecycleCommandsModule],
  controllers: [DisclosuresHttpController],
  providers: [
    DisclosureAfterLifecycle,
    ReferralDisclosuresQuery,
    { provide: HubPolicyStore, useFactory: (pool: Pool) => new HubPolicyStore(pool), inject: [PG_POOL] },
  ],
})
export class DisclosuresModule {}
