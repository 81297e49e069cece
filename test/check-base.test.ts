import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runPolicycInProcess as runPolicyc } from './support/cli.js';
import { git } from './support/git.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * `policyc check shared/chain.json`: a chain's privacy officer checks the chain's base itself. It is checked as a
 * base — its form and what it states, at file:line:col — not as a practice's policy (no missing id, no "this
 * practice gives no value"), its placeholders are infos, and the closing lines name the practices that extend it.
 */
const site = tempDirs('policyc-check-base-');

/** A chain as the README starts one: a huisarts base in shared/, and one practice extending it. */
async function chain(practice = true): Promise<string> {
  const cwd = site();
  expect((await runPolicyc(['init', '--base', 'shared/chain.json', '--sector', 'huisarts', '--yes'], cwd)).status).toBe(
    0,
  );
  if (practice)
    expect(
      (await runPolicyc(['init', '--extends', 'shared/chain.json', '--id', 'de-linde-delft', '--yes'], cwd)).status,
    ).toBe(0);
  return cwd;
}

const edit = (cwd: string, change: (text: string) => string): void => {
  const file = path.join(cwd, 'shared/chain.json');
  writeFileSync(file, change(readFileSync(file, 'utf8')));
};

/** The closing lines of a text report: the count and what it says of the base. */
const closing = (stderr: string): string => stderr.split('\n').slice(-3).join('\n');

const practiceNote =
  "shared/chain.json is a chain's base, extended by policies/de-linde-delft/policy.json: it was checked as a base (its form and what it states). The compliance rules judge a whole policy, so they run on the practice: policyc check policies/de-linde-delft\n";

