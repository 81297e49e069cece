import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedCache, usableCache } from '../src/code-cache.js';
import { cliPath, repoRoot } from './support/cli.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * What a cold `policyc` loads (issue 14: load only what the requested outputs
 * need). The bin runs the bundle (scripts/bundle-cli.mjs), whose modules keep
 * the compiled modules' lazy imports; with POLICYC_BUNDLE=0 it runs those
 * modules, and an ES module hook sees each one. A preload records every file
 * in require.cache (what is required from node_modules and lib/ at run time).
 */
const tempDir = tempDirs('policyc-cold-');

const recorder = `
const { appendFileSync, writeFileSync } = require('node:fs');
const { register } = require('node:module');
const list = process.env.POLICYC_LOADED;
writeFileSync(list + '.esm', '');
register('data:text/javascript,' + encodeURIComponent(
  'import { appendFileSync } from "node:fs";' +
  'export async function load(url, context, next) {' +
  '  if (url.startsWith("file:")) appendFileSync(' + JSON.stringify(list + '.esm') + ', url + "\\\\n");' +
  '  return next(url, context);' +
  '}'));
process.on('exit', () => {
  writeFileSync(list, JSON.stringify(Object.keys(require.cache)));
  writeFileSync(list + '.builtins', JSON.stringify(process.moduleLoadList));
});
`;

interface Loaded {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Paths relative to the repository, with forward slashes: what was required, and what was imported. */
  required: string[];
  imported: string[];
  /** Node's own modules loaded, by name ('crypto', 'internal/fs/utils', …). */
  builtins: string[];
}

/** Runs the bin on a project holding the given policies ({ org: policy text }) and lists what it loaded. */
function loadedBy(
  args: string[],
  policies: Record<string, string>,
  env: Record<string, string> = {},
  entry = cliPath,
): Loaded {
  const dir = tempDir();
  for (const [org, text] of Object.entries(policies)) {
    mkdirSync(path.join(dir, 'policies', org), { recursive: true });
    writeFileSync(path.join(dir, 'policies', org, 'policy.json'), text);
  }
  writeFileSync(path.join(dir, 'recorder.cjs'), recorder);
  const list = path.join(dir, 'loaded.json');
  const run = spawnSync(process.execPath, ['--require', path.join(dir, 'recorder.cjs'), entry, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', POLICYC_LOADED: list, ...env },
  });
  const relative = (f: string): string => path.relative(repoRoot, f).split(path.sep).join('/');
  const required = (JSON.parse(readFileSync(list, 'utf8')) as string[]).filter((f) => !f.startsWith(dir));
  const imported = new Set(
    readFileSync(list + '.esm', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((url) => relative(new URL(url).pathname)),
  );
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    required: required.map(relative),
    imported: [...imported],
    builtins: (JSON.parse(readFileSync(list + '.builtins', 'utf8')) as string[])
      .filter((m) => m.startsWith('NativeModule '))
      .map((m) => m.slice('NativeModule '.length)),
  };
}

const minimal = readFileSync(path.join(repoRoot, 'test/fixtures/minimal/policy.json'), 'utf8');
const packagesOf = (files: string[]): string[] =>
  [...new Set(files.flatMap((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1] ?? []))].sort();
/** The compiled modules of the folders given ('render', 'output', …) among the files. */
const modulesIn = (files: string[], folders: string[]): string[] =>
  files.filter((f) => folders.some((folder) => f.startsWith(`lib/${folder}/`)));
const modules = { POLICYC_BUNDLE: '0' };

describe('a cold policyc check', () => {
  it('runs from the bundle and requires nothing at run time: the validator and its formats are one file', () => {
    const { status, required, imported } = loadedBy(['check'], { minimal });
    expect(status).toBe(1); // the fixture has a finding of severity error
    expect(imported.sort()).toEqual(['lib/cli/main.js', 'lib/code-cache.js']);
    expect(required).toEqual([]);
  });

  it('loads no node:crypto (and the streams it loads): only a SARIF report hashes', () => {
    const check = loadedBy(['check'], { minimal }, {}, path.join(repoRoot, 'lib/cli/main.cjs'));
    expect(check.builtins).not.toContain('crypto');
    const sarif = loadedBy(['check', '--format', 'sarif'], { minimal }, {}, path.join(repoRoot, 'lib/cli/main.cjs'));
    expect(sarif.builtins).toContain('crypto');
  });

  it('from the bin (lib/cli/main.cjs) loads no ES module at all, and prints the same', () => {
    const bin = loadedBy(['check'], { minimal }, {}, path.join(repoRoot, 'lib/cli/main.cjs'));
    expect(bin.imported).toEqual([]);
    expect(bin.required).toEqual(['lib/cli/main.cjs']);
    const esm = loadedBy(['check'], { minimal });
    expect([bin.status, bin.stdout, bin.stderr]).toEqual([esm.status, esm.stdout, esm.stderr]);
  });

  it('loads no compiler, no writer, no Markdown stack, no diff and no momoa (seen in the compiled modules)', () => {
    const { status, required, imported } = loadedBy(['check'], { minimal }, modules);
    expect(status).toBe(1);
    const files = [...imported, ...required];
    expect(files).toContain('lib/pipeline/analyse-policy.js');
    // ajv-formats' table of formats (validate/formats.ts) but not ajv: the validator is generated ahead of time.
    expect(packagesOf(files)).toEqual(['ajv-formats', 'i18next']);
    expect(modulesIn(files, ['output', 'diff', 'audit', 'serve'])).toEqual([]);
    // Of render/, only what validation and the rules share with it: no template, register or notice code.
    expect(modulesIn(files, ['render']).sort()).toEqual([
      'lib/render/lazy-module.js',
      'lib/render/parse-author-markdown.js',
      'lib/render/retention-phrase.js',
    ]);
    expect(files.filter((f) => /compile-(job|many|policy)/.test(f))).toEqual([]);
  });

  it('prints the same from the bundle as from the compiled modules', () => {
    const policies = { minimal, linked: minimal.replace('"id": "minimal"', '"id": "linked"') };
    const output = ({ status, stdout, stderr }: Loaded): unknown => ({ status, stdout, stderr });
    for (const args of [['check'], ['check', '--format', 'sarif'], ['check', '--lang', 'nl', '--format', 'json']]) {
      const bundled = loadedBy(args, policies);
      const plain = loadedBy(args, policies, modules);
      expect(output(bundled)).toEqual(output(plain));
    }
  });
});

