import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, repoRoot, runPolicycInProcess as runPolicyc } from './support/cli.js';
import { startPolicyc } from './support/cli-process.js';
import { fixturesDir } from './support/fixtures.js';
import { startStoppable } from './support/signal-at-line.js';
import { snapshot } from './support/snapshot.js';
import { tempDirs } from './support/temp-dirs.js';

/** A platform's build in CI (review "platform"): many practices, one of them broken, folders it shares. */
const tmp = tempDirs('policyc-build-ci-');
const minimal = readFileSync(path.join(fixturesDir, 'minimal/policy.json'), 'utf8');

/** Writes the minimal policy as `policies/<folder>/<id>/policy.json` (folder '': policies/<id>/), with `edit` applied. */
function writePolicy(work: string, id: string, folder = '', edit: (text: string) => string = (t) => t): string {
  const file = path.join(work, 'policies', folder, id, 'policy.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, edit(minimal.replace('"id": "minimal"', `"id": "${id}"`)));
  return file;
}

/** A project with the practices `ids` in policies/. */
function project(ids: readonly string[]): string {
  const work = tmp();
  for (const id of ids) writePolicy(work, id);
  return work;
}

/** A stray comma after the id: the file is no longer JSON. */
const strayComma = (text: string): string => text.replace(/("id": "[^"]+"),/, '$1,,');

/** The build result a run wrote (--report), from `work`. */
const buildResult = (work: string, file = 'build.json'): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(work, file), 'utf8')) as Record<string, unknown>;

/** A policy in the build result: its id, its folder in dist and its file (default: policies/<id>/policy.json). */
const entry = (id: string, source = `policies/${id}/policy.json`) => ({ id, folder: `dist/${id}`, source });

/** The lines of a run's stderr that start with `start`. */
const linesStarting = (stderr: string, start: string): string[] =>
  stderr.split('\n').filter((line) => line.startsWith(start));

