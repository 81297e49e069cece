import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileNow } from '../src/regexp-ahead.js';
import { repoRoot } from './support/cli.js';

/**
 * src/regexp-ahead.ts: a pattern is compiled to machine code only, once, where it is first used (compiledOnce),
 * instead of to bytecode on its first run and again to machine code on its second; one that a policy never runs is
 * not compiled. V8 says which it
 * compiled with --trace-regexp-tier-up ("bytecode size", "needs tier-up compilation", "native code size"); the
 * compiled modules (lib/) run in a child process with that flag.
 */
const lib = (module: string): string => pathToFileURL(path.join(repoRoot, 'lib', module)).href;

/** V8's trace of what `afterMark` compiles (a script run after `setUp`, both in one ES module). */
function traceOf(setUp: string, afterMark: string): string {
  const script = `import { writeSync } from 'node:fs';
    ${setUp}
    writeSync(1, 'MARK\\n');
    ${afterMark}
    writeSync(1, 'END\\n');`;
  const run = spawnSync(process.execPath, ['--trace-regexp-tier-up', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  return run.stdout.slice(run.stdout.indexOf('MARK\n'), run.stdout.indexOf('END\n'));
}

const pattern = String.raw`/\b(?:alleen|uitsluitend|slechts|only)\b[^.;!?]{0,30}?\b(?:schriftelijk|per post|in writing)/i`;
const twoRuns = `pattern.test('U kunt alleen schriftelijk een verzoek doen.'); pattern.test('Only in writing.');`;

describe('regular expressions compiled ahead', () => {
  it('compiles a pattern to machine code only, where it is first used', () => {
    const trace = traceOf(
      `const { compiledOnce } = await import(${JSON.stringify(lib('regexp-ahead.js'))});
       const pattern = ${pattern};`,
      `compiledOnce(pattern); ${twoRuns.replaceAll('pattern.test', 'compiledOnce(pattern).test')}`,
    );
    expect(trace).toContain('native code size');
    expect(trace).not.toContain('bytecode size');
    expect(trace).not.toContain('needs tier-up');
    // Once: the later calls compile nothing.
    expect(trace.split('native code size').length).toBe(2);
  });

  it('does not compile a pattern that the analysis of a policy never runs', () => {
    // Doctolib names no legitimate interest, so the general-interest pattern never runs; it was compiled ahead with
    // the others before the first policy (about 15 million instructions of a cold build).
    const policy = readFileSync(path.join(repoRoot, 'policies', 'doctolib', 'policy.json'), 'utf8');
    const trace = traceOf(
      `const { genericInterest } = await import(${JSON.stringify(lib('law/vague-interests.js'))});
       const { analyse } = await import(${JSON.stringify(lib('pipeline/analyse-policy.js'))});
       analyse(${JSON.stringify(policy)}, 'policy.json');`,
      `genericInterest.test(' '.repeat(1000));`,
    );
    expect(trace).toContain('native code size');
  });

  it('leaves a compiled pattern as it was: lastIndex 0, the same matches', () => {
    const words = /\b(?:alleen|slechts)\b/gi;
    expect(compileNow(words)).toBe(words);
    expect(words.lastIndex).toBe(0);
    expect('Alleen dit, slechts dat.'.match(words)).toEqual(['Alleen', 'slechts']);
  });
});
