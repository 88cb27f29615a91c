// Setup of the `cluster` test project (vite.config.ts): the realtime suites written for one server,
// run again with every server two processes on PostgreSQL and Redis behind a round-robin proxy
// (tests/helpers.ts starts them through ./cluster.ts). Without the services, outside CI, each test
// skips; database.ts has said why, loudly.
import { beforeEach } from 'vitest';
import { hasCluster } from './database.ts';

process.env.BOOTHLINK_TEST_CLUSTER = '1';
beforeEach((context) => context.skip(!hasCluster, 'PostgreSQL or Redis does not answer'));
