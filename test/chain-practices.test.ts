import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runPolicycInProcess as runPolicyc } from './support/cli.js';
import { git } from './support/git.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * A chain's practices on a base of their own that extends a preset (review chain2): an error whose fix belongs in
 * the practice is placed in the practice, never in the package's presets (inside node_modules, which the user does
 * not edit), the preset's line kept as a related location in every format (finding 2); a placeholder for the
 * practice's own detail is the practice's (3); a finding repeated in every practice is said once (4); a mistyped
 * base path gets a guess (8); pointers are the file's own, and an id near an inherited one is asked about (9).
 */
const tempDir = tempDirs('policyc-chain-practices-');

const practiceController = {
  name: 'Tandartspraktijk Smile Leiden B.V.',
  kvkNumber: '12345673',
  address: { street: 'Hoofdstraat 3', postalCode: '3000 AB', city: 'Leiden' },
  contact: { email: 'leiden@smile.example', phone: '015-1234563' },
};

const base = {
  extends: 'preset:tandarts',
  id: 'smile-base',
  metadata: { effectiveDate: '2026-03-01', version: '2026.2' },
  controller: { contact: { email: 'privacy@smile.example' } },
  processors: [{ id: 'practice-system', name: 'Exquise B.V.', country: 'NL' }],
  automatedDecisionMaking: { takesPlace: false },
  complaints: {
    officer: { name: 'Klachtenfunctionaris Smile', contact: { url: 'https://smile.example/klachten' } },
    disputesBody: {
      name: 'Geschillencommissie Mondzorg',
      contact: { url: 'https://www.degeschillencommissiezorg.nl' },
    },
  },
};

/** A chain folder: shared/chain.json (on `preset`) and one practice with `own` over the controller's details. */
function chain(
  own: Record<string, unknown>,
  preset = 'preset:tandarts',
  baseOwn: Record<string, unknown> = {},
): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'shared'));
  writeFileSync(path.join(dir, 'shared/chain.json'), JSON.stringify({ ...base, extends: preset, ...baseOwn }, null, 2));
  mkdirSync(path.join(dir, 'policies/p'), { recursive: true });
  const practice = { extends: '../../shared/chain.json', id: 'p', controller: practiceController, ...own };
  writeFileSync(path.join(dir, 'policies/p/policy.json'), JSON.stringify(practice, null, 2));
  return dir;
}

/** 'line:column' of what follows `before` at its first occurrence followed by `after`, in `text`. */
function at(text: string, before: string, after = ''): string {
  const offset = text.indexOf(before + after) + before.length;
  const lines = text.slice(0, offset).split('\n');
  return `${lines.length}:${lines.at(-1)!.length + 1}`;
}

const presetText = (name: string) => readFileSync(path.join(repoRoot, 'presets', `${name}.json`), 'utf8');
const presetShown = (dir: string, name: string) =>
  path
    .relative(dir, path.join(repoRoot, 'presets', `${name}.json`))
    .split(path.sep)
    .join('/');
const practiceText = (dir: string) => readFileSync(path.join(dir, 'policies/p/policy.json'), 'utf8');

/** The compact line of `rule` (check, messages in English). */
async function compactLine(dir: string, rule: string): Promise<string> {
  const run = await runPolicyc(['check', 'policies', '--format', 'compact'], dir);
  const line = (run.stdout + run.stderr).split('\n').find((l) => l.includes(`[${rule}]`));
  expect(line, run.stdout + run.stderr).toBeDefined();
  return line!;
}