describe('a cold policyc build', () => {
  it('loads Handlebars’ runtime and the register writers, but neither the compiler nor the Markdown stack for plain texts', () => {
    const { status, required, imported } = loadedBy(['build', '--out', 'dist'], { minimal }, modules);
    expect(status).toBe(0);
    const files = [...imported, ...required];
    expect(files).toContain('node_modules/handlebars/runtime.js');
    // The precompiled templates (run as a vm.Script with their code cache, so in neither list): no compiler.
    expect(files.filter((f) => f.includes('handlebars/dist/cjs/handlebars/compiler/'))).toEqual([]);
    expect(packagesOf(files)).toEqual([
      'ajv-formats',
      'csv-stringify',
      'fflate',
      'github-slugger',
      'handlebars',
      'i18next',
    ]);
  });

  it('from the bundle, requires nothing: the precompiled templates run with their code cache', () => {
    const { status, required } = loadedBy(['build', '--out', 'dist'], { minimal });
    expect(status).toBe(0);
    expect(required).toEqual([]);
  });

  it('loads the Markdown stack for a text with Markdown syntax, and momoa only to position a syntax error', () => {
    const linked = JSON.parse(minimal) as { introduction?: Record<string, string> };
    linked.introduction = { en: 'See [our site](https://example.org).', nl: 'Zie [onze site](https://example.org).' };
    const markdown = loadedBy(['build', '--out', 'dist'], { linked: JSON.stringify(linked, null, 2) });
    expect(markdown.status).toBe(0);
    expect(packagesOf(markdown.required)).toEqual(expect.arrayContaining(['remark-parse', 'unified']));
    const broken = loadedBy(['check'], { broken: '{ "id": "broken", }' });
    expect(broken.status).toBe(1);
    expect(packagesOf(broken.required)).toEqual(['@humanwhocodes/momoa']);
  });
});

describe('the code caches', () => {
  it('are the ones npm run compile trained for this bundle, validator and templates, and V8 takes them', () => {
    const lib = path.join(repoRoot, 'lib');
    const script = `import { readFileSync } from 'node:fs';
      import { runCachedScript } from ${JSON.stringify(path.join(lib, 'code-cache.js'))};
      const used = (file, variant) => runCachedScript(file, readFileSync(file, 'latin1'), variant).cacheUsed;
      const bundle = ${JSON.stringify(path.join(lib, 'policyc-bundle.cjs'))};
      console.log(JSON.stringify([used(bundle, 'check'), used(bundle, 'build'),
        used(${JSON.stringify(path.join(lib, 'validate', 'policy-schema.validator.cjs'))}),
        used(${JSON.stringify(path.join(lib, 'render', 'templates.precompiled.cjs'))})]));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([true, true, true, true]);
  });

  it('are used only with the file whose id they start with, and only whole (their CRC-32)', () => {
    const id = 'a'.repeat(64);
    const data = Buffer.from('v8 data');
    expect(usableCache(storedCache(id, data), id)).toEqual(data);
    expect(usableCache(storedCache('b'.repeat(64), data), id)).toBeUndefined();
    expect(usableCache(Buffer.from(id, 'latin1'), id)).toBeUndefined();
    const damaged = storedCache(id, data);
    damaged[damaged.length - 1]! ^= 1;
    expect(usableCache(damaged, id)).toBeUndefined();
  });

  // With the id and length intact, damaged V8 data crashed the process with no message (second-read review 4, finding 1).
  it('damaged but of the right length: compiled without it, not a crash', () => {
    const dir = tempDir();
    const file = path.join(dir, 'templates.precompiled.cjs');
    copyFileSync(path.join(repoRoot, 'lib', 'render', 'templates.precompiled.cjs'), file);
    const cache = readFileSync(path.join(repoRoot, 'lib', 'render', 'templates.precompiled.cjs.v8cache'));
    for (let at = cache.length >> 1; at < (cache.length >> 1) + 64; at++) cache[at]! ^= 0xff;
    writeFileSync(`${file}.v8cache`, cache);
    const script = `import { readFileSync } from 'node:fs';
      import { runCachedScript } from ${JSON.stringify(path.join(repoRoot, 'lib', 'code-cache.js'))};
      const loaded = runCachedScript(${JSON.stringify(file)}, readFileSync(${JSON.stringify(file)}, 'latin1'));
      console.log(JSON.stringify([loaded.cacheUsed, Object.keys(loaded.exports).sort()]));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const templates = Object.keys(createRequire(import.meta.url)(file) as object);
    expect(JSON.parse(run.stdout)).toEqual([false, templates.sort()]);
  });
});
