import { afterEach } from 'vitest';

/**
 * After each test, one turn of the event loop. Many tests run the CLI as a
 * synchronous child; between tests vitest awaits only promises, so a file of
 * them never reaches the event loop's poll phase, and the worker's messages
 * to the runner, which time out 60 s after they are sent (not configurable),
 * went unanswered on a loaded machine: every test passed and the run failed
 * with `Timeout calling "onTaskUpdate"`. A turn after each test reads the
 * replies, so only a single test of over 60 s could still cause it.
 */
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