describe('an error in an inherited preset value is placed in the practice (chain2, finding 2)', () => {
  it("(a) a legalBasis beside the preset purpose's legalBases: at the practice's purpose, the preset line related", async () => {
    const dir = chain({ purposes: [{ id: 'treatment', legalBasis: '6(1)(a)' }] });
    const related = `${presetShown(dir, 'other')}:${at(presetText('other'), '', '"legalBases": ')}`;
    expect(await compactLine(dir, 'resolve/conflicting-legal-bases')).toBe(
      `policies/p/policy.json:${at(practiceText(dir), '"purposes": [\n    ')} error /purposes/0/legalBases ` +
        'give either "legalBasis" (with its explanation, obligation or interest) or "legalBases", not both ' +
        `[resolve/conflicting-legal-bases] (inherited from preset:other at ${related})`,
    );
  });

  it("(b) controller details neither the base nor the practice gives: at the practice's controller", async () => {
    const { name: _name, ...controller } = practiceController;
    const dir = chain({ controller });
    const line = await compactLine(dir, 'policy/fill-in');
    expect(line).toMatch(
      new RegExp(`^policies/p/policy\\.json:${at(practiceText(dir), '  ', '"controller"')} error /controller/name `),
    );
    // One of the practice's own details (chain2 finding 3): the practice gives no value, the preset a placeholder.
    expect(line).toContain(' this practice gives no value for the registered name of the practice, and its base ');
    expect(line).toContain(
      `(inherited from preset:other at ${presetShown(dir, 'other')}:${at(presetText('other'), '"name": ', '"FILL-IN:practice-name"')})`,
    );
  });

  it('(c) a retention rule narrowed in the practice: the category left without one, at the narrowed list', async () => {
    const dir = chain({ retention: [{ id: 'medical-file', dataCategories: ['health-data'] }] });
    const line = await compactLine(dir, 'retention/missing');
    const list = at(practiceText(dir), '      ', '"dataCategories"');
    expect(line).toMatch(
      new RegExp(
        `^policies/p/policy\\.json:${list} error /retention/0/dataCategories The data category “Identification`,
      ),
    );
    expect(line).toContain(
      `(inherited from preset:other at ${presetShown(dir, 'other')}:${at(presetText('other'), '"id": ', '"contact-details"')})`,
    );
  });

  it('(c) an acknowledgement at the pointer the report shows for it covers it (review secondread2, 16)', async () => {
    const pointer = '/retention/0/dataCategories';
    const reason = { nl: 'Nagekeken.', en: 'Checked by the officer.' };
    const metadata = { acknowledged: [{ rule: 'retention/missing', pointer, reason }] };
    const dir = chain({ retention: [{ id: 'medical-file', dataCategories: ['health-data'] }], metadata });
    expect(await compactLine(dir, 'retention/missing')).toMatch(
      new RegExp(` error ${pointer} .*\\(acknowledged: Checked by the officer\\.\\)$`),
    );
    const run = await runPolicyc(['check', 'policies', '--format', 'compact'], dir);
    expect(run.stdout + run.stderr).not.toContain('acknowledged/unmatched');
  });

  it('nothing of the practice or its base holds the value: at the extends entry', async () => {
    const dir = chain({}, 'preset:huisarts');
    const line = await compactLine(dir, 'policy/fill-in');
    expect(line).toMatch(
      new RegExp(
        `^policies/p/policy\\.json:${at(practiceText(dir), '"extends": ')} error /recipients/\\d+/description fill in `,
      ),
    );
    expect(line).toContain(
      `(inherited from preset:huisarts at ${presetShown(dir, 'huisarts')}:${at(presetText('huisarts'), '"description": ', '"FILL-IN:exchange-consent"')})`,
    );
  });

  it("(d) a GP practice's LSP description without explicit consent: at the practice's recipient, in text, JSON and SARIF", async () => {
    const description = {
      nl: 'Andere zorgverleners kunnen uw gegevens inzien.',
      en: 'Other care providers can view your data.',
    };
    const dir = chain({ recipients: [{ id: 'exchange-lsp', description }] }, 'preset:huisarts');
    const own = at(practiceText(dir), '"recipients": [\n    ');
    const [line, column] = at(presetText('huisarts'), '"name": ', '{\n        "nl": "Zorgverleners die via')
      .split(':')
      .map(Number);
    const shown = presetShown(dir, 'huisarts');
    expect(await compactLine(dir, 'wabvpz/exchange-consent-missing')).toMatch(
      new RegExp(
        `^policies/p/policy\\.json:${own} error .*\\(inherited from preset:huisarts at ${shown}:${line}:${column}\\)$`,
      ),
    );

    const run = await runPolicyc(['check', 'policies'], dir);
    const text = run.stdout + run.stderr;
    expect(text).toMatch(/^policies\/p\/policy\.json$/m);
    expect(text).toContain(`inherited from preset:huisarts at ${shown}:${line}:${column}`);
    expect(text).not.toMatch(/^\S*presets\/huisarts\.json$/m);

    const json = JSON.parse((await runPolicyc(['check', 'policies', '--format', 'json'], dir)).stdout) as Record<
      string,
      any
    >[];
    const found = json.find((d) => d.ruleId === 'wabvpz/exchange-consent-missing')!;
    expect(`${found.file}:${found.line}:${found.column}`).toBe(`policies/p/policy.json:${own}`);
    expect(found.related).toEqual([
      {
        file: shown,
        line,
        column,
        messageId: 'diagnostics:related.inheritedFromPreset',
        data: { preset: 'preset:huisarts' },
        message: `inherited from preset:huisarts at ${shown}:${line}:${column}`,
      },
    ]);

    const sarif = JSON.parse((await runPolicyc(['check', 'policies', '--format', 'sarif'], dir)).stdout);
    const result = sarif.runs[0].results.find((r: any) => r.ruleId === 'wabvpz/exchange-consent-missing');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('policies/p/policy.json');
    expect(result.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: shown }, region: { startLine: line, startColumn: column } },
        message: { text: `inherited from preset:huisarts at ${shown}:${line}:${column}` },
      },
    ]);
  });
});

