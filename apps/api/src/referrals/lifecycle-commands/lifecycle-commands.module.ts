import { Module } from '@nestjs/common';
import { ActionsHttpController } from './actions.http.controller';
import { AuthorisationHttpController } from './authorisations.http.controller';
import { CloseInformationGatheringHttpController } from './close-information-gathering.http.controller';
import { InformationResponseHttpController } from './information-response.http.controller';
import { LifecycleCommandHandler } from './lifecycle-command.handler';
import { RaiseChallengeHttpController } from './challenge.http.controller';
import { ReRateHttpController } from './rating.http.controller';
import { RecordTriageDecisionHttpController } from './triage.http.controller';
import { ReferralHubQuery } from './referral-hub.query';
import { StrategyDiscussionHttpController } from './strategy-discussion.http.controller';

/** People's lifecycle commands over HTTP, each sent to the referral's workflow as its Temporal update. */
@Module({
  controllers: [
    RecordTriageDecisionHttpController,
    ReRateHttpController,
    AuthorisationHttpController,
    InformationResponseHttpController,
    CloseInformationGatheringHttpController,
    StrategyDiscussionHttpController,
    ActionsHttpController,
    RaiseChallengeHttpController,
  ],
  providers: [LifecycleCommandHandler, ReferralHubQuery],
  exports: [LifecycleCommandHandler, ReferralHubQuery],
})
export class LifecycleCommandsModule {}
