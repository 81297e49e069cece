import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';
import { rules } from '../src/check/rules.js';
import type { Severity } from '../src/diagnostics/diagnostic.js';
import { expectGolden } from './support/golden.js';
import { repoRoot } from './support/cli.js';
import { mergePatch, ruleFixtureBase, ruleFixtureText } from './support/rule-fixtures.js';

/**
 * Every rule of the catalogue has test/fixtures/rules/<rule-id>/ with a
 * fail case that triggers it (expected.json: rule id, severity, pointer,
 * line:column and the message in both languages) and a pass case that does
 * not. A case is a whole policy (fail.json) or a small patch to the minimal
 * policy test/fixtures/rules/base.json (fail.patch.json, RFC 7386).
 */
const fixtures = path.join(repoRoot, 'test/fixtures/rules');

const severityRank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function analyse(dir: string, kase: 'fail' | 'pass', lang: 'en' | 'nl') {
  const relative = path.relative(repoRoot, path.join(dir, kase));
  const analysed = analysePolicy(ruleFixtureText(dir, kase)!, relative, lang);
  expect(analysed.diagnostics, `${relative} must be a valid policy`).toEqual([]);
  return analysed.findings;
}

describe('compliance rules', () => {
  for (const rule of rules) {
    const dir = path.join(fixtures, rule.id);
    describe(rule.id, () => {
      it('has a fixture that triggers it and one that passes', () => {
        expect(ruleFixtureText(dir, 'fail')).toBeDefined();
        expect(ruleFixtureText(dir, 'pass')).toBeDefined();
      });

      it('reports fail.json at the value at fault, in English and Dutch', () => {
        const en = analyse(dir, 'fail', 'en').filter((d) => d.ruleId === rule.id);
        const nl = analyse(dir, 'fail', 'nl').filter((d) => d.ruleId === rule.id);
        expect(en.length).toBeGreaterThan(0);
        expect(nl.map((d) => d.pointer)).toEqual(en.map((d) => d.pointer));
        const actual = en.map((d, i) => ({
          ruleId: d.ruleId,
          severity: d.severity,
          article: d.article,
          pointer: d.pointer,
          line: d.line,
          column: d.column,
          message: d.message,
          messageNl: nl[i]!.message,
        }));
        for (const finding of actual) {
          expect(finding.ruleId).toBe(rule.id);
          // A finding may lower its rule's severity for one case (retention/medical-file-start with no start), never raise it.
          expect(severityRank[finding.severity]).toBeLessThanOrEqual(severityRank[rule.severity]);
          expect(finding.message).not.toMatch(/⟦missing|\{\{/);
          expect(finding.messageNl).not.toMatch(/⟦missing|\{\{/);
          expect(finding.messageNl).not.toBe(finding.message);
        }
        expectGolden(path.join(dir, 'expected.json'), JSON.stringify(actual, null, 2) + '\n');
      });

      it('does not report pass.json', () => {
        const findings = analyse(dir, 'pass', 'en');
        expect(findings.filter((d) => d.ruleId === rule.id)).toEqual([]);
      });
    });
  }
});

describe('rules and a growing schema', () => {
  it('transfer/privacy-shield finds the mechanism wherever the policy states it, with or without a party name', async () => {
    const { checkPolicy } = await import('../src/check/check-policy.js');
    const { messagesFor } = await import('../src/i18n/messages.js');
    const file = path.join(fixtures, 'transfer/privacy-shield/pass.json');
    const analysed = analysePolicy(readFileSync(file, 'utf8'), 'pass.json');
    const model = analysed.model!;
    // A policy-wide transfer, as a later schema may allow (IES states the Privacy Shield for all its transfers).
    const grown = { ...model, source: { ...model.source, transfers: { mechanism: 'privacy-shield' } } } as typeof model;
    const findings = checkPolicy(grown, analysed.document!, messagesFor('en')).filter(
      (d) => d.ruleId === 'transfer/privacy-shield',
    );
    expect(findings.map((d) => [d.pointer, d.message])).toEqual([
      [
        '/transfers/mechanism',
        'This transfer relies on the EU-US Privacy Shield, which the EU Court of Justice invalidated in 2020 (C-311/18).',
      ],
    ]);
  });
});

describe('controller/address-missing and controller/contact-missing share out the controllers', () => {
  const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
  function controllerFindings(patch: object): string[] {
    const analysed = analysePolicy(JSON.stringify(mergePatch(base, patch), null, 2), 'policy.json');
    expect(analysed.diagnostics).toEqual([]);
    return analysed.findings.filter((f) => f.ruleId.startsWith('controller/')).map((f) => `${f.ruleId} ${f.pointer}`);
  }

  it('a controller with no contact details at all is contact-missing only, not also address-missing', () => {
    expect(controllerFindings({ controller: { address: null, contact: null } })).toEqual([
      'controller/contact-missing /controller/contact',
    ]);
  });

  it('a placeholder name is identity-missing only: no address is asked of a controller the statement does not name', () => {
    expect(controllerFindings({ controller: { address: null, placeholder: true } })).toEqual([
      'controller/identity-missing /controller/name',
    ]);
  });

  it("the policy's general contact address counts as the controller's postal address; a town alone does not", () => {
    const street = { street: 'Postbus 1', city: 'Utrecht', country: 'NL' };
    expect(controllerFindings({ controller: { address: null }, contact: { address: street } })).toEqual([]);
    expect(controllerFindings({ controller: { address: { street: null } } })).toEqual([
      'controller/address-missing /controller/address',
    ]);
  });
});

describe('art14/referral-source-unstated reads referrals, not links', () => {
  const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
  function referralFindings(description: { nl: string; en: string }): string[] {
    const medical = { ...base.dataCategories[1], description };
    const patch = { dataCategories: [base.dataCategories[0], medical] };
    const analysed = analysePolicy(JSON.stringify(mergePatch(base, patch), null, 2), 'policy.json', 'nl');
    expect(analysed.diagnostics).toEqual([]);
    return analysed.findings.filter((f) => f.ruleId === 'art14/referral-source-unstated').map((f) => f.message);
  }

  it('"verwijzingen naar websites" (Dental Clinics: links to other sites) is no referral', () => {
    const links = {
      nl: 'Op onze websites staan verwijzingen naar websites van derden.',
      en: 'Our websites contain links to third-party websites.',
    };
    expect(referralFindings(links)).toEqual([]);
  });

  it('a referring GP is, quoted in the message language', () => {
    const referred = { nl: 'Gegevens van uw verwijzende huisarts.', en: 'Data from your referring GP.' };
    expect(referralFindings(referred)).toEqual([
      'De verklaring spreekt van een verwijzing (“verwijzende huisarts”), maar bij geen enkele categorie persoonsgegevens staat waar de gegevens vandaan komen.',
    ]);
  });
});

describe('recipients/complete-unset reads a sharing text that says no one else', () => {
  const base = JSON.parse(readFileSync(ruleFixtureBase, 'utf8'));
  // The other language says nothing of others, so each case is read in one language.
  const both = (sharing: { nl?: string; en?: string }) => ({
    nl: sharing.nl ?? 'Wij delen uw gegevens.',
    en: sharing.en ?? 'We share your data.',
  });
  function complete(sharing: { nl?: string; en?: string }, patch: object = {}, lang: 'nl' | 'en' = 'en') {
    const policy = JSON.stringify(mergePatch(base, { sharing: both(sharing), ...patch }), null, 2);
    const analysed = analysePolicy(policy, 'policy.json', lang);
    expect(analysed.diagnostics).toEqual([]);
    return analysed.findings.filter((f) => f.ruleId === 'recipients/complete-unset');
  }
  const quoted = (findings: ReturnType<typeof complete>): string[] =>
    findings.map((f) => f.message.match(/\(“([^”]+)”\)/)![1]!);

  it.each([
    ['met niemand anders', 'Wij delen uw gegevens met de partijen hieronder, en met niemand anders.'],
    ['geen andere partijen', 'Wij geven uw gegevens aan geen andere partijen dan die hieronder.'],
    ['geen gegevens door aan andere partijen', 'Wij geven geen gegevens door aan andere partijen.'],
    [
      'nooit … andere derde partijen (IES)',
      'We zullen nooit informatie over u delen of verkopen aan adverteerders of andere derde partijen.',
    ],
  ])('fires on %s, at the sharing text', (_, nl) => {
    const findings = complete({ nl });
    expect(findings.map((f) => f.pointer)).toEqual(['/sharing']);
    // The line and column of the sharing value in the policy text.
    const lines = JSON.stringify(mergePatch(base, { sharing: both({ nl }) }), null, 2).split('\n');
    const line = lines.findIndex((l) => l.includes('"sharing"')) + 1;
    expect([findings[0]!.line, findings[0]!.column]).toEqual([line, lines[line - 1]!.indexOf('{') + 1]);
  });

  it.each([
    ['no one else', 'We share your data with the parties below and with no one else.'],
    ['nobody else', 'Nobody else receives your data.'],
    ['not … with anyone else', 'We do not share your data with anyone else.'],
    ['no other third parties', 'No other third parties receive your data.'],
  ])('fires on %s', (_, en) => {
    expect(complete({ en }).map((f) => f.pointer)).toEqual(['/sharing']);
  });

  it("quotes each language's own words", () => {
    const sharing = {
      nl: 'Wij delen uw gegevens met niemand anders.',
      en: 'We share your data with no one else.',
    };
    expect(quoted(complete(sharing, {}, 'nl'))).toEqual(['niemand anders']);
    expect(quoted(complete(sharing, {}, 'en'))).toEqual(['no one else']);
  });

  it.each([
    ['tenzij (BIB)', 'Wij geven geen gegevens door aan andere partijen, tenzij dit nodig is voor de doeleinden.'],
    [
      'zonder (Dijklander)',
      'Gegevens worden niet met anderen gedeeld zonder uw uitdrukkelijke toestemming of een andere wettelijke grondslag.',
    ],
    ['onder andere', 'Onder andere deze partijen krijgen uw gegevens, en verder niemand anders.'],
    ['zoals', 'Wij werken met dienstverleners, zoals hosting. Met niemand anders delen wij uw gegevens.'],
    ['niet alleen', 'Wij delen uw gegevens niet alleen met uw huisarts maar ook met andere partijen.'],
    ['only (iPractice)', 'We delen je persoonsgegevens alleen met andere partijen als daar een grondslag voor is.'],
  ])('is silent where the text lets others in: %s', (_, nl) => {
    expect(complete({ nl })).toEqual([]);
  });

  it.each([
    ['unless', 'We do not share your data with other parties unless the law requires it.'],
    ['without (Cosmetic Clinic)', 'We will never share it with any other third parties without your permission.'],
    ['such as', 'We use service providers such as hosting companies, and no one else.'],
  ])('is silent in English too: %s', (_, en) => {
    expect(complete({ en })).toEqual([]);
  });

  it('is silent where the field is set, either way, and where the statement names no party', () => {
    const sharing = { nl: 'Wij delen uw gegevens met niemand anders.' };
    expect(complete(sharing, { recipientsComplete: true })).toEqual([]);
    expect(complete(sharing, { recipientsComplete: false })).toEqual([]);
    const { recipients: _recipients, ...care } = base.purposes[0];
    const none = { recipients: null, purposes: [care] };
    expect(complete(sharing, none)).toEqual([]);
  });
});
