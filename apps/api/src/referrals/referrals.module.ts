import { Module } from '@nestjs/common';
import { AgencyContributionsModule } from './agency-contributions/agency-contributions.module';
import { DisclosuresModule } from './disclosures/disclosures.module';
import { HubsModule } from '../hubs/hubs.module';
import { GetReferralHttpController } from './get-referral/get-referral.http.controller';
import { ReferralSummaryQuery } from './get-referral/referral-summary.query';
import { LifecycleCommandsModule } from './lifecycle-commands/lifecycle-commands.module';
import { IntakeIdempotencyKeysRepository } from './submit-referral/intake-idempotency-keys.repository';
import { SubmitReferralHandler } from './submit-referral/submit-referral.handler';
import { SubmitReferralHttpController } from './submit-referral/submit-referral.http.controller';

@Module({
  imports: [LifecycleCommandsModule, HubsModule, AgencyContributionsModule, DisclosuresModule],
  controllers: [SubmitReferralHttpController, GetReferralHttpController],
  providers: [SubmitReferralHandler, IntakeIdempotencyKeysRepository, ReferralSummaryQuery],
})
export class ReferralsModule {}
