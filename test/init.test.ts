import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { tempDirs } from './support/temp-dirs.js';
import { repoRoot, runPolicycHere as runPolicyc } from './support/cli.js';
import { positionOfText } from './support/fixtures.js';

const sectors = ['huisarts', 'fysiotherapie', 'apotheek', 'tandarts', 'ggz', 'other'];

/** What a practice would fill in for each placeholder. */
const filled: Record<string, unknown> = {
  'effective-date': '2026-03-01',
  'practice-name': 'Praktijk De Linde B.V.',
  'kvk-number': '12345678',
  street: 'Lindelaan 4',
  'postal-code': '3512 AB',
  city: 'Utrecht',
  email: 'privacy@delinde.example',
  phone: '030 123 45 67',
  'processor-name': 'Dossier Software B.V.',
  'processor-country': 'NL',
  'pharmacy-dpo-email': 'fg@delinde.example',
  // Whether it takes decisions by computer alone: only the practice knows (first-user review, finding 3).
  'automated-decisions': false,
  'complaints-officer': 'Klachtenbureau Eerstelijn',
  'complaints-officer-contact': 'https://klachten.example/eerstelijn',
  'disputes-body': 'Geschillencommissie Eerstelijnszorg',
  'disputes-body-url': 'https://geschillen.example',
  'exchange-consent': {
    nl: 'Alleen met uw uitdrukkelijke toestemming. Die geeft of trekt u in bij de balie of op MijnMitz.nl.',
    en: 'Only with your explicit consent. You give or withdraw it at the desk or on MijnMitz.nl.',
  },
};

/** Sectors whose care providers exchange the file through the LSP: their skeleton asks how patients consent to it. */
const lspSectors = new Set(['huisarts', 'apotheek']);

/**
 * The placeholders a sector's skeleton holds: a pharmacy's also its DPO, mandatory above 10,000 patients (37(1)(c));
 * a GP's and a pharmacy's also the description of the exchange through the LSP.
 */
const placeholdersOf = (sector: string): string[] =>
  Object.keys(filled).filter(
    (what) =>
      (what !== 'pharmacy-dpo-email' || sector === 'apotheek') &&
      (what !== 'exchange-consent' || lspSectors.has(sector)),
  );

const site = tempDirs('policyc-init-');

interface Finding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  pointer: string;
  message: string;
}

async function check(cwd: string, args: string[] = []): Promise<Finding[]> {
  return JSON.parse((await runPolicyc(['check', '--format', 'json', ...args], cwd)).stdout) as Finding[];
}

