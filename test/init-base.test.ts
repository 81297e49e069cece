import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runPolicycInProcess as runPolicyc } from './support/cli.js';
import { tempDirs } from './support/temp-dirs.js';
import { chainSharedValues, delftPracticeValues } from './support/chain-values.js';

/** A chain's base made with `policyc init --base` (review chain2, finding 7), and a practice made from it. */
const site = tempDirs('policyc-init-base-');

const fill = (file: string, values: Record<string, string | boolean>): void =>
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(/"FILL-IN:([a-z-]+)"/g, (whole, what: string) =>
      what in values ? JSON.stringify(values[what]) : whole,
    ),
  );

const schemaFrom = (folder: string): string =>
  path.relative(folder, path.join(repoRoot, 'schema/policy.schema.json')).split(path.sep).join('/');

describe('policyc init --base', () => {
  it("writes the chain's base on the sector's preset, without the practice's own details", async () => {
    const cwd = site();
    const run = await runPolicyc(['init', '--base', 'shared/chain.json', '--sector', 'tandarts', '--yes'], cwd);
    expect(run.stderr).toBe(
      "Wrote shared/chain.json, a chain's base on preset:tandarts, with 8 placeholders (FILL-IN:…): fill in those whose value every practice shares, and leave the others for 'policyc init --extends shared/chain.json --id <id>' to copy into each practice. The practice's own name, KvK number, address, e-mail and phone are left out: init --extends asks each practice for them. Run 'policyc check shared/chain.json' to check it.\n",
    );
    expect(run.status).toBe(0);
    const base = JSON.parse(readFileSync(path.join(cwd, 'shared/chain.json'), 'utf8')) as Record<string, unknown>;
    expect(base).toEqual({
      $schema: schemaFrom(path.join(cwd, 'shared')),
      extends: 'preset:tandarts',
      metadata: { formality: 'formal', effectiveDate: 'FILL-IN:effective-date' },
      processors: [{ id: 'practice-system', name: 'FILL-IN:processor-name', country: 'FILL-IN:processor-country' }],
      automatedDecisionMaking: { takesPlace: 'FILL-IN:automated-decisions' },
      complaints: {
        officer: { name: 'FILL-IN:complaints-officer', contact: { url: 'FILL-IN:complaints-officer-contact' } },
        disputesBody: { name: 'FILL-IN:disputes-body', contact: { url: 'FILL-IN:disputes-body-url' } },
      },
    });
    // No controller and no id: what each practice states itself is not the base's.
    expect(base).not.toHaveProperty('controller');
    expect(base).not.toHaveProperty('id');
  });

  it('run in shared/ of a project with policies/, says to run init --extends in the root, which then works', async () => {
    // It said 'policyc init --extends chain.json --id <id>', which run in shared/ writes shared/policies/<id>.
    const cwd = site();
    mkdirSync(path.join(cwd, 'policies'));
    mkdirSync(path.join(cwd, 'shared'));
    const run = await runPolicyc(['init', '--base', 'chain.json', '--yes'], path.join(cwd, 'shared'));
    expect(run.stderr).toContain(
      `leave the others for 'policyc init --extends shared/chain.json --id <id>', run in ${cwd} (the project's root: from there init writes into the policies folder that check reads) to copy into each practice.`,
    );
    const practice = await runPolicyc(['init', '--extends', 'shared/chain.json', '--id', 'noord', '--yes'], cwd);
    expect(practice.status).toBe(0);
    expect(existsSync(path.join(cwd, 'policies/noord/policy.json'))).toBe(true);
  });

  it('writes --informal, and nothing at a policy folder', async () => {
    const cwd = site();
    expect((await runPolicyc(['init', '--base', 'chain.json', '--sector', 'huisarts', '--informal'], cwd)).status).toBe(
      0,
    );
    const base = JSON.parse(readFileSync(path.join(cwd, 'chain.json'), 'utf8')) as {
      metadata: object;
      $schema: string;
    };
    expect(base.metadata).toMatchObject({ formality: 'informal' });
    expect(base.$schema).toBe(schemaFrom(cwd));
    expect(existsSync(path.join(cwd, 'policies'))).toBe(false);
  });

  it('never overwrites an existing file (exit 2), in English and Dutch', async () => {
    const cwd = site();
    const args = ['init', '--base', 'shared/chain.json', '--sector', 'tandarts', '--yes'];
    expect((await runPolicyc(args, cwd)).status).toBe(0);
    const file = path.join(cwd, 'shared/chain.json');
    writeFileSync(file, '{"mine": true}\n');
    const again = await runPolicyc(args, cwd);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(
      'policyc: shared/chain.json already exists; policyc init never overwrites a file. Choose another path (--base).\n',
    );
    const nl = await runPolicyc([...args, '--message-lang', 'nl'], cwd);
    expect(nl.status).toBe(2);
    expect(nl.stderr).toBe(
      'policyc: shared/chain.json bestaat al; policyc init overschrijft nooit een bestand. Kies een ander pad (--base).\n',
    );
    expect(readFileSync(file, 'utf8')).toBe('{"mine": true}\n');
  });

  it('says in Dutch what it wrote, and refuses an empty --base, and --base with --extends or --id', async () => {
    const cwd = site();
    const run = await runPolicyc(['init', '--base', 'b.json', '--sector', 'tandarts', '--message-lang', 'nl'], cwd);
    expect(run.stderr).toBe(
      "b.json geschreven, de basis van een keten op preset:tandarts, met 8 plekken (FILL-IN:…): vul in wat voor elke praktijk hetzelfde is, en laat de rest staan; 'policyc init --extends b.json --id <id>' neemt die over in elke praktijk. De eigen naam, het KvK-nummer, het adres, het e-mailadres en het telefoonnummer van de praktijk staan er niet in: init --extends vraagt elke praktijk daarnaar. Voer 'policyc check b.json' uit om het te controleren.\n",
    );
    const empty = await runPolicyc(['init', '--base', '', '--yes'], cwd);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('--base needs the path of the file to write');
    expect(existsSync(path.join(cwd, 'policies'))).toBe(false);
    for (const extra of [
      ['--extends', 'preset:tandarts'],
      ['--id', 'chain'],
    ]) {
      const refused = await runPolicyc(['init', '--base', 'c.json', ...extra], cwd);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('give --base without --extends and --id');
      expect(existsSync(path.join(cwd, 'c.json'))).toBe(false);
    }
  });

  it('has --help in English and Dutch', async () => {
    // As words: the help wraps its lines to 80 columns (help-text.ts).
    const en = (await runPolicyc(['init', '--help'], site())).stdout.replace(/\s+/g, ' ');
    expect(en).toContain('policyc init --base <file> [--sector <sector>] [--formal|--informal] [--yes]');
    expect(en).toContain('--base <file> Write a chain');
    const nl = (await runPolicyc(['init', '--help', '--message-lang', 'nl'], site())).stdout.replace(/\s+/g, ' ');
    expect(nl).toContain('policyc init --base <bestand> [--sector <sector>] [--formal|--informal] [--yes]');
    expect(nl).toContain('--base <bestand> Schrijf de basis van een keten');
  });

  it('is a base diff compares as one, and a practice made from it with init --extends checks clean once filled in', async () => {
    const cwd = site();
    await runPolicyc(['init', '--base', 'shared/chain.json', '--sector', 'tandarts', '--yes'], cwd);
    const base = path.join(cwd, 'shared/chain.json');
    writeFileSync(path.join(cwd, 'old.json'), readFileSync(base));
    fill(base, chainSharedValues);
    const diff = await runPolicyc(['diff', 'old.json', 'shared/chain.json'], cwd);
    expect(diff.status).toBe(0);
    expect(diff.stdout).toContain('Changes to shared/chain.json');
    expect(diff.stdout).toContain('Neither version is a complete policy on its own');

    const init = await runPolicyc(['init', '--extends', 'shared/chain.json', '--id', 'glimlach-delft'], cwd);
    expect(init.status).toBe(0);
    const practice = path.join(cwd, 'policies/glimlach-delft/policy.json');
    // The base filled in, init asks the practice for its own details only.
    const written = JSON.parse(readFileSync(practice, 'utf8')) as { controller: object };
    expect(Object.keys(written)).toEqual(['$schema', 'extends', 'id', 'controller']);
    expect(init.stderr).toContain('7 placeholders');
    expect((await runPolicyc(['check'], cwd)).status).toBe(1);
    fill(practice, delftPracticeValues);
    const check = await runPolicyc(['check', '--format', 'compact'], cwd);
    expect(check.stderr).not.toMatch(/ error /);
    expect(check.status).toBe(0);
  });
});
