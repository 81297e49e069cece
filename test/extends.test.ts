import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { fixturesDir, positionOfText } from './support/fixtures.js';
import { repoRoot, runPolicycHere as runPolicyc } from './support/cli.js';

const dir = path.join(fixturesDir, 'extends');
const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** A copy of the extends fixtures in a temporary folder, to change and build. */
function copyFixtures(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'policyc-extends-'));
  temps.push(root);
  cpSync(dir, root, { recursive: true });
  return root;
}

/** Replaces `from` by `to` in a file of the copy `root`; returns the new text. */
function edit(root: string, relative: string, from: string, to: string): string {
  const file = path.join(root, relative);
  const text = readFileSync(file, 'utf8').replace(from, to);
  writeFileSync(file, text);
  return text;
}

function analyseFile(file: string) {
  return analysePolicy(readFileSync(file, 'utf8'), path.relative(process.cwd(), file), 'en', { path: file });
}

function compact(run: { stderr: string }): string[] {
  return run.stderr
    .trim()
    .split('\n')
    .filter((l) => /:\d+:\d+ /.test(l));
}

describe('extends', () => {
  it('inherits processors, purposes, retention and texts from a base', async () => {
    const { model, diagnostics, sources } = analyseFile(path.join(dir, 'practice-a/policy.json'));
    expect(diagnostics).toEqual([]);
    expect(model!.id).toBe('practice-a');
    expect(model!.processors.map((p) => p.id)).toEqual(['agenda', 'mail']);
    expect(model!.purposes.map((p) => p.id)).toEqual(['appointments', 'invoicing']);
    expect(model!.retention.map((r) => r.id)).toEqual(['contact', 'invoices']);
    expect(model!.source.controller.name).toBe('Praktijk A B.V.');
    expect(sources).toEqual([path.join(dir, 'practice-a/policy.json'), path.join(dir, 'shared/base.json')]);
  });

  it('overrides items by id, adds new ones and removes inherited ones', async () => {
    const { model, diagnostics } = analyseFile(path.join(dir, 'practice-b/policy.json'));
    expect(diagnostics).toEqual([]);
    expect(model!.processors.map((p) => [p.id, p.name, p.country])).toEqual([
      ['agenda', 'Andere Agenda B.V.', 'BE'],
      ['sms', 'Sms B.V.', 'NL'],
    ]);
    expect(model!.purposes.map((p) => p.id)).toEqual(['appointments', 'invoicing']);
    expect(model!.purposes[0]!.name).toEqual({ nl: 'Afspraken en herinneringen', en: 'Appointments and reminders' });
    expect(model!.purposes[0]!.processors.map((p) => p.id)).toEqual(['agenda', 'sms']);
  });

  it('builds the notices of a policy that extends a base', async () => {
    const root = copyFixtures();
    const run = await runPolicyc(['build', 'practice-a', 'practice-b', '--out', 'dist', '--lang', 'en'], root);
    expect(run.status).toBe(0);
    const a = readFileSync(path.join(root, 'dist/practice-a/en/privacy.html'), 'utf8');
    const b = readFileSync(path.join(root, 'dist/practice-b/en/privacy.html'), 'utf8');
    expect(a).toContain('Mail B.V.');
    expect(b).not.toContain('Mail B.V.');
    expect(b).toContain('Andere Agenda B.V.');
  });

  it('a change to the base rebuilds every policy that extends it', async () => {
    const root = copyFixtures();
    expect(
      (await runPolicyc(['build', 'practice-a', 'practice-b', '--out', 'dist', '--lang', 'en'], root)).status,
    ).toBe(0);
    const base = path.join(root, 'shared/base.json');
    writeFileSync(
      base,
      readFileSync(base, 'utf8').replace('"Mail B.V."', '"Post B.V."').replace('"invoicing"', '"billing"'),
    );
    expect(
      (await runPolicyc(['build', 'practice-a', 'practice-b', '--out', 'dist', '--lang', 'en'], root)).status,
    ).toBe(0);
    for (const id of ['practice-a', 'practice-b']) {
      const html = readFileSync(path.join(root, `dist/${id}/en/privacy.html`), 'utf8');
      expect(html).toContain('id="purpose-billing"');
      expect(html).not.toContain('id="purpose-invoicing"');
    }
    expect(readFileSync(path.join(root, 'dist/practice-a/en/privacy.html'), 'utf8')).toContain('Post B.V.');
  });

  it('reports a problem in an inherited value at its line in the base, and one in the child at its line in the child', async () => {
    const root = copyFixtures();
    const base = path.join(root, 'shared/base.json');
    const baseText = readFileSync(base, 'utf8').replace('"P1Y"', '"P1X"');
    writeFileSync(base, baseText);
    const child = path.join(root, 'practice-b/policy.json');
    const childText = readFileSync(child, 'utf8').replace(
      '"processors": ["agenda", "sms"]',
      '"processors": ["agenda", "smss"]',
    );
    writeFileSync(child, childText);
    const run = await runPolicyc(['check', 'practice-b', '--format', 'compact'], root);
    expect(run.status).toBe(1);
    const p1x = positionOfText(baseText, '"P1X"');
    expect(compact(run)).toEqual([
      `shared/base.json:${p1x.line}:${p1x.column} error /retention/0/period "P1X" must be an ISO 8601 duration in years, months, weeks or days, such as P20Y, P6M, P4W or P30D (for practice-b/policy.json) [schema/pattern]`,
    ]);
    writeFileSync(base, baseText.replace('"P1X"', '"P1Y"'));
    const fixed = await runPolicyc(['check', 'practice-b', '--format', 'compact'], root);
    const smss = positionOfText(childText, '"smss"');
    expect(compact(fixed).filter((l) => l.includes(' error '))).toEqual([
      `practice-b/policy.json:${smss.line}:${smss.column} error /purposes/0/processors/1 no processor has the id "smss" (did you mean "sms"?) [reference/dangling]`,
    ]);
  });

  it('a problem in a shared base says for which policies it was found, once, in every format', async () => {
    const root = copyFixtures();
    const baseText = edit(root, 'shared/base.json', '"P1Y"', '"P1X"');
    const p1x = positionOfText(baseText, '"P1X"');
    const args = ['check', 'practice-a', 'practice-b', '--format'];
    const lines = compact(await runPolicyc([...args, 'compact'], root));
    expect(lines).toEqual([
      `shared/base.json:${p1x.line}:${p1x.column} error /retention/0/period "P1X" must be an ISO 8601 duration in years, months, weeks or days, such as P20Y, P6M, P4W or P30D (for 2 policies: practice-a/policy.json and practice-b/policy.json) [schema/pattern]`,
    ]);
    const text = (await runPolicyc([...args, 'text', '--lang', 'nl'], root)).stderr;
    expect(text).toContain('(voor 2 beleidsbestanden: practice-a/policy.json en practice-b/policy.json)');
    const json = JSON.parse((await runPolicyc([...args, 'json'], root)).stdout) as { policies?: string[] }[];
    expect(json.map((d) => d.policies)).toEqual([['practice-a/policy.json', 'practice-b/policy.json']]);
    const sarif = JSON.parse((await runPolicyc([...args, 'sarif'], root)).stdout) as {
      runs: { results: { relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(
      sarif.runs[0]!.results.map((r) => r.relatedLocations?.map((l) => l.physicalLocation.artifactLocation.uri)),
    ).toEqual([['practice-a/policy.json', 'practice-b/policy.json']]);
    // The policy's own problems say nothing more: the file is the policy.
    edit(root, 'shared/base.json', '"P1X"', '"P1Y"');
    edit(root, 'practice-a/policy.json', '"privacy@a.example"', '"privacy-at-a"');
    expect(compact(await runPolicyc(['check', 'practice-a', '--format', 'compact'], root)).join('\n')).not.toContain(
      '(for ',
    );
  });

  it('an id the child removes that a base still refers to is reported at the removal, naming the reference', async () => {
    const root = copyFixtures();
    const childText = edit(
      root,
      'practice-a/policy.json',
      '"id": "practice-a",',
      '"id": "practice-a",\n  "remove": { "processors": ["mail"] },',
    );
    const baseText = readFileSync(path.join(root, 'shared/base.json'), 'utf8');
    const used = positionOfText(baseText, '"mail"');
    const removal = positionOfText(childText, '"mail"');
    expect(compact(await runPolicyc(['check', 'practice-a', '--format', 'compact'], root))).toEqual([
      `practice-a/policy.json:${removal.line}:${removal.column} error /remove/processors/0 "mail" is removed here, but shared/base.json:${used.line}:${used.column} (/purposes/0/processors/1) still refers to it as a processor; remove that reference too: write "purposes": [{ "id": "appointments", "processors": ["agenda"] }] in this policy (where it already has that list or item, add to it), or keep "mail" [reference/dangling]`,
    ]);
  });

  it('a compliance finding about an inherited value points into the base', async () => {
    const root = copyFixtures();
    const base = path.join(root, 'shared/base.json');
    const baseText = readFileSync(base, 'utf8').replace(
      '"country": "NL" },\n    { "id": "mail"',
      '"country": "US" },\n    { "id": "mail"',
    );
    writeFileSync(base, baseText);
    const run = await runPolicyc(['check', 'practice-a', '--format', 'json'], root);
    const transfer = (JSON.parse(run.stdout) as { ruleId: string; file: string; line: number }[]).find(
      (d) => d.ruleId === 'transfer/mechanism-missing',
    );
    expect(transfer).toMatchObject({ file: 'shared/base.json', line: positionOfText(baseText, '"US"').line });
  });

  it('reports a missing base, a misspelled preset and an unknown removal at their positions in the child', async () => {
    const text = readFileSync(path.join(dir, 'broken/policy.json'), 'utf8');
    const run = await runPolicyc(['check', path.join(dir, 'broken'), '--format', 'compact'], dir);
    const missing = positionOfText(text, '"../shared/missing.json"');
    const preset = positionOfText(text, '"preset:huisart"');
    expect(compact(run)).toEqual([
      `broken/policy.json:${missing.line}:${missing.column} error /extends/1 cannot find the base policy "../shared/missing.json": give a path relative to this file, or one of preset:apotheek, preset:fysiotherapie, preset:ggz, preset:huisarts, preset:other, preset:tandarts [extends/not-found]`,
      `broken/policy.json:${preset.line}:${preset.column} error /extends/2 cannot find the base policy "preset:huisart": give a path relative to this file, or one of preset:apotheek, preset:fysiotherapie, preset:ggz, preset:huisarts, preset:other, preset:tandarts (did you mean "preset:huisarts"?) [extends/not-found]`,
    ]);
    const root = copyFixtures();
    const child = path.join(root, 'practice-b/policy.json');
    const childText = readFileSync(child, 'utf8').replace(
      '"remove": { "processors": ["mail"] }',
      '"remove": { "processors": ["mail", "fax"] }',
    );
    writeFileSync(child, childText);
    const fax = positionOfText(childText, '"fax"');
    expect(compact(await runPolicyc(['check', 'practice-b', '--format', 'compact'], root))).toEqual([
      `practice-b/policy.json:${fax.line}:${fax.column} error /remove/processors/1 "fax" is not an inherited item of processors, so it cannot be removed [extends/remove-unknown]`,
    ]);
  });

  it('refuses a base outside the project, without reading it, at the extends entry that names it', async () => {
    // Review webdev10, finding 9: "extends": "/etc/passwd" printed the file's first word in a JSON syntax error.
    const root = copyFixtures();
    const site = path.join(root, 'site');
    mkdirSync(path.join(site, 'policies/evil'), { recursive: true });
    mkdirSync(path.join(site, 'shared'));
    const secret = path.join(root, 'secret.json');
    writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
    symlinkSync(secret, path.join(site, 'shared/link.json'));
    const entries = [secret, '../../../secret.json', '../../shared/link.json'];
    const text = JSON.stringify({ extends: entries, id: 'evil' }, null, 2);
    writeFileSync(path.join(site, 'policies/evil/policy.json'), text);
    const run = await runPolicyc(['check', '--format', 'compact'], site);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain('root:x');
    expect(compact(run)).toEqual(
      entries.map((name, i) => {
        const at = positionOfText(text, JSON.stringify(name));
        return `policies/evil/policy.json:${at.line}:${at.column} error /extends/${i} "${name}" lies outside this project's folder (the nearest folder above the policy that holds policies/ or policyc.config.json), so it is not read: move the base policy into the project, or use one of preset:apotheek, preset:fysiotherapie, preset:ggz, preset:huisarts, preset:other, preset:tandarts [extends/outside-project]`;
      }),
    );
    const nl = await runPolicyc(['check', '--format', 'compact', '--message-lang', 'nl'], site);
    expect(compact(nl)[1]).toContain('"../../../secret.json" ligt buiten de map van dit project');
  });

  it('refuses a cycle, at the entry that closes it', async () => {
    const root = copyFixtures();
    mkdirSync(path.join(root, 'loop'));
    writeFileSync(path.join(root, 'loop/one.json'), '{\n  "extends": "two.json"\n}\n');
    const two = '{\n  "extends": ["policy.json"]\n}\n';
    writeFileSync(path.join(root, 'loop/two.json'), two);
    writeFileSync(path.join(root, 'loop/policy.json'), '{\n  "extends": "one.json",\n  "id": "loop"\n}\n');
    const run = await runPolicyc(['check', 'loop', '--format', 'compact'], root);
    expect(run.status).toBe(1);
    expect(compact(run)).toEqual([
      `loop/two.json:2:15 error /extends/0 "policy.json" extends this policy in turn: a policy cannot extend itself (for loop/policy.json) [extends/cycle]`,
    ]);
  });

  it('extends a preset shipped in the package', async () => {
    const root = copyFixtures();
    mkdirSync(path.join(root, 'from-preset'));
    writeFileSync(
      path.join(root, 'from-preset/policy.json'),
      JSON.stringify({ extends: 'preset:fysiotherapie', id: 'from-preset' }, null, 2),
    );
    const run = await runPolicyc(['check', 'from-preset', '--format', 'json'], root);
    const diagnostics = JSON.parse(run.stdout) as { ruleId: string; file: string; related: { file: string }[] }[];
    // The preset's placeholders are reported in the policy, which is where a value goes (the preset is inside
    // node_modules, review chain2 finding 2), each with where the preset writes it (fysiotherapie.json extends
    // other.json, which holds them) as its related location.
    const fillIns = diagnostics.filter((d) => d.ruleId === 'policy/fill-in');
    expect(fillIns.length).toBe(15);
    expect(new Set(fillIns.map((d) => d.file))).toEqual(new Set([path.join('from-preset', 'policy.json')]));
    expect(new Set(fillIns.map((d) => path.relative(repoRoot, path.resolve(root, d.related[0]!.file))))).toEqual(
      new Set(['presets/other.json']),
    );
  });

  it('diff compares the resolved policies', async () => {
    const run = await runPolicyc(['diff', 'practice-a/policy.json', 'practice-b/policy.json', '--format', 'json'], dir);
    expect(run.status).toBe(0);
    const { changes } = JSON.parse(run.stdout) as {
      changes: { kind: string; pointer: string; before?: string; after?: string }[];
    };
    // The inherited processor that practice-b removes and the one it adds for the same purposes:
    // one replacement (issue 17; before, a removal and an addition).
    const replaced = changes.filter((c) => c.kind === 'processor-replaced');
    expect(replaced.map((c) => c.pointer)).toEqual(['/processors/1']);
    expect(replaced[0]).toMatchObject({ before: 'Mail B.V.', after: 'Sms B.V.' });
    expect(changes.some((c) => c.kind === 'processor-added' || c.kind === 'processor-removed')).toBe(false);
  });
});