describe('policyc check <base>', () => {
  it('checks the base as a base: its placeholders as infos at their lines, nothing the practices fill in', async () => {
    const cwd = await chain();
    const run = await runPolicyc(['check', 'shared/chain.json', '--format', 'compact'], cwd);
    expect(run.stderr).not.toMatch(/missing required property|this practice gives no value/);
    expect(run.stderr).toContain(
      'shared/chain.json:6:22 info /metadata/effectiveDate left open for the practices: the date from which this notice applies (YYYY-MM-DD). Fill it in here if it is the same for every practice that extends this base; otherwise each practice fills in its own [policy/fill-in]\n',
    );
    // The practice's own details are not the base's: none is reported, not even at its extends.
    expect(run.stderr).not.toContain('shared/chain.json:3:');
    expect(run.stderr.trim().split('\n')).toHaveLength(9);
    expect(run.status).toBe(0);
    const text = await runPolicyc(['check', 'shared/chain.json'], cwd);
    expect(text.stderr).not.toMatch(/missing required property|this practice gives no value/);
    expect(closing(text.stderr)).toBe(`1 chain base checked: 0 errors, 0 warnings, 9 info.\n${practiceNote}`);
    expect(text.stderr).not.toMatch(/compliance rules have not run yet/);
  });

  it('reports mistakes in the base at file, line and column, and exits 1', async () => {
    const cwd = await chain();
    edit(cwd, (t) => t.replace('"processors"', '"procesors"').replace('"formality": "formal"', '"formality": 3'));
    const run = await runPolicyc(['check', 'shared/chain.json', '--format', 'compact'], cwd);
    expect(run.stderr).toContain(
      'shared/chain.json:5:18 error /metadata/formality 3 is not allowed here; must be one of formal, informal [schema/enum]\n',
    );
    expect(run.stderr).toContain(
      'shared/chain.json:8:3 error /procesors unknown property "procesors" (did you mean "processors"?) [schema/unknown-property]\n',
    );
    expect(run.stderr).not.toMatch(/schema\/required|this practice gives no value/);
    expect(run.status).toBe(1);
    edit(cwd, () => '{ "extends": "preset:huisarts", ');
    const broken = await runPolicyc(['check', 'shared/chain.json'], cwd);
    expect(broken.stderr).toContain('1:32  error    the file is not valid JSON');
    expect(closing(broken.stderr)).toBe(`1 chain base checked: 1 error, 0 warnings, 0 info.\n${practiceNote}`);
    expect(broken.status).toBe(1);
  });

  it('recognises a base no practice extends yet by what init --base writes, and says how to start one', async () => {
    const cwd = await chain(false);
    const run = await runPolicyc(['check', 'shared/chain.json'], cwd);
    expect(closing(run.stderr)).toBe(
      "1 chain base checked: 0 errors, 0 warnings, 9 info.\nshared/chain.json is a chain's base (it has no id): it was checked as a base (its form and what it states). No policy in policies extends it yet: start one with 'policyc init --extends shared/chain.json --id <id>'; the compliance rules run on that policy.\n",
    );
    expect(run.status).toBe(0);
  });

  it('from shared/ right after init --base, with no policies/ yet: init in .. or here, not here alone', async () => {
    // It said 'start one with 'policyc init --extends chain.json --id <id>'', which run in shared/ writes
    // shared/policies/<id>: nothing above shared/ marked the project's root (fixes, item 2a).
    const cwd = await chain(false);
    const shared = path.join(cwd, 'shared');
    const run = await runPolicyc(['check', 'chain.json'], shared);
    const hint =
      /start one with 'policyc (init [^']+)', run in \.\. if that is the project's root, or 'policyc (init [^']+)' here if this folder is \(init writes the practice into policies\/ in the folder it runs in/.exec(
        run.stderr,
      );
    expect(hint?.slice(1)).toEqual([
      'init --extends shared/chain.json --id <id>',
      'init --extends chain.json --id <id>',
    ]);
    const nl = await runPolicyc(['build', 'chain.json', '--message-lang', 'nl'], shared);
    expect(nl.stderr).toContain(
      "begin er een met 'policyc init --extends shared/chain.json --id <id>', uitgevoerd in .. als dat de hoofdmap van het project is, of 'policyc init --extends chain.json --id <id>' hier als deze map dat is",
    );
    const start = await runPolicyc([...(hint?.[1] ?? '').replace('<id>', 'noord').split(' '), '--yes'], cwd);
    expect(start.status).toBe(0);
    const extended = await runPolicyc(['check', 'chain.json'], shared);
    // Outside the working folder a path is shown absolute, as every CLI message shows it (shownPath).
    expect(extended.stderr).toContain(
      `chain.json is a chain's base, extended by ${path.join(cwd, 'policies/noord/policy.json')}:`,
    );
  });

  it('checks the bases of a folder that holds no policy, and a base with policies', async () => {
    const cwd = await chain();
    const folder = await runPolicyc(['check', 'shared'], cwd);
    expect(closing(folder.stderr)).toBe(`1 chain base checked: 0 errors, 0 warnings, 9 info.\n${practiceNote}`);
    expect(folder.status).toBe(0);
    const both = await runPolicyc(['check', 'shared/chain.json', 'policies'], cwd);
    expect(both.stderr).toMatch(/^1 policy and 1 chain base checked: 16 errors, 0 warnings, 9 info\.\n/m);
    expect(both.status).toBe(1);
  });

  it('finds a practice named beside it outside the policy folders', async () => {
    const cwd = await chain(false);
    expect((await runPolicyc(['init', '--extends', 'shared/chain.json', '--id', 'noord', '--yes'], cwd)).status).toBe(
      0,
    );
    renameSync(path.join(cwd, 'policies'), path.join(cwd, 'regio'));
    const run = await runPolicyc(['check', 'shared/chain.json', 'regio'], cwd);
    expect(closing(run.stderr)).toMatch(
      /^shared\/chain\.json is a chain's base, extended by regio\/noord\/policy\.json:/m,
    );
  });

  it('finds the practices that extend it through another base', async () => {
    const cwd = await chain();
    writeFileSync(path.join(cwd, 'shared/noord.json'), '{ "extends": "chain.json" }\n');
    const practice = path.join(cwd, 'policies/de-linde-delft/policy.json');
    writeFileSync(
      practice,
      readFileSync(practice, 'utf8').replace('../../shared/chain.json', '../../shared/noord.json'),
    );
    const run = await runPolicyc(['check', 'shared/chain.json'], cwd);
    expect(closing(run.stderr)).toBe(`1 chain base checked: 0 errors, 0 warnings, 9 info.\n${practiceNote}`);
    const folder = await runPolicyc(['check', 'shared', '--format', 'compact'], cwd);
    // Each placeholder once, in chain.json, and not again for noord.json, which inherits it.
    expect(folder.stderr).not.toContain('(for shared/noord.json)');
    expect(folder.stderr.trim().split('\n')).toHaveLength(9);
    expect(folder.status).toBe(0);
    const regional = await runPolicyc(['check', 'shared/noord.json', '--format', 'compact'], cwd);
    expect(regional.stderr).toContain(
      'shared/chain.json:6:22 info /metadata/effectiveDate left open for the practices: the date from which this notice applies (YYYY-MM-DD). Fill it in here if it is the same for every practice that extends this base; otherwise each practice fills in its own (for shared/noord.json) [policy/fill-in]\n',
    );
  });

  it('says it in Dutch', async () => {
    const cwd = await chain();
    const run = await runPolicyc(['check', 'shared/chain.json', '--message-lang', 'nl'], cwd);
    expect(run.stderr).toMatch(
      /6:22 +info +opengelaten voor de praktijken: de datum waarop deze verklaring ingaat \(JJJJ-MM-DD\)\./,
    );
    expect(closing(run.stderr)).toBe(
      '1 basisbeleid van een keten gecontroleerd: 0 fouten, 0 waarschuwingen, 9 info.\nshared/chain.json is het basisbeleid van een keten, waarop policies/de-linde-delft/policy.json voortbouwt: het is gecontroleerd als basis (de vorm en wat erin staat). De nalevingsregels beoordelen een volledig beleid en worden daarom voor de praktijk uitgevoerd: policyc check policies/de-linde-delft\n',
    );
    // The plural keeps the term: not 'basisbestanden' beside 'basisbeleid' (Dutch review 4, finding 14).
    writeFileSync(path.join(cwd, 'shared/noord.json'), '{ "extends": "chain.json" }\n');
    const two = await runPolicyc(['check', 'shared', '--message-lang', 'nl'], cwd);
    expect(two.stderr).toContain('2 basisbeleidsbestanden van een keten gecontroleerd');
  });

  it('leaves a policy a practice extends a policy', async () => {
    const cwd = await chain();
    const run = await runPolicyc(['check', 'policies/de-linde-delft/policy.json', '--format', 'json'], cwd);
    const found = JSON.parse(run.stdout) as { severity: string; file: string }[];
    expect(found.every((d) => d.severity === 'error' && d.file === 'policies/de-linde-delft/policy.json')).toBe(true);
    expect(run.status).toBe(1);
  });
});