describe('build in CI: one broken practice of many', { timeout: 180_000 }, () => {
  it('stops compiling outputs once an error stops the build, checks the rest, and names the failing file', () => {
    const work = project(['p1', 'p2', 'p3', 'p4', 'p5']);
    writeFileSync(
      path.join(work, 'policies/p5/policy.json'),
      strayComma(readFileSync(path.join(work, 'policies/p5/policy.json'), 'utf8')),
    );
    const record = path.join(work, 'staged-writes.txt');
    const run = spawnSync(
      process.execPath,
      ['--require', path.join(repoRoot, 'test/support/record-staged-writes.cjs'), cliPath, 'build', '--jobs', '1'],
      { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', POLICYC_RECORD_WRITES: record } },
    );
    expect(run.status, run.stderr).toBe(1);
    expect(linesStarting(run.stderr, 'Build failed')).toEqual([
      'Build failed: 1 error that stops a build, in policies/p5/policy.json (compliance findings do so only with --strict). Nothing was written; dist is unchanged.',
    ]);
    // Every policy is still checked (the count line), but none of the four healthy ones was compiled into outputs:
    // the file that is not JSON was compiled first, and after its error the others were only checked.
    expect(run.stderr).toMatch(/^5 policies checked: /m);
    const staged = existsSync(record) ? readFileSync(record, 'utf8').split('\n').filter(Boolean) : [];
    expect(staged.filter((file) => /\.policyc-staging-[^/]+\/p\d\//.test(file))).toEqual([]);
    expect(existsSync(path.join(work, 'dist'))).toBe(false);
  });

  it('names a few failing files in the closing line and counts the rest', async () => {
    const work = project(['p1', 'p2', 'p3', 'p4', 'p5']);
    for (const id of ['p1', 'p2', 'p3', 'p4'])
      writePolicy(work, id, '', (text) => text.replace('"legalBasis": "6(1)(b)"', '"legalBasis": "6(1)(z)"'));
    const run = await runPolicyc(['build', '--message-lang', 'nl'], work);
    expect(run.status, run.stderr).toBe(1);
    expect(linesStarting(run.stderr, 'Build mislukt')).toEqual([
      'Build mislukt: 4 fouten die een build tegenhouden, in policies/p1/policy.json, policies/p2/policy.json, policies/p3/policy.json en nog 1 (bevindingen van de nalevingsregels doen dat alleen met --strict). Er is niets geschreven; dist is ongewijzigd.',
    ]);
  });

  it('--keep-going writes the others, leaves the broken one as it was, lists it, exits 1; the fix rebuilds it', async () => {
    const work = project(['p1', 'p2', 'p3']);
    expect((await runPolicyc(['build'], work)).status).toBe(0);
    const before = snapshot(path.join(work, 'dist/p2'));
    const p1 = path.join(work, 'policies/p1/policy.json');
    const p2 = path.join(work, 'policies/p2/policy.json');
    writeFileSync(p1, readFileSync(p1, 'utf8').replace('Praktijk Voorbeeld B.V.', 'Praktijk Een B.V.'));
    const good = readFileSync(p2, 'utf8');
    writeFileSync(p2, strayComma(good));
    const run = await runPolicyc(['build', '--keep-going', '--report', 'out/build.json'], work);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('Built 1 policy into dist:');
    expect(run.stderr).toContain('1 other policy was unchanged since the last build');
    expect(linesStarting(run.stderr, 'Skipped')).toEqual([
      'Skipped 1 policy (--keep-going), its output in dist left as it was: policies/p2/policy.json.',
    ]);
    expect(run.stderr).not.toContain('Build failed');
    expect(readFileSync(path.join(work, 'dist/p1/en/privacy.html'), 'utf8')).toContain('Praktijk Een B.V.');
    expect(snapshot(path.join(work, 'dist/p2'))).toEqual(before);
    const result = JSON.parse(readFileSync(path.join(work, 'out/build.json'), 'utf8')) as Record<string, unknown>;
    expect(result).toEqual({
      result: 'partial',
      exitCode: 1,
      out: 'dist',
      built: [{ id: 'p1', folder: 'dist/p1', source: 'policies/p1/policy.json' }],
      unchanged: [{ id: 'p3', folder: 'dist/p3', source: 'policies/p3/policy.json' }],
      removed: [],
      removedFiles: [],
      leftInPlace: [],
      skipped: [{ id: 'p2', folder: 'dist/p2', source: 'policies/p2/policy.json', reason: 'errors' }],
      refused: [],
    });
    // Fixed (in other words than before): the next build compiles it, and only it.
    writeFileSync(p2, good.replace('Praktijk Voorbeeld B.V.', 'Praktijk Twee B.V.'));
    const fixed = await runPolicyc(['build'], work);
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(fixed.stderr).toContain('Built 1 policy into dist:');
    expect(readFileSync(path.join(work, 'dist/p2/en/privacy.html'), 'utf8')).toContain('Praktijk Twee B.V.');
  });

  it('--keep-going --strict skips a policy with open compliance findings and writes one whose findings are acknowledged', async () => {
    const work = project(['p1']);
    const reason = { nl: 'Besproken met de FG.', en: 'Discussed with the DPO.' };
    writePolicy(work, 'p2', '', (text) =>
      text.replace(
        '"metadata": {',
        `"metadata": { "acknowledged": ${JSON.stringify(
          ['retention/missing', 'art13/requirement-missing'].map((rule) => ({ rule, reason })),
        )},`,
      ),
    );
    const run = await runPolicyc(['build', '--keep-going', '--strict', '--report', 'build.json'], work);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('Built 1 policy into dist:');
    expect(linesStarting(run.stderr, 'Skipped')).toEqual([
      'Skipped 1 policy (--keep-going), its output in dist left as it was: policies/p1/policy.json.',
    ]);
    expect(existsSync(path.join(work, 'dist/p1'))).toBe(false);
    const result = JSON.parse(readFileSync(path.join(work, 'build.json'), 'utf8')) as { skipped: unknown[] };
    expect(result.skipped).toEqual([
      { id: 'p1', folder: 'dist/p1', source: 'policies/p1/policy.json', reason: 'strict' },
    ]);
  });

  it("--keep-going writes the first of two policies with one id (in the build's order: sorted paths) and skips the second", async () => {
    const work = project(['p1']);
    writePolicy(work, 'p1', 'copy', (text) => text.replace('Praktijk Voorbeeld B.V.', 'Praktijk Kopie B.V.'));
    const run = await runPolicyc(['build', 'policies/p1', 'policies/copy/p1', '--keep-going'], work);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/^policies\/p1\/policy\.json\n.*error/m);
    expect(linesStarting(run.stderr, 'Skipped')).toEqual([
      'Skipped 1 policy (--keep-going) because the output of another policy with the same id was written into its folder in dist instead: policies/p1/policy.json.',
    ]);
    expect(readFileSync(path.join(work, 'dist/p1/en/privacy.html'), 'utf8')).toContain('Praktijk Kopie B.V.');
    const nl = await runPolicyc(
      ['build', 'policies/p1', 'policies/copy/p1', '--keep-going', '--force', '--message-lang', 'nl'],
      work,
    );
    expect(linesStarting(nl.stderr, '1 beleidsbestand overgeslagen')).toEqual([
      '1 beleidsbestand overgeslagen (--keep-going), omdat de uitvoer van een ander beleidsbestand met hetzelfde id al in dezelfde map in dist is geschreven: policies/p1/policy.json.',
    ]);
  });

  it('--keep-going: two policies each skipped for an earlier policy with its id are named in one line that says "each", in both languages (secondread6 finding 2)', async () => {
    const work = project(['p1', 'p2']);
    for (const id of ['p1', 'p2'])
      writePolicy(work, `z-${id}`, '', (text) => text.replace(`"id": "z-${id}"`, `"id": "${id}"`));
    const run = await runPolicyc(['build', '--keep-going'], work);
    expect(run.status, run.stderr).toBe(1);
    expect(linesStarting(run.stderr, 'Skipped')).toEqual([
      'Skipped 2 policies (--keep-going), each because the output of another policy with the same id was written into its folder in dist instead: policies/z-p1/policy.json and policies/z-p2/policy.json.',
    ]);
    // --force: else the earlier policies, now up to date, are left as they were (and so are the folders).
    const nl = await runPolicyc(['build', '--keep-going', '--force', '--message-lang', 'nl'], work);
    expect(nl.status, nl.stderr).toBe(1);
    expect(linesStarting(nl.stderr, '2 beleidsbestanden overgeslagen')).toEqual([
      '2 beleidsbestanden overgeslagen (--keep-going), omdat voor elk de uitvoer van een ander beleidsbestand met hetzelfde id al in dezelfde map in dist is geschreven: policies/z-p1/policy.json en policies/z-p2/policy.json.',
    ]);
  });

  it('--keep-going: a second policy with one id that the cache would leave alone is skipped, not also unchanged (keepgoing 2)', async () => {
    // p1 in a folder not named after its id (b-site), so that neither it nor the copy keeps the id by its folder's name.
    const work = project(['p2']);
    writePolicy(work, 'b-site', '', (text) => text.replace('"id": "b-site"', '"id": "p1"'));
    expect((await runPolicyc(['build'], work)).status).toBe(0);
    // policies/a-copy sorts before policies/b-site, whose output dist/p1 holds and whose text is as it was.
    const copy = path.join(work, 'policies/a-copy/policy.json');
    mkdirSync(path.dirname(copy));
    const p1 = readFileSync(path.join(work, 'policies/b-site/policy.json'), 'utf8');
    writeFileSync(copy, p1.replace('Praktijk Voorbeeld B.V.', 'Praktijk Kopie B.V.'));
    const run = await runPolicyc(['build', '--keep-going', '--report', 'build.json'], work);
    expect(run.status, run.stderr).toBe(1);
    expect(linesStarting(run.stderr, 'Built')).toEqual(['Built 1 policy into dist: 21 files.']);
    expect(linesStarting(run.stderr, '1 other policy was unchanged since the last build')).toHaveLength(1);
    expect(linesStarting(run.stderr, 'Skipped')).toEqual([
      'Skipped 1 policy (--keep-going) because the output of another policy with the same id was written into its folder in dist instead: policies/b-site/policy.json.',
    ]);
    expect(readFileSync(path.join(work, 'dist/p1/en/privacy.html'), 'utf8')).toContain('Praktijk Kopie B.V.');
    expect(buildResult(work)).toMatchObject({
      result: 'partial',
      exitCode: 1,
      built: [entry('p1', 'policies/a-copy/policy.json')],
      unchanged: [entry('p2')],
      skipped: [{ ...entry('p1', 'policies/b-site/policy.json'), reason: 'errors' }],
    });
  });

  it("--keep-going: a second policy with one id whose folder holds the earlier one's unchanged output does not call that output its own, in both languages", async () => {
    const work = project(['p1']);
    expect((await runPolicyc(['build'], work)).status).toBe(0);
    // policies/z-copy sorts after policies/p1, whose output dist/p1 holds and whose text is as it was.
    writePolicy(work, 'z-copy', '', (text) =>
      text.replace('"id": "z-copy"', '"id": "p1"').replace('Praktijk Voorbeeld B.V.', 'Praktijk Kopie B.V.'),
    );
    const before = snapshot(path.join(work, 'dist'));
    const run = await runPolicyc(['build', '--keep-going', '--report', 'build.json'], work);
    expect(run.status, run.stderr).toBe(1);
    expect(linesStarting(run.stderr, 'Skipped')).toEqual([
      'Skipped 1 policy (--keep-going) because its folder in dist holds the output of another policy with the same id, unchanged since the last build and left as it was: policies/z-copy/policy.json.',
    ]);
    expect(snapshot(path.join(work, 'dist'))).toEqual(before);
    expect(buildResult(work)).toMatchObject({
      unchanged: [entry('p1')],
      skipped: [{ ...entry('p1', 'policies/z-copy/policy.json'), reason: 'errors' }],
    });
    const nl = await runPolicyc(['build', '--keep-going', '--message-lang', 'nl'], work);
    expect(linesStarting(nl.stderr, '1 beleidsbestand overgeslagen')).toEqual([
      '1 beleidsbestand overgeslagen (--keep-going), omdat de map ervan in dist de uitvoer bevat van een ander beleidsbestand met hetzelfde id, dat sinds de vorige build niet is veranderd; die uitvoer is gebleven zoals die was: policies/z-copy/policy.json.',
    ]);
  });

  it('--keep-going where every policy fails reports "failed", not "partial" (secondread5 finding 10)', async () => {
    const work = project(['p1']);
    const p1 = path.join(work, 'policies/p1/policy.json');
    writeFileSync(p1, strayComma(readFileSync(p1, 'utf8')));
    const run = await runPolicyc(['build', '--keep-going', '--report', 'build.json'], work);
    expect(run.status, run.stderr).toBe(1);
    const result = JSON.parse(readFileSync(path.join(work, 'build.json'), 'utf8')) as {
      result: string;
      skipped: unknown[];
    };
    expect(result.result).toBe('failed');
    expect(result.skipped).toHaveLength(1);
  });

  it("--keep-going where every policy fails writes nothing: not even the removal of a deleted policy's folder", async () => {
    const work = project(['p1', 'gone']);
    expect((await runPolicyc(['build'], work)).status).toBe(0);
    rmSync(path.join(work, 'policies/gone'), { recursive: true });
    const p1 = path.join(work, 'policies/p1/policy.json');
    writeFileSync(p1, strayComma(readFileSync(p1, 'utf8')));
    const before = snapshot(path.join(work, 'dist'));
    const run = await runPolicyc(['build', '--keep-going', '--report', 'build.json'], work);
    expect(run.status, run.stderr).toBe(1);
    expect(snapshot(path.join(work, 'dist'))).toEqual(before);
    expect(existsSync(path.join(work, 'dist/gone'))).toBe(true);
    expect(buildResult(work).result).toBe('failed');
    expect(readdirSync(path.join(work, 'dist')).filter((f) => f.startsWith('.policyc-staging'))).toEqual([]);
  });

  it('without --keep-going a build is still all or nothing', async () => {
    const work = project(['p1', 'p2']);
    expect((await runPolicyc(['build'], work)).status).toBe(0);
    const before = snapshot(path.join(work, 'dist'));
    const p1 = path.join(work, 'policies/p1/policy.json');
    writeFileSync(p1, readFileSync(p1, 'utf8').replace('Praktijk Voorbeeld B.V.', 'Praktijk Een B.V.'));
    writeFileSync(
      path.join(work, 'policies/p2/policy.json'),
      strayComma(readFileSync(path.join(work, 'policies/p2/policy.json'), 'utf8')),
    );
    const run = await runPolicyc(['build', '--report', 'build.json'], work);
    expect(run.status).toBe(1);
    expect(snapshot(path.join(work, 'dist'))).toEqual(before);
    const result = JSON.parse(readFileSync(path.join(work, 'build.json'), 'utf8')) as {
      result: string;
      built: unknown[];
    };
    expect(result.result).toBe('failed');
    expect(result.built).toEqual([]);
  });
});

describe("build's report gives a repeated finding in full once, as it comes", { timeout: 180_000 }, () => {
  /** The reference in `policy`'s part to a finding written in full for p1 (file:line:column severity /pointer … [rule]). */
  const reference = (line: string, policy: string) => {
    const [, position, severity, pointer, rule] = /^policies\/p1\/policy\.json(:\d+:\d+) (\w+) (\S+) .* \[(.+)\]$/.exec(
      line,
    )!;
    return new RegExp(
      `^policies/${policy}/policy\\.json${position} ${severity} ${pointer!.replace(/[/.]/g, '\\$&')} ` +
        `The same finding as under policies/p1/policy\\.json above: “.+” \\[${rule!.replace('/', '\\/')}\\]$`,
    );
  };

  it('gives a finding repeated in three practices in full at the first, a reference at the two others', async () => {
    const work = project(['p1', 'p2', 'p3']);
    const compact = await runPolicyc(['build', '--format', 'compact', '--force'], work);
    expect(compact.status, compact.stderr).toBe(0);
    const lines = compact.stderr.split('\n').filter((line) => line.startsWith('policies/'));
    const findings = lines.filter((line) => line.startsWith('policies/p1/'));
    expect(findings.length).toBeGreaterThan(0);
    // check's report: the same lines.
    const check = await runPolicyc(['check', '--format', 'compact'], work);
    expect(check.stderr.split('\n').filter((line) => line.startsWith('policies/'))).toEqual(lines);
    for (const policy of ['p2', 'p3']) {
      const part = lines.filter((line) => line.startsWith(`policies/${policy}/`));
      expect(part).toHaveLength(findings.length);
      findings.forEach((line, i) => expect(part[i]).toMatch(reference(line, policy)));
    }
  });

  it('and in --watch', async () => {
    const work = project(['p1', 'p2', 'p3']);
    const watcher = startPolicyc(['build', '--watch', '--format', 'compact'], work);
    try {
      await watcher.waitFor(/Watching 3 files for changes/, 60_000);
      const lines = watcher
        .stderr()
        .split('\n')
        .filter((line) => line.startsWith('policies/'));
      const findings = lines.filter((line) => line.startsWith('policies/p1/'));
      expect(findings.length).toBeGreaterThan(0);
      for (const policy of ['p2', 'p3']) {
        const part = lines.filter((line) => line.startsWith(`policies/${policy}/`));
        findings.forEach((line, i) => expect(part[i]).toMatch(reference(line, policy)));
      }
    } finally {
      await watcher.stop();
    }
  });
});

describe('output folders policyc must refuse', { timeout: 180_000 }, () => {
  it('are all found before compiling and reported in one run, each with its path; exit 73', async () => {
    const work = project(['p1', 'p2', 'p3']);
    expect((await runPolicyc(['build'], work)).status).toBe(0);
    writeFileSync(path.join(work, 'dist/p1/.htaccess'), 'Options -Indexes\n');
    appendFileSync(path.join(work, 'dist/p3/en/privacy.html'), '<!-- edited -->\n');
    for (const id of ['p1', 'p2', 'p3'])
      writePolicy(work, id, '', (text) => text.replace('Praktijk Voorbeeld B.V.', 'Praktijk Nieuw B.V.'));
    const before = snapshot(path.join(work, 'dist'));
    const run = await runPolicyc(['build'], work);
    expect(run.status, run.stderr).toBe(73);
    expect(linesStarting(run.stderr, 'policyc: ')).toEqual([
      'policyc: refusing to replace dist/p1: it holds files policyc did not write (.htaccess). Move them away. Nothing was written.',
      'policyc: refusing to overwrite files in dist/p3 that were edited since policyc wrote them (en/privacy.html): the build makes them again from the policy, and your edit would be lost. Make the change in the policy instead and run again with --force to overwrite them (move them away first to keep your version). Nothing was written.',
    ]);
    // Before compiling: no policy was checked or reported.
    expect(run.stderr).not.toContain('checked');
    expect(snapshot(path.join(work, 'dist'))).toEqual(before);

    // --keep-going writes the policy whose folder may be changed and skips the two others.
    const going = await runPolicyc(['build', '--keep-going', '--message-lang', 'nl'], work);
    expect(going.status, going.stderr).toBe(73);
    expect(going.stderr).toContain(
      'policyc: vervangen van dist/p1 geweigerd: daarin staan bestanden die policyc niet heeft geschreven (.htaccess). Verplaats ze. Het beleid ervan is niet geschreven (--keep-going); het andere beleid wel.',
    );
    expect(linesStarting(going.stderr, '2 beleidsbestanden overgeslagen')).toEqual([
      '2 beleidsbestanden overgeslagen (--keep-going), de uitvoer ervan in dist is gebleven zoals die was: policies/p1/policy.json en policies/p3/policy.json.',
    ]);
    expect(readFileSync(path.join(work, 'dist/p2/en/privacy.html'), 'utf8')).toContain('Praktijk Nieuw B.V.');
    expect(readFileSync(path.join(work, 'dist/p1/en/privacy.html'))).toEqual(before.get('p1/en/privacy.html'));
  });

  it("--keep-going: an unchanged policy's folder edited by hand is skipped as refused, and the rest written (keepgoing 1)", async () => {
    const work = project(['p1', 'p2', 'p3']);
    expect((await runPolicyc(['build'], work)).status).toBe(0);
    // p3's text is as it was; a file in its folder is not: the cache cannot take it, and its folder may not change.
    appendFileSync(path.join(work, 'dist/p3/en/privacy.html'), '<!-- edited -->\n');
    writePolicy(work, 'p1', '', (text) => text.replace('Praktijk Voorbeeld B.V.', 'Praktijk Nieuw B.V.'));
    const before = snapshot(path.join(work, 'dist/p3'));
    const run = await runPolicyc(['build', '--keep-going', '--report', 'build.json'], work);
    expect(run.status, run.stderr).toBe(73);
    expect(linesStarting(run.stderr, 'policyc: ')).toEqual([
      'policyc: refusing to overwrite files in dist/p3 that were edited since policyc wrote them (en/privacy.html): the build makes them again from the policy, and your edit would be lost. Make the change in the policy instead and run again with --force to overwrite them (move them away first to keep your version). Its policy was not written (--keep-going); the others were.',
    ]);
    expect(linesStarting(run.stderr, 'Skipped')).toEqual([
      'Skipped 1 policy (--keep-going), its output in dist left as it was: policies/p3/policy.json.',
    ]);
    expect(readFileSync(path.join(work, 'dist/p1/en/privacy.html'), 'utf8')).toContain('Praktijk Nieuw B.V.');
    expect(snapshot(path.join(work, 'dist/p3'))).toEqual(before);
    // The refused folder is in the result's `refused` too, with its key and the sentence said (secondread6 finding 4).
    expect(buildResult(work)).toMatchObject({
      result: 'partial',
      exitCode: 73,
      built: [entry('p1')],
      unchanged: [entry('p2')],
      skipped: [{ ...entry('p3'), reason: 'refused' }],
      refused: [
        {
          folder: 'dist/p3',
          reason: 'editedFiles',
          message: linesStarting(run.stderr, 'policyc: ')[0]!.slice('policyc: '.length),
        },
      ],
    });
  });

  it('--keep-going: a folder holding a changed file the build no longer makes skips its policy, and says the others were written (keepgoing 3)', async () => {
    const work = project(['p1', 'p2']);
    expect((await runPolicyc(['build'], work)).status).toBe(0);
    appendFileSync(path.join(work, 'dist/p2/en/privacy.html'), '<!-- edited -->\n');
    for (const id of ['p1', 'p2'])
      writePolicy(work, id, '', (text) => text.replace('Praktijk Voorbeeld B.V.', 'Praktijk Nieuw B.V.'));
    const before = snapshot(path.join(work, 'dist/p2'));
    const englishFiles = readdirSync(path.join(work, 'dist/p1/en'))
      .map((file) => `en/${file}`)
      .sort();
    for (const [lang, sentence, p1] of [
      [
        'en',
        'Its policy was not written (--keep-going); the others were.',
        // p1 built in Dutch only: its English outputs are removed, and listed (webdev10, 3).
        { built: [entry('p1')], unchanged: [], removedFiles: [{ id: 'p1', folder: 'dist/p1', files: englishFiles }] },
      ],
      [
        'nl',
        'Het beleid ervan is niet geschreven (--keep-going); het andere beleid wel.',
        { built: [], unchanged: [entry('p1')], removedFiles: [] },
      ],
    ] as const) {
      const run = await runPolicyc(
        ['build', '--lang', 'nl', '--keep-going', '--message-lang', lang, '--report', 'build.json'],
        work,
      );
      expect(run.status, run.stderr).toBe(73);
      const [refusal, ...others] = linesStarting(run.stderr, 'policyc: ');
      expect(others).toEqual([]);
      expect(refusal).toMatch(/^policyc: (refusing to replace|vervangen van) dist\/p2[: ].*\(en\/privacy\.html\)/);
      expect(refusal!.endsWith(` ${sentence}`), refusal).toBe(true);
      // Nothing else happened (secondread6 finding 8): dist/p2 byte for byte as it was, the edited file kept.
      expect(snapshot(path.join(work, 'dist/p2'))).toEqual(before);
      expect(existsSync(path.join(work, 'dist/p2/en/privacy.html'))).toBe(true);
      expect(buildResult(work)).toEqual({
        result: 'partial',
        exitCode: 73,
        out: 'dist',
        ...p1,
        removed: [],
        leftInPlace: [],
        skipped: [{ ...entry('p2'), reason: 'refused' }],
        refused: [{ folder: 'dist/p2', reason: 'changedFiles', message: refusal!.slice('policyc: '.length) }],
      });
    }
    expect(readFileSync(path.join(work, 'dist/p1/nl/privacy.html'), 'utf8')).toContain('Praktijk Nieuw B.V.');
  });

  it('--keep-going says the refused folders in path order, as it lists the skipped policies, whenever each was found (secondread6 finding 9)', async () => {
    const work = project(['p1', 'p2', 'p3']);
    expect((await runPolicyc(['build'], work)).status).toBe(0);
    // dist/p1 is looked at only once the cache could not take p1 (its text as it was); dist/p3 before compiling.
    appendFileSync(path.join(work, 'dist/p1/en/privacy.html'), '<!-- edited -->\n');
    writeFileSync(path.join(work, 'dist/p3/.htaccess'), 'Options -Indexes\n');
    for (const id of ['p2', 'p3'])
      writePolicy(work, id, '', (text) => text.replace('Praktijk Voorbeeld B.V.', 'Praktijk Nieuw B.V.'));
    const run = await runPolicyc(['build', '--keep-going', '--report', 'build.json'], work);
    expect(run.status, run.stderr).toBe(73);
    const refusals = linesStarting(run.stderr, 'policyc: ');
    expect(refusals.map((line) => /dist\/p\d/.exec(line)![0])).toEqual(['dist/p1', 'dist/p3']);
    expect(linesStarting(run.stderr, 'Skipped')).toEqual([
      'Skipped 2 policies (--keep-going), their output in dist left as it was: policies/p1/policy.json and policies/p3/policy.json.',
    ]);
    const result = buildResult(work) as { refused: { folder: string; reason: string; message: string }[] };
    expect(result.refused.map(({ folder, reason }) => [folder, reason])).toEqual([
      ['dist/p1', 'editedFiles'],
      ['dist/p3', 'foreignFiles'],
    ]);
    expect(result.refused.map(({ message }) => `policyc: ${message}`)).toEqual(refusals);
  });
});

describe('exit codes CI can act on', { timeout: 180_000 }, () => {
  it('a held lock is 75 (busy: try again later), distinct from a usage error', async () => {
    const work = project(['p1']);
    mkdirSync(path.join(work, 'dist'));
    // This test's own process holds the lock: alive for as long as the build runs.
    writeFileSync(path.join(work, 'dist/.policyc-lock'), `${process.pid}\n`);
    const run = await runPolicyc(['build', '--report', 'build.json'], work);
    expect(run.status, run.stderr).toBe(75);
    expect(run.stderr).toContain(
      `policyc: another build (process ${process.pid}) is writing into dist; try again when it has finished.`,
    );
    expect((JSON.parse(readFileSync(path.join(work, 'build.json'), 'utf8')) as { result: string }).result).toBe('busy');
    expect((await runPolicyc(['build', '--out', ''], work)).status).toBe(2);
  });

  it('--help names the codes', async () => {
    const help = await runPolicyc(['build', '--help'], repoRoot);
    expect((help.stdout + help.stderr).replace(/\s+/g, ' ')).toContain(
      '73 an output folder policyc may not change, 75 another build is writing',
    );
    const nl = await runPolicyc(['build', '--help', '--message-lang', 'nl'], repoRoot);
    expect((nl.stdout + nl.stderr).replace(/\s+/g, ' ')).toContain(
      '73 een uitvoermap die policyc niet mag wijzigen, 75 een andere build schrijft',
    );
  });

  it('register --help names the codes it can end with, in both languages (keepgoing 5)', async () => {
    const en = (await runPolicyc(['register', '--help'], repoRoot)).stdout.replace(/\s+/g, ' ');
    expect(en).toContain(
      'Exit codes: 0 written, 1 errors (nothing written), 2 usage error (the command line or the config file), 73 an output folder policyc may not change, 75 another build is writing into <out> (try again later), 130/143 stopped',
    );
    const nl = (await runPolicyc(['register', '--help', '--message-lang', 'nl'], repoRoot)).stdout.replace(/\s+/g, ' ');
    expect(nl).toContain(
      'Afsluitcodes: 0 geschreven, 1 fouten (niets geschreven), 2 fout in de opdracht of het configuratiebestand, 73 een uitvoermap die policyc niet mag wijzigen, 75 een andere build schrijft in <out> (probeer het later opnieuw), 130/143 gestopt',
    );
  });

  it('an interrupt after the output was committed says the output is complete, and exits 130', async () => {
    const work = project(['p1', 'p2']);
    const { ended } = startStoppable(['build', '--report', 'build.json'], work, { line: '^Built ', signal: 'SIGINT' });
    const stopped = await ended;
    expect(stopped.killedBy).toBeNull();
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/Built 2 policies into dist: \d+ files\.\n/);
    expect(stopped.stderr).toContain(
      'policyc: stopped after the output was written: dist is complete, as this build made it',
    );
    expect(readdirSync(path.join(work, 'dist')).sort()).toEqual(['p1', 'p2']);
    // The build result says what happened and the code the process ended with (keepgoing 4).
    const result = buildResult(work);
    expect(result).toMatchObject({ result: 'built', exitCode: 130 });
    expect(result.built).toHaveLength(2);
  });

  it('a build stopped before the commit, or ended by a crashed worker, still writes its --report, listing no policy as built or unchanged (keepgoing 4)', async () => {
    // a0 is up to date: the cache takes it, and its findings are reported, before p1 and p2 are compiled.
    const work = project(['a0']);
    expect((await runPolicyc(['build'], work)).status).toBe(0);
    for (const id of ['p1', 'p2']) writePolicy(work, id);
    const before = snapshot(path.join(work, 'dist'));
    const { ended } = startStoppable(['build', '--jobs', '2', '--format', 'compact', '--report', 'build.json'], work, {
      line: '^policies/',
      signal: 'SIGTERM',
    });
    const stopped = await ended;
    expect(stopped.code, stopped.stderr).toBe(143);
    expect(stopped.stderr).toMatch(/^policies\/a0\/policy\.json:/m);
    expect(stopped.stderr).toContain('policyc: stopped before the build ended: nothing was written');
    expect(snapshot(path.join(work, 'dist'))).toEqual(before);
    // Nothing was written, and the build had looked at as many policies as it got to: the result does not depend
    // on when the signal came (secondread6 finding 1). a0's output is as it was, as all of dist is.
    expect(buildResult(work)).toMatchObject({
      result: 'stopped',
      exitCode: 143,
      built: [],
      unchanged: [],
    });
    const preload = path.join(repoRoot, 'test/support/crash-worker.cjs');
    const crashed = spawnSync(
      process.execPath,
      ['--require', preload, cliPath, 'build', '--jobs', '2', '--report', 'crashed.json'],
      { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(crashed.status, crashed.stderr).toBe(1);
    // The text report (a0's findings) is ended before the error's line, which starts a line of its own (finding 5).
    expect(crashed.stderr).toMatch(/^policies\/a0\/policy\.json\n/m);
    expect(linesStarting(crashed.stderr, 'policyc: internal error (simulated worker crash)')).toHaveLength(1);
    expect(snapshot(path.join(work, 'dist'))).toEqual(before);
    expect(buildResult(work, 'crashed.json')).toMatchObject({
      result: 'failed',
      exitCode: 1,
      built: [],
      unchanged: [],
    });
  });
});

describe('folders left in place, folded', { timeout: 180_000 }, () => {
  it('past three folders kept for one reason: the first in full, the rest in one line, and all in the report', async () => {
    const work = tmp();
    for (const id of ['a1', 'a2', 'a3', 'a4', 'a5']) writePolicy(work, id, 'dental');
    writePolicy(work, 'b1', 'gp');
    writeFileSync(
      path.join(work, 'policyc.config.json'),
      JSON.stringify({ policies: ['policies/dental', 'policies/gp'] }),
    );
    writeFileSync(path.join(work, 'gp.config.json'), JSON.stringify({ policies: ['policies/gp'] }));
    expect((await runPolicyc(['build'], work)).status).toBe(0);
    const run = await runPolicyc(['build', '--config', 'gp.config.json', '--report', 'build.json'], work);
    expect(run.status, run.stderr).toBe(0);
    const left = linesStarting(run.stderr, 'Left ');
    expect(left).toHaveLength(2);
    expect(left[0]).toMatch(
      /^Left dist\/a1 in place, though no policy of this build has the id a1: policyc made it from policies\/dental\/a1\/policy\.json, which this build did not read/,
    );
    expect(left[1]).toBe('Left 4 more folders in dist in place for the same reason: a2, a3, a4 and a5.');
    const result = JSON.parse(readFileSync(path.join(work, 'build.json'), 'utf8')) as { leftInPlace: unknown[] };
    expect(result.leftInPlace).toHaveLength(5);
    expect(result.leftInPlace[0]).toEqual({ id: 'a1', folder: 'dist/a1', reason: 'notRead' });
  });
});