describe("a placeholder for a practice's own detail, inherited from its base (chain2, finding 3)", () => {
  it('the practice that deleted its phone is told so, at its own contact details, the base line related', async () => {
    const { phone: _phone, ...contact } = practiceController.contact;
    const baseController = { contact: { email: 'privacy@smile.example', phone: 'FILL-IN:phone' } };
    const dir = chain({ controller: { ...practiceController, contact } }, 'preset:tandarts', {
      controller: baseController,
    });
    const baseAt = at(readFileSync(path.join(dir, 'shared/chain.json'), 'utf8'), '"phone": ');
    expect(await compactLine(dir, 'policy/fill-in')).toBe(
      `policies/p/policy.json:${at(practiceText(dir), '    ', '"contact"')} error /controller/contact/phone ` +
        "this practice gives no value for the practice's telephone number, and its base leaves only a placeholder " +
        "there: give the practice's own value here (filled in at the base, it would hold for every practice that " +
        `extends it) [policy/fill-in] (the base's placeholder is at shared/chain.json:${baseAt})`,
    );
    const nl = await runPolicyc(['check', 'policies', '--format', 'compact', '--message-lang', 'nl'], dir);
    expect(nl.stdout + nl.stderr).toContain(
      'deze praktijk geeft geen waarde voor het telefoonnummer van de praktijk, en het basisbeleid heeft daar alleen ' +
        `een tijdelijke tekst: vul hier de eigen waarde van de praktijk in`,
    );
    expect(nl.stdout + nl.stderr).toContain(
      `(de tijdelijke tekst van het basisbeleid staat op shared/chain.json:${baseAt})`,
    );
  });

  it("a placeholder in the base for what is not the practice's own detail stays in the base", async () => {
    const dir = chain({}, 'preset:tandarts', {
      processors: [{ id: 'practice-system', name: 'FILL-IN:processor-name', country: 'NL' }],
    });
    const baseAt = at(
      readFileSync(path.join(dir, 'shared/chain.json'), 'utf8'),
      '"name": ',
      '"FILL-IN:processor-name"',
    );
    expect(await compactLine(dir, 'policy/fill-in')).toMatch(
      new RegExp(`^shared/chain\\.json:${baseAt} error /processors/0/name fill in `),
    );
  });
});

