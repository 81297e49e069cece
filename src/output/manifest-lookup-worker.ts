import { parentPort, workerData } from 'node:worker_threads';
import { matchingManifest } from './build-cache.js';
import type { LookupAnswer, LookupRequest } from './manifest-lookups.js';

// The worker of manifest-lookups.ts: answers the look-ups in order, at most lookAhead ahead of those taken.
const { outDir, lookAhead, leanFor } = workerData as { outDir: string; lookAhead: number; leanFor?: string };
const lookups: ({ id: string; key: string } | undefined)[] = [];
let next = 0;
let taken = 0;

parentPort!.on('message', (request: LookupRequest) => {
  if ('lookups' in request) lookups.push(...request.lookups);
  else taken = Math.max(taken, request.taken);
  for (; next < lookups.length && next < taken + lookAhead; next++) {
    const { id, key } = lookups[next]!;
    lookups[next] = undefined;
    const text = matchingManifest(outDir, id, key, leanFor);
    parentPort!.postMessage((text === undefined ? { n: next } : { n: next, text }) satisfies LookupAnswer);
  }
});