describe('what is not a base', () => {
  /** A copy of a seed policy at `file` under `cwd`, without its id when `id` is false. */
  const seed = (cwd: string, file: string, id = true): void => {
    const policy = JSON.parse(readFileSync(path.join(repoRoot, 'policies/bernhoven/policy.json'), 'utf8')) as {
      id?: string;
    };
    if (!id) delete policy.id;
    mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
    writeFileSync(path.join(cwd, file), JSON.stringify(policy, null, 2));
  };

  it("takes no other tool's JSON in a project's root for a base: check . says where the policies are", async () => {
    const cwd = site();
    writeFileSync(
      path.join(cwd, 'tsconfig.json'),
      '{ "extends": "./tsconfig.base.json", "compilerOptions": { "strict": true } }\n',
    );
    writeFileSync(
      path.join(cwd, 'renovate.json'),
      '{ "$schema": "https://docs.renovatebot.com/renovate-schema.json", "extends": ["config:recommended"] }\n',
    );
    seed(cwd, 'policies/bernhoven/policy.json');
    const nested =
      'policies holds policies one level further down (policies/bernhoven/policy.json): name policies instead, or list it in the config file\'s "policies"';
    for (const command of ['check', 'build']) {
      const run = await runPolicyc([command, '.'], cwd);
      expect(run.stderr).toContain(`policyc: no policy found in .: `);
      expect(run.stderr).toContain(nested);
      expect(run.stderr).not.toContain("chain's base");
      expect(run.status).toBe(2);
    }
  });

  it('takes a policy without its id in a file named almost policy.json for a policy: the misnamed-file hint', async () => {
    const cwd = await chain();
    seed(cwd, 'policies/new/Policy.json', false);
    const misnamed = await runPolicyc(['check', 'policies/new'], cwd);
    expect(misnamed.stderr).toContain('policies/new/Policy.json is there: if it is the policy, name it policy.json');
    expect(misnamed.stderr).not.toContain("chain's base");
    expect(misnamed.status).toBe(2);
  });

  it("checks a draft without its id as a policy: one with only a $schema, and a practice's on the chain's base", async () => {
    const cwd = await chain();
    seed(cwd, 'draft.json', false);
    const practice = readFileSync(path.join(cwd, 'policies/de-linde-delft/policy.json'), 'utf8');
    writeFileSync(
      path.join(cwd, 'policies/de-linde-delft/draft.json'),
      practice.replace(/"id": "de-linde-delft",\n\s*/, ''),
    );
    const drafts = ['draft.json', 'policies/de-linde-delft/draft.json'];
    const checked = [];
    for (const draft of drafts) {
      const compact = await runPolicyc(['check', draft, '--format', 'compact'], cwd);
      const text = await runPolicyc(['check', draft], cwd);
      checked.push({
        status: compact.status,
        idMissing: compact.stderr.includes(`${draft}:1:1 error /id missing required property "id" [schema/required]\n`),
        asPolicy: /^1 policy checked: /m.test(text.stderr) && !text.stderr.includes("chain's base"),
      });
    }
    expect(checked).toEqual(drafts.map(() => ({ status: 1, idMissing: true, asPolicy: true })));
  });

  // Outside the working folder a path is shown absolute, as the CLI's other messages show it (shownPath).
  it('finds the practices from a sub-folder of the project (cd shared), naming them as the CLI names paths', async () => {
    const cwd = await chain();
    const shared = path.join(cwd, 'shared');
    const practice = path.join(cwd, 'policies/de-linde-delft');
    const run = await runPolicyc(['check', 'chain.json'], shared);
    expect(closing(run.stderr)).toBe(
      `1 chain base checked: 0 errors, 0 warnings, 9 info.\nchain.json is a chain's base, extended by ${practice}/policy.json: it was checked as a base (its form and what it states). The compliance rules judge a whole policy, so they run on the practice: policyc check ${practice}\n`,
    );
    const build = await runPolicyc(['build', 'chain.json'], shared);
    expect(build.stderr).toContain(`each policy that extends it (${practice}/policy.json)`);
    expect(build.status).toBe(2);
  });
});