describe("a practice's items: the pointer of its own file, and an id near an inherited one (chain2, finding 9)", () => {
  it('a new item with a mistyped id: its own index, and a hint naming the inherited id', async () => {
    const dir = chain({ processors: [{ id: 'practise-system', name: 'Exquise B.V.', country: 'NL' }] });
    expect(await compactLine(dir, 'schema/required')).toBe(
      `policies/p/policy.json:${at(practiceText(dir), '"processors": [\n    ')} error /processors/0/service ` +
        'missing required property "service" (did you mean to override the base\'s "practice-system"? Then give that ' +
        'id (with another id, this is a new item beside it)) [schema/required]',
    );
    const nl = await runPolicyc(['check', 'policies', '--format', 'compact', '--message-lang', 'nl'], dir);
    expect(nl.stdout + nl.stderr).toContain(
      '(wilde u "practice-system" uit het basisbeleid aanpassen? Geef dan dat id',
    );
  });

  it('an id far from every inherited one gets no such hint', async () => {
    const dir = chain({ processors: [{ id: 'lab-portal', name: 'Lab B.V.', country: 'NL' }] });
    expect(await compactLine(dir, 'schema/required')).toMatch(
      / error \/processors\/0\/service missing required property "service" \[schema\/required\]$/,
    );
  });

  it("an acknowledgement holds at the pointer the report shows, as at the policy's", async () => {
    const cloud = {
      id: 'cloud',
      name: 'Cloud Inc.',
      country: 'US',
      service: { nl: 'Opslag van back-ups', en: 'Storage of back-ups' },
    };
    const shown = chain({ processors: [cloud] });
    expect(await compactLine(shown, 'transfer/mechanism-missing')).toMatch(/ error \/processors\/0\/transfer /);
    for (const pointer of ['/processors/0', '/processors/1']) {
      const acknowledged = [
        { rule: 'transfer/mechanism-missing', pointer, reason: { nl: 'Nagekeken.', en: 'Checked by the officer.' } },
      ];
      const dir = chain({ processors: [cloud], metadata: { acknowledged } });
      expect(await compactLine(dir, 'transfer/mechanism-missing')).toMatch(
        /\(acknowledged: Checked by the officer\.\)$/,
      );
    }
  });
});

describe('an item a practice copied whose id its base then removes (fixes, item 2c)', () => {
  const copied = { id: 'exchange-lsp', description: 'FILL-IN:exchange-consent' };
  const removing = { remove: { recipients: ['exchange-lsp'] } };

  it("one error at the practice's item saying the base removes it, the removal's line related", async () => {
    // It gave 'missing required property "name"' and '"type"' at the item, and a placeholder to fill in.
    const dir = chain({ recipients: [copied] }, 'preset:huisarts', removing);
    const baseText = readFileSync(path.join(dir, 'shared/chain.json'), 'utf8');
    expect(await compactLine(dir, 'extends/removed-by-base')).toBe(
      `policies/p/policy.json:${at(practiceText(dir), '"recipients": [\n    ')} error /recipients/0 "exchange-lsp" is ` +
        "removed by a base this policy extends, so this item no longer completes the base's item with that id, and on " +
        "its own it lacks required properties (name, type): delete it here too, or give it in full as this policy's " +
        `own item [extends/removed-by-base] (the base removes it at shared/chain.json:${at(baseText, '"recipients": [\n      ')})`,
    );
    const run = await runPolicyc(['check', 'policies/p', '--format', 'compact'], dir);
    expect(run.stderr).not.toMatch(
      /policies\/p\/policy\.json:\d+:\d+ error \/recipients\/0\/(?:name|type|description)/,
    );
  });

  it("an item given in full is the practice's own: no such error", async () => {
    const full = { ...copied, name: { nl: 'LSP', en: 'LSP' }, type: 'care-provider', country: 'NL' };
    const dir = chain({ recipients: [full] }, 'preset:huisarts', removing);
    const run = await runPolicyc(['check', 'policies/p', '--format', 'compact'], dir);
    expect(run.stdout + run.stderr).not.toContain('[extends/removed-by-base]');
    // Its placeholder is still reported, at the practice's item.
    expect(run.stdout + run.stderr).toMatch(
      /policies\/p\/policy\.json:\d+:\d+ error \/recipients\/0\/description .*\[policy\/fill-in\]/,
    );
  });
});

