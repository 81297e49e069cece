import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * The bundled CLI keeps each command's implementation in a chunk of its own
 * (lib/policyc-bundle.<command>.cjs, scripts/bundle-cli.mjs): argument
 * parsing sees every command's flags, and a run reads only its command's chunk.
 */
const tempDir = tempDirs('policyc-chunks-');
const bin = path.join(repoRoot, 'lib/cli/main.cjs');
const lib = path.join(repoRoot, 'lib');
const minimal = readFileSync(path.join(repoRoot, 'test/fixtures/minimal/policy.json'), 'utf8');

/** A preload that lists every file under lib/ the process reads with readFileSync. */
const recorder = `
const fs = require('node:fs');
const read = fs.readFileSync;
const seen = [];
fs.readFileSync = function (file, ...rest) {
  if (typeof file === 'string' && file.startsWith(${JSON.stringify(lib + path.sep)})) seen.push(file);
  return read.call(this, file, ...rest);
};
process.on('exit', () => fs.writeFileSync(process.env.POLICYC_READ, JSON.stringify(seen)));
`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The chunks read, by command. */
  chunks: string[];
}

function policyc(args: string[], env: Record<string, string> = {}): Run {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'policies', 'minimal'), { recursive: true });
  writeFileSync(path.join(dir, 'policies', 'minimal', 'policy.json'), minimal);
  writeFileSync(path.join(dir, 'recorder.cjs'), recorder);
  const list = path.join(dir, 'read.json');
  const run = spawnSync(process.execPath, ['--require', path.join(dir, 'recorder.cjs'), bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', POLICYC_READ: list, ...env },
  });
  const chunks = (JSON.parse(readFileSync(list, 'utf8')) as string[]).flatMap(
    (f) => /^policyc-bundle\.(.+)\.cjs$/.exec(path.relative(lib, f))?.[1] ?? [],
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, chunks };
}

describe('the command chunks of the bundled CLI', () => {
  it('a check reads the check chunk only, a build the build chunk only, help none', () => {
    expect(policyc(['check']).chunks).toEqual(['check']);
    const build = policyc(['build', '--out', 'dist']);
    expect(build.status).toBe(0);
    expect(build.chunks).toEqual(['build']);
    const help = policyc(['help', 'build']);
    expect(help.status).toBe(0);
    expect(help.chunks).toEqual([]);
  });

  it('finds the command past a flag whose value is another command’s name, as the compiled modules do', () => {
    // [arguments, the command that runs, its exit code]: --lang and --jobs take the next argument as their value.
    const cases: [string[], string, number][] = [
      [['--lang', 'check', 'build'], 'build', 2], // build's --lang: "check" is not a language
      [['--jobs', 'check', 'build', '--out', 'dist'], 'build', 2],
      [['--lang', 'build', 'check'], 'check', 2],
      [['--max-warnings', '0', 'check', '--format', 'compact'], 'check', 1],
    ];
    for (const [args, command, status] of cases) {
      const bundled = policyc(args);
      const modules = policyc(args, { POLICYC_BUNDLE: '0' });
      expect([bundled.status, bundled.chunks]).toEqual([status, [command]]);
      expect([bundled.status, bundled.stdout, bundled.stderr]).toEqual([
        modules.status,
        modules.stdout,
        modules.stderr,
      ]);
    }
  });

  it('have the code caches npm run compile trained for check, build and register, and V8 takes them', () => {
    // What a chunk requires from the bundle is stubbed: its top level only defines its modules.
    const script = `import { readFileSync } from 'node:fs';
      import { runCachedScript } from ${JSON.stringify(path.join(lib, 'code-cache.js'))};
      const shared = new Proxy({}, { get: () => () => ({}) });
      const used = (command) => {
        const file = ${JSON.stringify(lib)} + '/policyc-bundle.' + command + '.cjs';
        return runCachedScript(file, readFileSync(file, 'latin1'), undefined, shared).cacheUsed;
      };
      console.log(JSON.stringify(['check', 'build', 'register'].map(used)));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([true, true, true]);
  });
});
