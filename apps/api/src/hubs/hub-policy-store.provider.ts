import type { Provider } from '@nestjs/common';
import type { Pool } from '@app/database';
import { HubPolicyStore } from '@app/hub-policy-store';
import { PG_POOL } from '../platform/tokens';

export const hubPolicyStoreProvider: Provider = { provide: HubPolicyStore, useFactory: (pool: Pool) => new HubPolicyStore(pool), inject: [PG_POOL] };
