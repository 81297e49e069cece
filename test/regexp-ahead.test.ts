import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileNow } from '../src/regexp-ahead.js';
import { repoRoot } from './support/cli.js';

/**
 * src/regexp-ahead.ts: a marked pattern is compiled to machine code only, once, before the first policy is
 * analysed, instead of to bytecode on its first run and again to machine code on its second. V8 says which it
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
  it('compiles a marked pattern to machine code only, when the marked patterns are compiled', () => {
    const trace = traceOf(
      `const { compiledAhead, compileMarkedPatterns } = await import(${JSON.stringify(lib('regexp-ahead.js'))});
       const pattern = compiledAhead(${pattern});`,
      `compileMarkedPatterns(); ${twoRuns}`,
    );
    expect(trace).toContain('native code size');
    expect(trace).not.toContain('bytecode size');
    expect(trace).not.toContain('needs tier-up');
  });

  it('compiles the marked patterns before it analyses the first policy', () => {
    const policy = readFileSync(path.join(repoRoot, 'policies', 'doctolib', 'policy.json'), 'utf8');
    const trace = traceOf(
      `const { compiledAhead } = await import(${JSON.stringify(lib('regexp-ahead.js'))});
       const { analyse } = await import(${JSON.stringify(lib('pipeline/analyse-policy.js'))});
       const pattern = compiledAhead(${pattern});
       analyse(${JSON.stringify(policy)}, 'policy.json');`,
      twoRuns,
    );
    // Compiled during the analysis: its two runs compile nothing.
    expect(trace).toBe('MARK\n');
  });

  it('leaves a compiled pattern as it was: lastIndex 0, the same matches', () => {
    const words = /\b(?:alleen|slechts)\b/gi;
    expect(compileNow(words)).toBe(words);
    expect(words.lastIndex).toBe(0);
    expect('Alleen dit, slechts dat.'.match(words)).toEqual(['Alleen', 'slechts']);
  });
});
