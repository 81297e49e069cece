import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each slow test file took alone (`npx vitest run --maxWorkers=1 <file>`) on the 2-core machine,
 * rounded; incremental-build, build, register and output-safety: their earlier times scaled by the fall
 * in their CPU time when they stopped spawning the CLI for each command. Only the order matters: the
 * slowest files start first, so that none of them starts last and keeps one worker busy while the other
 * has nothing left to do. Files not listed (a few seconds or less) follow in vitest's own order (by the
 * durations it cached from the last run, else the largest first).
 */
const SECONDS: Record<string, number> = {
  'test/browser/pages-1.test.ts': 60,
  'test/browser/pages-2.test.ts': 60,
  'test/browser/pages-3.test.ts': 50,
  'test/browser/pages-4.test.ts': 50,
  'test/kill.test.ts': 45,
  'test/browser/injection.test.ts': 40,
  'test/fuzz.test.ts': 33,
  'test/browser/diff-report.test.ts': 29,
  'test/register-print.test.ts': 25,
  'test/build.test.ts': 24,
  'test/browser/example-site.test.ts': 24,
  'test/package-install.test.ts': 22,
  'test/register.test.ts': 21,
  'test/incremental-build.test.ts': 20,
  'test/render-safety.test.ts': 19,
  'test/cold-start.test.ts': 14,
  'test/html-validity.test.ts': 13,
  'test/hostile-input.test.ts': 10,
  'test/incremental-default-jobs.test.ts': 9,
  'test/output-safety.test.ts': 8,
};

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = (spec: TestSpecification): number =>
      SECONDS[path.relative(root, spec.moduleId).split(path.sep).join('/')] ?? 0;
    // Array.prototype.sort is stable: unlisted files keep vitest's order.
    return (await super.sort(files)).sort((a, b) => seconds(b) - seconds(a));
  }
}
