import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/diagnostics/render-message.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import { repoRoot } from '../support/cli.js';

/**
 * Quotation marks are presentation (secondread10, 12): a message quotes a name (`{{purpose, quoted}}`, the marks of
 * terms:punctuation.quoted), and its `data` holds the name as written, a text per language, as the README describes
 * it for `--format json`. Before, three rules put the quoting into `data` ({"message": {"messageId":
 * "terms:punctuation.quoted", …}}) and quoted with “…”, while the rest quoted "…" in their messages.
 */
function findings(id: string, ruleId: string, lang: 'en' | 'nl' = 'en') {
  const file = path.join(repoRoot, 'policies', id, 'policy.json');
  return analysePolicy(readFileSync(file, 'utf8'), `policies/${id}/policy.json`, lang).findings.filter(
    (f) => f.ruleId === ruleId,
  );
}

const policy = (id: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'policies', id, 'policy.json'), 'utf8')) as {
    purposes: Array<{ name: { nl: string; en: string }; legalBases?: Array<{ legitimateInterest?: object }> }>;
  };

describe('quoted names in check messages', () => {
  it('keeps data plain: a purpose is its name as written, a list of purposes the names', () => {
    const dental = policy('dental-clinics');
    const [one] = findings('dental-clinics', 'bsn/legal-ground-missing');
    expect(one!.data).toEqual({ purpose: dental.purposes[1]!.name });
    expect(one!.message).toMatch(/^The purpose “Performing the treatment agreement: your dental care” processes/);

    const bib = policy('bib-verloskundigen');
    const [many] = findings('bib-verloskundigen', 'bsn/legal-ground-missing');
    expect(many!.data).toEqual({
      purposes: { list: [0, 2, 4].map((i) => bib.purposes[i]!.name), conjunction: 'and' },
    });

    const [shared] = findings('dental-clinics', 'art6/legitimate-interest-vague');
    expect(shared!.data!.interest).toEqual({
      nl: 'Het verbeteren van onze diensten en het beveiligen van je gegevens.',
      en: 'Improving our services and securing your data.',
    });
    expect(shared!.message).toContain(
      'The same legitimate interest, “Improving our services and securing your data.”,',
    );
  });

  it('puts no message into the data of any finding of the nine policies', () => {
    for (const id of readdirSync(path.join(repoRoot, 'policies')))
      for (const f of analysePolicy(
        readFileSync(path.join(repoRoot, 'policies', id, 'policy.json'), 'utf8'),
        `policies/${id}/policy.json`,
        'nl',
      ).findings)
        expect(JSON.stringify(f.data ?? {}), `${id} ${f.ruleId}`).not.toContain('punctuation.quoted');
  });

  it('quotes each item of a list where the message quotes it, and joins the list as it says', () => {
    const data = { purposes: { list: [{ nl: 'A', en: 'A' }, 'B', { nl: 'C', en: 'C' }], conjunction: 'and' as const } };
    expect(renderMessage({ messageId: 'rules:bsn/legal-ground-missing.purposes', data }, messagesFor('nl'))).toMatch(
      /^De doelen “A”, “B” en “C” verwerken/,
    );
    expect(renderMessage({ messageId: 'rules:bsn/legal-ground-missing.purposes', data }, messagesFor('en'))).toMatch(
      /^The purposes “A”, “B” and “C” process/,
    );
  });

  it('quotes the same way in every rule message: no placeholder between straight quotes or quoted by hand', () => {
    for (const lang of ['en', 'nl']) {
      const rules = readFileSync(path.join(repoRoot, 'locales', lang, 'rules.json'), 'utf8');
      expect(rules.match(/\\"\{\{[^}]*\}\}\\"/g), lang).toBeNull();
      expect(rules.match(/“\{\{[^}]*\}\}”/g), lang).toBeNull();
      expect(rules, lang).toContain('{{purpose, quoted}}');
    }
  });
});
