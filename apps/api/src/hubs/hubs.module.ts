import { Module } from '@nestjs/common';
import { hubPolicyStoreProvider } from './hub-policy-store.provider';
import { HubIntakeRulesRepository } from './hub-intake-rules.repository';
import { KnownHubs } from './known-hubs';
import { ListHubPolicyVersionsHttpController } from './list-hub-policy-versions/list-hub-policy-versions.http.controller';
import { PublishHubPolicyHandler } from './publish-hub-policy/publish-hub-policy.handler';
import { PublishHubPolicyHttpController } from './publish-hub-policy/publish-hub-policy.http.controller';
import { ReadHubPolicyHttpController } from './read-hub-policy/read-hub-policy.http.controller';

/** Hubs and their policies: publishing and reading versions, and the intake rules referrals are taken under. */
@Module({
  controllers: [PublishHubPolicyHttpController, ReadHubPolicyHttpController, ListHubPolicyVersionsHttpController],
  providers: [hubPolicyStoreProvider, KnownHubs, PublishHubPolicyHandler, HubIntakeRulesRepository],
  exports: [HubIntakeRulesRepository],
})
export class HubsModule {}