describe('a finding repeated at the same place in many practices (chain2, finding 4)', () => {
  /** `count` practices, alike but for their names, on one base; `acknowledged` in the base. */
  function practices(count: number, acknowledged?: object[]): string {
    const dir = chain({}, 'preset:tandarts', acknowledged ? { metadata: { ...base.metadata, acknowledged } } : {});
    for (let i = 2; i <= count; i++) {
      const practice = JSON.parse(practiceText(dir)) as Record<string, any>;
      practice.id = `p${i}`;
      practice.controller.name = `Tandartspraktijk Smile ${i} B.V.`;
      mkdirSync(path.join(dir, `policies/p${i}`));
      writeFileSync(path.join(dir, `policies/p${i}/policy.json`), JSON.stringify(practice, null, 2));
    }
    return dir;
  }
  const output = async (dir: string, ...args: string[]) => {
    const run = await runPolicyc([...args], dir);
    return run.stdout + run.stderr;
  };

  it('text and compact give it in full once and a reference in each other practice; JSON and SARIF keep each', async () => {
    const dir = practices(5);
    const place = at(practiceText(dir), '  ', '"controller"').replace(/:\d+$/, '');
    const compact = (await output(dir, 'check', 'policies', '--format', 'compact')).trim().split('\n');
    expect(compact).toHaveLength(5);
    expect(compact[0]).toMatch(
      new RegExp(
        `^policies/p/policy\\.json:${place}:\\d+ info /controller This care provider.* \\{GDPR 37\\(1\\)\\(c\\)\\} \\[dpo/likely-mandatory\\]$`,
      ),
    );
    const position = /^policies\/p\/policy\.json(:\d+:\d+)/.exec(compact[0]!)![1];
    // Each other practice's own line, at its own file: whoever reads one practice's part sees it (officer11, F5).
    const references = ['p2', 'p3', 'p4', 'p5'].map(
      (p) =>
        `policies/${p}/policy.json${position} info /controller The same finding as under policies/p/policy.json above: ` +
        '“This care provider (Dental practice) processes health data…” [dpo/likely-mandatory]',
    );
    expect(compact.slice(1)).toEqual(references);
    const text = await output(dir, 'check', 'policies');
    expect(text.match(/This care provider \(Dental practice\) processes health data [^…]/g)).toHaveLength(1);
    expect(text.match(/The same finding as under policies\/p\/policy\.json above/g)).toHaveLength(4);
    expect(text).not.toMatch(/and \d+ more/);
    expect(text).toContain('5 policies checked: 0 errors, 0 warnings, 5 info.');
    const nl = await output(dir, 'check', 'policies', '--format', 'compact', '--message-lang', 'nl');
    expect(nl).toContain('Dezelfde bevinding als bij policies/p/policy.json hierboven: “');
    // The build gives the same lines, each policy's as it comes: it holds no finding to the end of the run.
    const built = (await output(dir, 'build', 'policies', '--format', 'compact', '--out', 'dist')).trim().split('\n');
    expect(built.filter((line) => line.endsWith('[dpo/likely-mandatory]'))).toEqual(compact);

    const json = JSON.parse(await output(dir, 'check', 'policies', '--format', 'json')) as { file: string }[];
    expect(json.map((d) => d.file)).toEqual(
      ['p', 'p2', 'p3', 'p4', 'p5'].map((p) => path.join('policies', p, 'policy.json')),
    );
    const sarif = JSON.parse(await output(dir, 'check', 'policies', '--format', 'sarif'));
    expect(sarif.runs[0].results).toHaveLength(5);
  });

  it('acknowledged once in the base, it is one entry with its reason', async () => {
    const reason = {
      nl: 'Elke praktijk heeft minder dan 10.000 patiënten.',
      en: 'Each practice has fewer than 10,000 patients.',
    };
    const dir = practices(4, [{ rule: 'dpo/likely-mandatory', pointer: '/controller', reason }]);
    const text = await output(dir, 'check', 'policies');
    // The full entry and each reference say it is accepted.
    expect(text.match(/acknowledged: Each practice has fewer than 10,000 patients\./g)).toHaveLength(4);
    expect(text.match(/The same finding as under policies\/p\/policy\.json above/g)).toHaveLength(3);
  });

  it("diff's errors of two versions of one policy are not folded as two policies", async () => {
    const { phone: _phone, ...contact } = practiceController.contact;
    const dir = chain({ controller: { ...practiceController, contact } }, 'preset:tandarts');
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'one');
    const text = await output(dir, 'diff', 'HEAD', 'policies/');
    expect(text).not.toContain('The same finding as under');
    expect(text.match(/\[?policy\/fill-in/g)).toHaveLength(2);
  });

  it('a finding that differs in one practice is given apart', async () => {
    const dir = practices(3);
    const practice = JSON.parse(readFileSync(path.join(dir, 'policies/p3/policy.json'), 'utf8'));
    writeFileSync(path.join(dir, 'policies/p3/policy.json'), JSON.stringify(practice)); // one line: another position
    const compact = (await output(dir, 'check', 'policies', '--format', 'compact')).trim().split('\n');
    expect(compact).toHaveLength(3);
    expect(compact[1]).toContain('The same finding as under policies/p/policy.json above');
    expect(compact[2]).toMatch(/^policies\/p3\/policy\.json:1:\d+ info \/controller .*\[dpo\/likely-mandatory\]$/);
  });
});