describe('policyc init', () => {
  it.each(sectors)(
    '%s: a skeleton whose placeholders check reports each at its position, and that passes check once they are filled',
    async (sector) => {
      const cwd = site();
      const run = await runPolicyc(['init', '--sector', sector, '--id', 'de-linde', '--yes'], cwd);
      expect(run.status).toBe(0);
      const file = path.join(cwd, 'policies/de-linde/policy.json');
      const text = readFileSync(file, 'utf8');
      expect(run.stderr).toBe(
        `Wrote policies/de-linde/policy.json (${sector}): ${placeholdersOf(sector).length} placeholders (FILL-IN:…) to fill in. Run 'policyc check policies/de-linde' to see them.\n`,
      );

      const policy = JSON.parse(text) as { $schema: string; id: string; metadata: { formality: string } };
      expect(policy.id).toBe('de-linde');
      expect(policy.metadata.formality).toBe('formal');
      expect(path.resolve(path.dirname(file), policy.$schema)).toBe(path.resolve('schema/policy.schema.json'));

      const placeholders = [...text.matchAll(/"FILL-IN:([a-z-]+)"/g)].map((m) => m[1]!);
      expect(new Set(placeholders)).toEqual(new Set(placeholdersOf(sector)));
      const unfilled = await check(cwd);
      expect(unfilled.map((d) => `${d.ruleId} ${d.file}:${d.line}:${d.column}`)).toEqual(
        placeholders.map((what, i) => {
          const { line, column } = positionOfText(
            text,
            `"FILL-IN:${what}"`,
            placeholders.slice(0, i).filter((w) => w === what).length + 1,
          );
          return `policy/fill-in policies/de-linde/policy.json:${line}:${column}`;
        }),
      );
      expect(unfilled.find((d) => d.pointer === '/controller/kvkNumber')!.message).toBe(
        "fill in the practice's Chamber of Commerce (KvK) number, 8 digits: only your organisation can give this (a placeholder written by policyc init)",
      );
      // In Dutch a manager reads: fill in here, what, and who put the placeholder there.
      const dutch = await check(cwd, ['--lang', 'nl']);
      expect(dutch.find((d) => d.pointer === '/controller/kvkNumber')!.message).toBe(
        'vul hier het KvK-nummer van de praktijk (8 cijfers) in. Alleen uw organisatie weet dit; policyc init heeft hier een tijdelijke tekst gezet',
      );

      writeFileSync(
        file,
        text.replace(/"FILL-IN:([a-z-]+)"/g, (_, what: string) => JSON.stringify(filled[what])),
      );
      const findings = await check(cwd);
      expect(findings.filter((d) => d.severity === 'error')).toEqual([]);
      expect(findings.filter((d) => d.severity === 'warning')).toEqual([]);
      const out = path.join(cwd, 'dist');
      expect((await runPolicyc(['build', '--out', out], cwd)).status).toBe(0);
      const nl = readFileSync(path.join(out, 'de-linde/nl/privacy.html'), 'utf8');
      expect(nl).toContain('Praktijk De Linde B.V.');
      expect(nl).toContain('20 jaar');
      expect(nl).toContain('7 jaar');
      // The practice's own answer, not the hedge a notice gives where the policy is silent.
      expect(nl).toContain('Wij laten geen computer besluiten over u nemen zonder dat een mens ernaar kijkt');
      expect(nl).not.toContain('In deze verklaring staan geen besluiten die een computer over u neemt');
      // Finding 16 of the first-user review: where a patient complains about care (Wkkgz) and, at a GP or pharmacy,
      // how they give or withdraw consent for the LSP.
      expect(nl).toContain('onze klachtenfunctionaris: Klachtenbureau Eerstelijn.');
      expect(nl).toContain('voorleggen aan Geschillencommissie Eerstelijnszorg.');
      expect([sector, nl.includes('Die geeft of trekt u in bij de balie of op MijnMitz.nl.')]).toEqual([
        sector,
        lspSectors.has(sector),
      ]);
    },
  );

  it('huisarts: the LSP description a practice fills in must say the consent is explicit (wabvpz/exchange-consent-missing)', async () => {
    const cwd = site();
    await runPolicyc(['init', '--sector', 'huisarts', '--id', 'de-linde', '--yes'], cwd);
    const file = path.join(cwd, 'policies/de-linde/policy.json');
    const text = readFileSync(file, 'utf8');
    const marker = (await check(cwd)).find((d) => d.pointer.endsWith('/description') && d.ruleId === 'policy/fill-in')!;
    expect(marker.message).toContain('that this happens only with their explicit consent (Wabvpz art. 15a)');
    expect(marker.message).toContain('MijnMitz.nl or volgjezorg.nl');
    const vague = {
      nl: 'Via het LSP zien andere zorgverleners uw gegevens.',
      en: 'Other care providers see your data.',
    };
    writeFileSync(
      file,
      text.replace(/"FILL-IN:([a-z-]+)"/g, (_, what: string) =>
        JSON.stringify(what === 'exchange-consent' ? vague : filled[what]),
      ),
    );
    expect((await check(cwd)).filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual([
      'wabvpz/exchange-consent-missing',
    ]);
  });

  it('no preset answers for the practice whether it takes automated decisions: a placeholder check reports', async () => {
    const cwd = site();
    await runPolicyc(['init', '--sector', 'huisarts', '--id', 'de-linde', '--yes'], cwd);
    const text = readFileSync(path.join(cwd, 'policies/de-linde/policy.json'), 'utf8');
    expect(JSON.parse(text).automatedDecisionMaking).toEqual({ takesPlace: 'FILL-IN:automated-decisions' });
    const finding = (await check(cwd)).find((d) => d.pointer === '/automatedDecisionMaking/takesPlace')!;
    expect([finding.ruleId, finding.severity]).toEqual(['policy/fill-in', 'error']);
    expect(finding.message).toContain('whether the practice takes decisions about people by computer alone');
  });

  it('each skeleton names its kind of care provider (careSector) and keeps the word its texts use, patiënt', async () => {
    const expected: Record<string, string | undefined> = {
      huisarts: 'gp-practice', // a practice, not a GP out-of-hours post: no DPO by its kind alone
      fysiotherapie: 'physiotherapy',
      apotheek: 'pharmacy',
      tandarts: 'dental',
      ggz: 'mental-health',
      other: undefined, // any kind of practice: a sector set wrongly is worse than none
    };
    const cwd = site();
    for (const sector of sectors) {
      await runPolicyc(['init', '--sector', sector, '--id', sector, '--yes'], cwd);
      const text = readFileSync(path.join(cwd, 'policies', sector, 'policy.json'), 'utf8');
      const policy = JSON.parse(text) as { controller: { careSector?: string }; metadata: { careRecipient?: string } };
      expect([sector, policy.controller.careSector]).toEqual([sector, expected[sector]]);
      // Left unset: the default, patiënt, is the word of every preset text (ggz's too: 'patiënten', 'patiëntendossier'),
      // and unset, wording/care-recipient-unset still speaks when a practice rewrites its texts to cliënt.
      expect([sector, policy.metadata.careRecipient]).toEqual([sector, undefined]);
      expect(text).toContain('patiënt');
      expect(text).not.toMatch(/cli[eë]nt/i);
    }
  });

  it('apotheek: a placeholder for the DPO, which says when a pharmacy must have one (GDPR 37(1)(c))', async () => {
    const cwd = site();
    await runPolicyc(['init', '--sector', 'apotheek', '--id', 'de-linde', '--yes'], cwd);
    const file = path.join(cwd, 'policies/de-linde/policy.json');
    const text = readFileSync(file, 'utf8');
    const dpo = (await check(cwd)).find((d) => d.pointer === '/dpo/contact/email')!;
    expect(dpo.message).toBe(
      'fill in the e-mail address of the pharmacy\'s data protection officer (FG), mandatory when the pharmacy serves more than 10,000 patients a year in one information system (GDPR 37(1)(c); if it does not and has no officer, write dpo as {"appointed": false, "reason": …}): only your organisation can give this (a placeholder written by policyc init)',
    );
    const nl = JSON.parse((await runPolicyc(['check', '--format', 'json', '--lang', 'nl'], cwd)).stdout) as Finding[];
    expect(nl.find((d) => d.pointer === '/dpo/contact/email')!.message).toContain(
      'het e-mailadres van de functionaris voor gegevensbescherming (FG) van de apotheek, verplicht als de apotheek meer dan 10.000 patiënten per jaar in één informatiesysteem heeft',
    );

    // A smaller pharmacy without an officer removes the DPO: check asks (info), it does not demand, and passes.
    const small = JSON.parse(
      text.replace(/"FILL-IN:([a-z-]+)"/g, (_, what: string) => JSON.stringify(filled[what])),
    ) as { dpo?: unknown };
    delete small.dpo;
    writeFileSync(file, JSON.stringify(small, null, 2));
    const findings = await check(cwd);
    expect(findings.filter((d) => d.ruleId.startsWith('dpo/')).map((d) => `${d.ruleId} ${d.severity}`)).toEqual([
      'dpo/likely-mandatory info',
    ]);
    expect((await runPolicyc(['check'], cwd)).status).toBe(0);
  });

  it('huisarts: a GP practice needs a DPO only above about 10,000 patients, so check asks (info), it does not demand', async () => {
    const cwd = site();
    await runPolicyc(['init', '--sector', 'huisarts', '--id', 'de-linde', '--yes'], cwd);
    const file = path.join(cwd, 'policies/de-linde/policy.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      text.replace(/"FILL-IN:([a-z-]+)"/g, (_, what: string) => JSON.stringify(filled[what])),
    );
    const dpo = (await check(cwd)).filter((d) => d.ruleId.startsWith('dpo/'));
    expect(dpo.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['dpo/likely-mandatory info']);
  });

  it('ggz: a practice that rewrites its texts to cliënt is told to set careRecipient (the preset leaves it unset)', async () => {
    const cwd = site();
    await runPolicyc(['init', '--sector', 'ggz', '--id', 'de-linde', '--yes'], cwd);
    const file = path.join(cwd, 'policies/de-linde/policy.json');
    const text = readFileSync(file, 'utf8')
      .replace(/"FILL-IN:([a-z-]+)"/g, (_, what: string) => JSON.stringify(filled[what]))
      .replace(/([Pp])atiënt/g, (_, p: string) => (p === 'P' ? 'Cliënt' : 'cliënt'));
    writeFileSync(file, text);
    expect((await check(cwd)).map((d) => d.ruleId)).toContain('wording/care-recipient-unset');
  });

  it('the skeleton has the bases, terms and rights the law asks of a care provider', async () => {
    const cwd = site();
    await runPolicyc(['init', '--sector', 'fysiotherapie', '--yes'], cwd);
    const policy = JSON.parse(readFileSync(path.join(cwd, 'policies/fysiotherapie/policy.json'), 'utf8')) as {
      metadata: { languages: string[] };
      purposes: {
        id: string;
        legalBasis?: string;
        legalBases?: { basis: string; legalObligation?: { law: string } }[];
        legalObligation?: { law: string };
        specialCategoryCondition?: { condition: string };
      }[];
      retention: { id: string; period: string; from: string; legalSource: { law: string; article: string } }[];
      dataCategories: { id: string; nationalIdentifier?: boolean }[];
    };
    expect(policy.metadata.languages).toEqual(['nl', 'en']);
    const treatment = policy.purposes.find((p) => p.id === 'treatment')!;
    expect(treatment.legalBases!.map((b) => b.basis)).toEqual(['6(1)(b)', '6(1)(c)']);
    expect(treatment.legalBases![1]!.legalObligation!.law).toBe('wgbo');
    expect(treatment.specialCategoryCondition!.condition).toBe('9(2)(h)');
    const bsn = policy.purposes.find((p) => p.id === 'bsn')!;
    expect([bsn.legalBasis, bsn.legalObligation!.law]).toEqual(['6(1)(c)', 'wabvpz']);
    expect(policy.dataCategories.find((c) => c.id === 'bsn')!.nationalIdentifier).toBe(true);
    expect(policy.retention.map((r) => [r.id, r.period, r.from, r.legalSource.law, r.legalSource.article])).toEqual([
      ['medical-file', 'P20Y', 'last-file-change', 'wgbo', '7:454(3)'],
      ['invoices', 'P7Y', 'collection', 'awr', '52'],
    ]);
  });

  it('--informal sets the informal register', async () => {
    const cwd = site();
    expect((await runPolicyc(['init', '--informal', '--yes'], cwd)).status).toBe(0);
    const policy = JSON.parse(readFileSync(path.join(cwd, 'policies/practice/policy.json'), 'utf8')) as {
      metadata: { formality: string };
    };
    expect(policy.metadata.formality).toBe('informal');
  });

  it("writes into the config file's policies folder", async () => {
    const cwd = site();
    writeFileSync(path.join(cwd, 'policyc.config.json'), JSON.stringify({ policies: ['privacy'] }));
    const run = await runPolicyc(['init', '--yes', '--id', 'linde'], cwd);
    expect(run.stderr).toContain('Wrote privacy/linde/policy.json (other)');
    const policy = JSON.parse(readFileSync(path.join(cwd, 'privacy/linde/policy.json'), 'utf8')) as { $schema: string };
    expect(path.resolve(cwd, 'privacy/linde', policy.$schema)).toBe(path.resolve('schema/policy.schema.json'));
    expect((await check(cwd)).filter((d) => d.ruleId === 'policy/fill-in')).toHaveLength(15);
  });

  it('never overwrites an existing policy', async () => {
    const cwd = site();
    expect((await runPolicyc(['init', '--sector', 'ggz', '--yes'], cwd)).status).toBe(0);
    const file = path.join(cwd, 'policies/ggz/policy.json');
    writeFileSync(file, '{"edited": true}');
    const again = await runPolicyc(['init', '--sector', 'ggz', '--yes'], cwd);
    // A refusal is exit 2 (README, exit codes), with the policyc: prefix of the other refusals.
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(
      'policyc: policies/ggz/policy.json already exists; policyc init never overwrites a policy. Choose another --id.\n',
    );
    expect(readFileSync(file, 'utf8')).toBe('{"edited": true}');
  });

  it("names its folder as --help says: the sector's name, and 'practice' for other (web-developer review)", async () => {
    const help = (await runPolicyc(['init', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain("(default: the sector's name; for other, practice)");
    const cwd = site();
    expect((await runPolicyc(['init', '--yes'], cwd)).status).toBe(0);
    expect(existsSync(path.join(cwd, 'policies/practice/policy.json'))).toBe(true);
    expect((await runPolicyc(['init', '--sector', 'tandarts', '--yes'], cwd)).status).toBe(0);
    expect(existsSync(path.join(cwd, 'policies/tandarts/policy.json'))).toBe(true);
  });

  it('refuses a bad sector (with a guess), a bad id and both formalities', async () => {
    const cwd = site();
    const sector = await runPolicyc(['init', '--sector', 'tandart'], cwd);
    expect(sector.status).toBe(2);
    expect(sector.stderr).toContain(
      'unknown sector "tandart" (use one of: apotheek, fysiotherapie, ggz, huisarts, other or tandarts); did you mean "tandarts"?',
    );
    expect((await runPolicyc(['init', '--id', 'De Linde'], cwd)).stderr).toContain('"De Linde" cannot be a policy id');
    expect((await runPolicyc(['init', '--formal', '--informal'], cwd)).stderr).toContain(
      'give --formal or --informal, not both',
    );
    expect(existsSync(path.join(cwd, 'policies'))).toBe(false);
  });

  it('asks on a terminal for what the flags do not say, and not with --yes', async () => {
    const cwd = site();
    const questions: string[] = [];
    const answers = ['tandarts', 'smile', 'je'];
    const io = {
      cwd,
      stdout: () => {},
      stderr: () => {},
      prompt: async (q: string) => {
        questions.push(q);
        return answers.shift()!;
      },
    };
    expect(await runCli(['init'], io)).toBe(0);
    expect(questions).toEqual([
      'Kind of practice (apotheek, fysiotherapie, ggz, huisarts, other or tandarts) [other]: ',
      'Policy id (folder name under policies/) [tandarts]: ',
      'Address readers in Dutch as u (formal) or je (informal)? [u]: ',
    ]);
    const policy = JSON.parse(readFileSync(path.join(cwd, 'policies/smile/policy.json'), 'utf8')) as {
      introduction: { nl: string };
      metadata: { formality: string };
    };
    expect(policy.metadata.formality).toBe('informal');
    expect(policy.introduction.nl).toContain('tandartspraktijk');
    questions.length = 0;
    expect(await runCli(['init', '--yes', '--id', 'quiet'], io)).toBe(0);
    expect(questions).toEqual([]);
  });
});

describe("init's sector question after an unknown answer (review webdev10, finding 13)", () => {
  it.each([
    ['en', 'Kind of practice (apotheek, fysiotherapie, ggz, huisarts, other or tandarts)'],
    ['nl', 'Soort praktijk (apotheek, fysiotherapie, ggz, huisarts, other of tandarts)'],
  ])('asks again with the guess as the default, which Enter takes (%s)', async (lang, question) => {
    const cwd = site();
    const run = await initAnswering(cwd, ['--message-lang', lang, '--id', 'de-linde', '--formal'], ['fysio', '']);
    expect(run.status).toBe(0);
    expect(run.questions).toEqual([`${question} [other]: `, `${question} [fysiotherapie]: `]);
    expect(run.stderr).toContain('"fysiotherapie"');
    const policy = JSON.parse(readFileSync(path.join(cwd, 'policies/de-linde/policy.json'), 'utf8')) as {
      controller: { careSector?: string };
    };
    expect(policy.controller.careSector).toBe('physiotherapy');
  });

  it('keeps the last default when an answer has no guess', async () => {
    const cwd = site();
    const run = await initAnswering(cwd, ['--id', 'x', '--formal'], ['fysio', 'zzzzzz', 'tandarts']);
    expect(run.status).toBe(0);
    expect(run.questions.map((q) => q.slice(q.lastIndexOf('[')))).toEqual([
      '[other]: ',
      '[fysiotherapie]: ',
      '[fysiotherapie]: ',
    ]);
  });
});

/** init in `args` with `answers` typed at its questions: its exit code, the questions asked and its stderr. */
async function initAnswering(cwd: string, args: string[], answers: string[]) {
  const questions: string[] = [];
  let stderr = '';
  const io = {
    cwd,
    stdout: () => {},
    stderr: (t: string) => void (stderr += t),
    prompt: async (q: string) => {
      questions.push(q);
      return answers.shift()!;
    },
  };
  const status = await runCli(['init', ...args], io);
  return { status, questions, stderr };
}

describe("init's question about the form of address (review cli7, finding 4)", () => {
  /** init run in `lang` with `answers` typed at its questions: its exit code, the questions asked, stderr and the formality written. */
  async function answered(lang: string, answers: string[]) {
    const cwd = site();
    const args = ['--message-lang', lang, '--sector', 'fysiotherapie', '--id', 'de-linde'];
    const { status, questions, stderr } = await initAnswering(cwd, args, answers);
    const file = path.join(cwd, 'policies/de-linde/policy.json');
    const written = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as { metadata: { formality: string } }).metadata.formality
      : undefined;
    return { status, questions, stderr, formality: written };
  }

  it.each([
    ['nl', 'informeel', 'informal'],
    ['nl', 'Jij', 'informal'],
    ['en', 'informal', 'informal'],
    ['en', 'je', 'informal'],
    ['nl', 'formeel', 'formal'],
    ['en', 'U', 'formal'],
    ['nl', '', 'formal'],
  ])('in %s, "%s" gives %s', async (lang, answer, formality) => {
    const run = await answered(lang, [answer]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.questions).toHaveLength(1);
    expect(run.formality).toBe(formality);
  });

  it.each([
    ['en', '"jee" is not one of the answers: type u (formal) or je (informal), or press Enter for u.\n'],
    ['nl', '"jee" is geen van de antwoorden: typ u (formeel) of je (informeel), of druk op Enter voor u.\n'],
  ])('in %s, another answer is said and asked again, not taken as formal', async (lang, said) => {
    const run = await answered(lang, ['jee', 'je']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr.startsWith(said)).toBe(true);
    expect(run.questions).toHaveLength(2);
    expect(run.questions[0]).toBe(run.questions[1]);
    expect(run.formality).toBe('informal');
  });
});

describe('init on a terminal asks again after an answer it cannot take (review cli7, finding 5)', () => {
  it.each([
    [
      'en',
      'unknown sector "fysio" (use one of: apotheek, fysiotherapie, ggz, huisarts, other or tandarts); did you mean "fysiotherapie"?',
      '"De Linde" cannot be a policy id: use lower-case letters, digits and hyphens, starting with a letter or digit',
    ],
    [
      'nl',
      'onbekende sector "fysio" (gebruik een van: apotheek, fysiotherapie, ggz, huisarts, other of tandarts); bedoelde u "fysiotherapie"?',
      '"De Linde" kan geen id van een beleid zijn: gebruik kleine letters, cijfers en koppeltekens, en begin met een letter of cijfer',
    ],
  ])('a sector begun or an id typed as a name, in %s: said, asked again, the answers kept', async (lang, ...said) => {
    const cwd = site();
    const answers = ['fysio', 'fysiotherapie', 'De Linde', '', 'je'];
    const { status, questions, stderr } = await initAnswering(cwd, ['--message-lang', lang], answers);
    expect(status, stderr).toBe(0);
    expect(questions).toHaveLength(5);
    // Asked again with the guess as the default (review webdev10, finding 13).
    expect(questions[1]).toBe(questions[0]!.replace('[other]', '[fysiotherapie]'));
    expect(questions[2]).toMatch(/\[fysiotherapie\]: $/);
    expect(questions[3]).toMatch(/\[de-linde\]: $/);
    expect(stderr.split('\n').slice(0, 2)).toEqual(said);
    const policy = JSON.parse(readFileSync(path.join(cwd, 'policies/de-linde/policy.json'), 'utf8')) as object;
    expect(policy).toMatchObject({ id: 'de-linde', metadata: { formality: 'informal' } });
    expect(readdirSync(path.join(cwd, 'policies'))).toEqual(['de-linde']);
  });

  it('a flag keeps its usage error: --sector fysio suggests fysiotherapie, exit 2, nothing written', async () => {
    const cwd = site();
    const run = await runPolicyc(['init', '--sector', 'fysio', '--yes'], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'unknown sector "fysio" (use one of: apotheek, fysiotherapie, ggz, huisarts, other or tandarts); did you mean "fysiotherapie"?',
    );
    expect(existsSync(path.join(cwd, 'policies'))).toBe(false);
  });
});

describe('init through a node_modules that is a symbolic link (review chain2, finding 10)', () => {
  it('$schema goes through node_modules/policyc as installed, not the link target that moves on upgrade', () => {
    // As pnpm installs: node_modules/policyc is a link into a store named after the version.
    const dir = site();
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(repoRoot, path.join(dir, 'node_modules', 'policyc'), 'dir');
    const run = spawnSync(
      process.execPath,
      [path.join(dir, 'node_modules/policyc/lib/cli/main.js'), 'init', '--id', 'p', '--yes'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const written = JSON.parse(readFileSync(path.join(dir, 'policies/p/policy.json'), 'utf8'));
    expect(written.$schema).toBe('../../node_modules/policyc/schema/policy.schema.json');
  });
});