describe('a base no practice extends yet', () => {
  it("is a base when it names the chain's legal entity; a draft without id that extends nothing is a policy", async () => {
    const cwd = await chain(false);
    // A chain that is one B.V. with many locations states the controller once, in its base.
    edit(cwd, (t) =>
      t.replace(/\n\}\s*$/, ',\n  "controller": { "name": "Zorggroep Noord B.V.", "kvkNumber": "12345678" }\n}\n'),
    );
    const base = await runPolicyc(['check', 'shared/chain.json'], cwd);
    expect(base.stderr).not.toContain('missing required property');
    expect(closing(base.stderr)).toMatch(/^1 chain base checked: 0 errors, 0 warnings, 9 info\.\n/);
    expect(base.status).toBe(0);
    // A full policy (init copies the preset: no extends) whose id is missing is a policy's draft.
    expect((await runPolicyc(['init', '--sector', 'huisarts', '--id', 'noord', '--yes'], cwd)).status).toBe(0);
    const full = readFileSync(path.join(cwd, 'policies/noord/policy.json'), 'utf8');
    writeFileSync(path.join(cwd, 'shared/draft.json'), full.replace(/"id": "noord",\n\s*/, ''));
    const draft = await runPolicyc(['check', 'shared/draft.json', '--format', 'compact'], cwd);
    expect(draft.stderr).toContain(
      'shared/draft.json:1:1 error /id missing required property "id" [schema/required]\n',
    );
    expect(draft.stderr).not.toContain("chain's base");
    expect(draft.status).toBe(1);
  });

  it('from a sub-folder, says where to run init so that check finds the policy, with paths that work from here', async () => {
    const cwd = await chain(false);
    mkdirSync(path.join(cwd, 'policies'));
    mkdirSync(path.join(cwd, 'docs'));
    const docs = path.join(cwd, 'docs');
    writeFileSync(path.join(docs, 'copy.json'), readFileSync(path.join(cwd, 'shared/chain.json'), 'utf8'));
    const run = await runPolicyc(['check', 'copy.json'], docs);
    const hint =
      /No policy in (\S+) extends it yet: start one with 'policyc (init [^']+)', run in (\S+) \(the project's root/.exec(
        run.stderr,
      );
    expect(hint?.slice(1)).toEqual([path.join(cwd, 'policies'), 'init --extends docs/copy.json --id <id>', cwd]);
    const [init = '', root = ''] = hint?.slice(2) ?? [];
    const start = await runPolicyc([...init.replace('<id>', 'noord').split(' '), '--yes'], path.resolve(docs, root));
    expect(start.status).toBe(0);
    expect(existsSync(path.join(cwd, 'policies/noord/policy.json'))).toBe(true);
    const extended = await runPolicyc(['check', 'copy.json'], docs);
    expect(extended.stderr).toContain(`copy.json is a chain's base, extended by ${cwd}/policies/noord/policy.json:`);
    const nl = await runPolicyc(['build', '../shared/chain.json', '--message-lang', 'nl'], docs);
    expect(nl.stderr).toContain(
      `begin er een met 'policyc init --extends shared/chain.json --id <id>', uitgevoerd in ${cwd} (de hoofdmap van het project`,
    );
    // A path named on the command line is shown as given.
    expect(nl.stderr).toMatch(/^policyc: \.\.\/shared\/chain\.json is het basisbeleid/);
  });

  it("from shared/, the root's policyc.config.json is read: its policies, and init run here writes there", async () => {
    // It was not read from a sub-folder: check looked in ../policies, which the config's "practices" replaced (2b).
    const cwd = await chain(false);
    mkdirSync(path.join(cwd, 'practices'));
    writeFileSync(path.join(cwd, 'policyc.config.json'), '{ "policies": ["practices"] }\n');
    const shared = path.join(cwd, 'shared');
    const run = await runPolicyc(['check', 'chain.json'], shared);
    const hint = new RegExp(
      `No policy in ${path.join(cwd, 'practices')} extends it yet: start one with 'policyc (init [^']+)';`,
    ).exec(run.stderr);
    expect(hint?.[1]).toBe('init --extends chain.json --id <id>');
    expect((await runPolicyc(['init', '--extends', 'chain.json', '--id', 'noord', '--yes'], shared)).status).toBe(0);
    expect(existsSync(path.join(cwd, 'practices/noord/policy.json'))).toBe(true);
    const extended = await runPolicyc(['check', 'chain.json'], shared);
    expect(extended.stderr).toContain(
      `chain.json is a chain's base, extended by ${path.join(cwd, 'practices/noord/policy.json')}:`,
    );
  });

  it('with a config file named by --config, says to give it to init too', async () => {
    const cwd = await chain(false);
    mkdirSync(path.join(cwd, 'practices'));
    writeFileSync(path.join(cwd, 'chain.config.json'), '{ "policies": ["practices"] }\n');
    const shared = path.join(cwd, 'shared');
    const run = await runPolicyc(['check', 'chain.json', '--config', '../chain.config.json'], shared);
    const hint = /No policy in (\S+) extends it yet: start one with 'policyc (init [^']+)';/.exec(run.stderr);
    // The config file as given to --config.
    expect(hint?.slice(1)).toEqual([
      path.join(cwd, 'practices'),
      'init --extends chain.json --id <id> --config ../chain.config.json',
    ]);
    const start = await runPolicyc([...(hint?.[2] ?? '').replace('<id>', 'noord').split(' '), '--yes'], shared);
    expect(start.status).toBe(0);
    expect(existsSync(path.join(cwd, 'practices/noord/policy.json'))).toBe(true);
  });
});