describe('a base path in extends that names no file (chain2, finding 8)', () => {
  const extendsLine = async (extendsPath: string) => {
    const dir = chain({ extends: extendsPath });
    return { dir, line: await compactLine(dir, 'extends/not-found') };
  };

  it('a mistyped file name: the closest .json file in that folder', async () => {
    const { dir, line } = await extendsLine('../../shared/chian.json');
    expect(line).toBe(
      `policies/p/policy.json:${at(practiceText(dir), '"extends": ')} error /extends cannot find the base policy ` +
        '"../../shared/chian.json": give a path relative to this file, or one of preset:apotheek, ' +
        'preset:fysiotherapie, preset:ggz, preset:huisarts, preset:other, preset:tandarts ' +
        '(did you mean "../../shared/chain.json"?) [extends/not-found]',
    );
  });

  it('a mistyped folder that the file is in, under its right name', async () => {
    expect((await extendsLine('../../shard/chain.json')).line).toContain('(did you mean "../../shared/chain.json"?)');
  });

  it('backslashes (a path copied from Windows): the same path with forward slashes (firstuser2, finding 4)', async () => {
    const { dir, line } = await extendsLine('..\\..\\shared\\chain.json');
    expect(line).toBe(
      `policies/p/policy.json:${at(practiceText(dir), '"extends": ')} error /extends cannot find the base policy ` +
        '"..\\..\\shared\\chain.json": give a path relative to this file, or one of preset:apotheek, ' +
        'preset:fysiotherapie, preset:ggz, preset:huisarts, preset:other, preset:tandarts ' +
        '(use forward slashes: "../../shared/chain.json"; a path in JSON is written with /, also on Windows) ' +
        '[extends/not-found]',
    );
    // Backslashes and a typo: the closest file, with forward slashes.
    expect((await extendsLine('..\\..\\shared\\chian.json')).line).toContain(
      '(did you mean "../../shared/chain.json"?)',
    );
  });

  it('nothing close: no guess', async () => {
    expect((await extendsLine('../../shared/keten.json')).line).not.toContain('did you mean');
  });

  it('never the policy itself, nor a file that extends it: either would be a cycle (review secondread2, 5)', async () => {
    expect((await extendsLine('polcy.json')).line).not.toContain('did you mean');
    // The base mistypes a path to the practice that extends it.
    const dir = chain({});
    const basePath = path.join(dir, 'shared/chain.json');
    const based = JSON.parse(readFileSync(basePath, 'utf8')) as Record<string, unknown>;
    writeFileSync(basePath, JSON.stringify({ ...based, extends: '../policies/p/polcy.json' }, null, 2));
    expect(await compactLine(dir, 'extends/not-found')).not.toContain('did you mean');
  });
});
