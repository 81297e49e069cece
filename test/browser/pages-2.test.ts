import { describePageShard } from './page-checks.js';

// Shard 2 of the in-browser page checks (see page-checks.ts): one file per shard, so that vitest's workers share them.
await describePageShard(2);
