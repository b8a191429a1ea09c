import { Module } from '@nestjs/common';
import { OpsHttpController } from './ops.http.controller';
import { OpsConnections } from './ops-connections';

/** The ops API: status, parked events and referral-at, through the same functions as the ops command line. */
@Module({
  controllers: [OpsHttpController],
  providers: [OpsConnections],
})
export class OpsModule {}