describe('a base named to a command that compiles policies', () => {
  it('is refused (exit 2), naming the practices that extend it; nothing is written', async () => {
    const cwd = await chain();
    const build = await runPolicyc(['build', 'shared/chain.json'], cwd);
    expect(build.stderr).toBe(
      "policyc: shared/chain.json is a chain's base, which is compiled only as part of each policy that extends it (policies/de-linde-delft/policy.json): name those, or check the base with 'policyc check shared/chain.json'\nRun 'policyc build --help' for usage.\n",
    );
    expect(build.status).toBe(2);
    expect(existsSync(path.join(cwd, 'dist'))).toBe(false);
    const register = await runPolicyc(['register', 'shared', '--message-lang', 'nl'], cwd);
    expect(register.stderr).toMatch(
      /^policyc: shared\/chain\.json is het basisbeleid van een keten en wordt alleen gecompileerd als deel van elk beleid dat erop voortbouwt \(policies\/de-linde-delft\/policy\.json\)/,
    );
    expect(register.status).toBe(2);
  });
});

describe("a practice's placeholder where its base now gives a value", () => {
  it('says to delete it to take the base’s value, at the placeholder, the base’s value related', async () => {
    const cwd = await chain();
    // The chain fills in its base after init --extends copied the base's placeholder into the practice.
    edit(cwd, (t) => t.replace('"FILL-IN:effective-date"', '"2027-01-15"'));
    const run = await runPolicyc(['check', 'policies', '--format', 'compact'], cwd);
    expect(run.stderr).toContain(
      "policies/de-linde-delft/policy.json:6:22 error /metadata/effectiveDate this placeholder stands where its base gives a value for the date from which this notice applies (YYYY-MM-DD): delete it to take the base's value, or fill in the practice's own [policy/fill-in] (the base's value is at shared/chain.json:6:22)\n",
    );
    // A placeholder the base still leaves open is asked for as before.
    expect(run.stderr).toContain(
      'policies/de-linde-delft/policy.json:24:15 error /processors/0/name fill in the name of the supplier of the patient record system: only your organisation can give this (a placeholder written by policyc init) [policy/fill-in]\n',
    );
    const nl = await runPolicyc(['check', 'policies', '--format', 'compact', '--message-lang', 'nl'], cwd);
    expect(nl.stderr).toContain(
      'deze tijdelijke tekst staat op een plek waar het basisbeleid een waarde geeft voor de datum waarop deze verklaring ingaat (JJJJ-MM-DD): verwijder hem om de waarde van het basisbeleid over te nemen, of vul de eigen waarde van de praktijk in [policy/fill-in] (de waarde van het basisbeleid staat op shared/chain.json:6:22)\n',
    );
  });
});

describe('policyc diff <revision> <folder of bases>', () => {
  it('names the bases in it and how to compare each', async () => {
    const cwd = await chain();
    git(cwd, 'init', '-q');
    git(cwd, 'add', '-A');
    git(cwd, 'commit', '-q', '-m', 'chain');
    const run = await runPolicyc(['diff', 'HEAD', 'shared'], cwd);
    expect(run.stderr).toMatch(
      /; shared\/chain\.json there is a chain's base: compare its versions with 'policyc diff HEAD shared\/chain\.json'\n/,
    );
    expect(run.status).toBe(2);
  });
});
