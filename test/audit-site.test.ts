import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compile } from '../src/index.js';
import type { LocalisedDiagnostic } from '../src/diagnostics/diagnostic.js';
import { runPolicycInProcess as runPolicyc } from './support/cli.js';
import { positionOfText, readFixture } from './support/fixtures.js';

const tracked = 'test/fixtures/sites/tracked';
const clean = 'test/fixtures/sites/clean';
const temp = mkdtempSync(path.join(os.tmpdir(), 'policyc-audit-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function audit(
  ...args: string[]
): Promise<{ status: number | null; diagnostics: LocalisedDiagnostic[]; stderr: string }> {
  const run = await runPolicyc(['audit-site', ...args, '--format', 'json']);
  return { status: run.status, diagnostics: JSON.parse(run.stdout) as LocalisedDiagnostic[], stderr: run.stderr };
}

/** The expected position of `needle` in a fixture file, with the file as diagnostics name it. */
function at(file: string, needle: string, occurrence = 1): { file: string; line: number; column: number } {
  return { file, ...positionOfText(readFixture(file.replace('test/fixtures/', '')), needle, occurrence) };
}

describe('audit-site on a site with undeclared trackers', async () => {
  const result = await audit(`${tracked}/site`, `${tracked}/policy.json`);
  const page = `${tracked}/site/index.html`;
  const script = `${tracked}/site/js/app.js`;
  const about = `${tracked}/site/over/index.html`;

  test('exit 1; every third party and cookie once per file, at its first position there', () => {
    expect(result.status).toBe(1);
    const found = result.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      file: d.file,
      line: d.line,
      column: d.column,
    }));
    expect(found).toEqual([
      { ruleId: 'site/undeclared-party', severity: 'error', ...at(page, 'href="https://fonts.googleapis.com') },
      { ruleId: 'site/undeclared-party', severity: 'error', ...at(page, "'https://www.googletagmanager.com") },
      { ruleId: 'site/undeclared-party', severity: 'error', ...at(page, 'fbq)return') },
      { ruleId: 'site/undeclared-party', severity: 'error', ...at(page, 'src="https://www.youtube.com') },
      { ruleId: 'site/privacy-enhanced-mode', severity: 'warning', ...at(page, 'src="https://www.youtube.com') },
      { ruleId: 'site/undeclared-cookie', severity: 'error', ...at(script, "document.cookie = 'visited") },
      { ruleId: 'site/undeclared-cookie', severity: 'error', ...at(script, "document.cookie = '_ga") },
      { ruleId: 'site/unknown-third-party', severity: 'warning', ...at(script, "'https://api.booking-widget.example") },
      { ruleId: 'site/unknown-third-party', severity: 'warning', ...at(script, "'https://stats.example.org") },
      { ruleId: 'site/undeclared-party', severity: 'error', ...at(about, '_hjSettings') },
    ]);
  });

  test('each finding names the party, its company and country, and whether consent is needed', () => {
    const message = (needle: string): LocalisedDiagnostic =>
      result.diagnostics.find((d) => d.message.includes(needle))!;
    expect(message('Meta (fbq)')).toMatchObject({
      message: expect.stringContaining(
        'Company: Meta Platforms Ireland Limited, Ireland (parent company: Meta Platforms, Inc., the United States).',
      ),
      article: 'GDPR 13(1)(e); Tw 11.7a',
      suggestion: 'name it as a processor or recipient, or add "connect.facebook.net" to its "domains"',
    });
    expect(message('Meta (fbq)').message).toContain(
      'Consent is needed before it is loaded (Telecommunicatiewet art. 11.7a)',
    );
    expect(message('Hotjar').message).toContain('Company: Hotjar Ltd, Malta.');
    expect(message('Google Fonts').message).toContain(
      "It stores nothing on the visitor's device, so Telecommunicatiewet art. 11.7a asks no consent",
    );
    expect(message('Google Fonts').article).toBe('GDPR 13(1)(e)');
    expect(message('Google Tag Manager').message).toContain('depends on the tags it loads');
    expect(message('not from its privacy-enhanced domain').message).toBe(
      'The site embeds YouTube from www.youtube.com, not from its privacy-enhanced domain youtube-nocookie.com.',
    );
    expect(message('"_ga"').message).toMatch(
      /^A script sets the cookie "_ga" \(set by Google Analytics\), but no policy has a cookies section\./,
    );
    expect(message('api.booking-widget.example').message).toContain("policyc's catalogue does not know");
  });

  test("links, comments, JSON-LD and the site's own host are not third parties", () => {
    const text = JSON.stringify(result.diagnostics);
    for (const host of ['instagram.com', 'comment.example.com', 'tracker.example.com', 'fysio-voorbeeld.nl'])
      expect(text).not.toContain(host);
  });

  test('text report: grouped per file, with a summary line', async () => {
    const run = await runPolicyc(['audit-site', `${tracked}/site`, `${tracked}/policy.json`]);
    expect(run.stderr).toContain(`${about}\n  9:9  error    A script on the site calls Hotjar (_hjSettings)`);
    expect(run.stderr).toContain(
      'Audited 2 pages and 2 scripts and stylesheets against 1 policy: 7 errors, 3 warnings, 0 info.',
    );
  });

  test('messages in Dutch with --lang nl', async () => {
    const nl = await audit(`${tracked}/site`, `${tracked}/policy.json`, '--lang', 'nl');
    const meta = nl.diagnostics.find((d) => d.message.includes('(fbq)'))!;
    expect(meta.message).toBe(
      'Een script op de site roept Meta aan (fbq), die in geen enkele privacyverklaring als verwerker of ontvanger staat. ' +
        'Bedrijf: Meta Platforms Ireland Limited, Ierland (moederbedrijf: Meta Platforms, Inc., de Verenigde Staten). ' +
        'Hiervoor is toestemming nodig voordat het wordt geladen (Telecommunicatiewet art. 11.7a): het slaat informatie op in of leest informatie uit het apparaat van de bezoeker en is niet strikt noodzakelijk voor de site.',
    );
  });
});

describe('declaring parties', () => {
  test('a site whose every party and cookie is declared passes: exit 0, no findings', async () => {
    expect(await audit(`${clean}/site`, `${clean}/policy.json`)).toMatchObject({ status: 0, diagnostics: [] });
  });

  test('a party is declared by name (whole words, any language) or by a domain; cookies by name or pattern', async () => {
    const policy = JSON.parse(readFixture('sites/tracked/policy.json')) as Record<string, unknown>;
    policy.processors = [
      { id: 'hotjar', name: 'Heatmaps', service: { nl: 'Heatmaps', en: 'Heatmaps' }, domains: ['hotjar.com'] },
    ];
    policy.recipients = [
      { id: 'meta', name: { nl: 'Meta (Facebook)', en: 'Meta (Facebook)' }, type: 'third-party' },
      { id: 'megagoogle', name: { nl: 'Megagoogleplex', en: 'Megagoogleplex' }, type: 'third-party' },
    ];
    policy.cookies = {
      used: true,
      categories: [{ id: 'stats', name: { nl: 'Statistiek', en: 'Statistics' }, names: ['_ga*'] }],
    };
    const file = path.join(temp, 'declared.json');
    writeFileSync(file, JSON.stringify(policy, null, 2));
    const result = await audit(`${tracked}/site`, file);
    const messages = result.diagnostics.map((d) => d.message);
    expect(messages.some((m) => m.includes('Meta') || m.includes('Hotjar') || m.includes('"_ga"'))).toBe(false);
    // "Megagoogleplex" does not name Google: a name counts only as whole words.
    expect(messages.some((m) => m.startsWith('The site contacts Google Fonts'))).toBe(true);
    // The policy now has cookies: an unlisted cookie is a warning that says where to list it.
    expect(result.diagnostics.find((d) => d.message.includes('"visited"'))).toMatchObject({
      severity: 'warning',
      suggestion: 'add "visited" to the "names" of its cookie category',
    });
  });

  test('the notice shows the declared domains and cookie names', async () => {
    const { outputs } = await compile(readFixture('sites/clean/policy.json'), { languages: ['en'] });
    const notice = outputs.find((o) => o.path === 'huisarts-voorbeeld/en/privacy.md')!.contents as string;
    expect(notice).toContain('| **Font service**, on our website: fonts.googleapis.com and fonts.gstatic.com |');
    expect(notice).toContain('Cookies: consent\\_choice.');
  });

  test('a domain that is not a host name is refused at its position', async () => {
    const policy = JSON.parse(readFixture('sites/clean/policy.json')) as { recipients: { domains?: string[] }[] };
    policy.recipients[0]!.domains = ['https://fonts.googleapis.com/'];
    const file = path.join(temp, 'bad-domain.json');
    const text = JSON.stringify(policy, null, 2);
    writeFileSync(file, text);
    const result = await audit(`${clean}/site`, file);
    expect(result.status).toBe(1);
    expect(result.diagnostics[0]).toMatchObject({
      pointer: '/recipients/0/domains/0',
      ...positionOfText(text, '"https://fonts.googleapis.com/"'),
    });
  });
});

describe('reading the site', () => {
  test('a script that is not JavaScript is a warning at the parse error; a text/plain script parked by a consent manager is still read', async () => {
    const site = path.join(temp, 'site');
    mkdirSync(site, { recursive: true });
    const html =
      '<!DOCTYPE html>\n<title>x</title>\n<script>\n  var x = ;\n</script>\n<script type="text/plain" data-category="analytics">\n  gtag("config", "G-ABCDEF1234");\n</script>\n';
    writeFileSync(path.join(site, 'index.html'), html);
    const result = await audit(site, `${clean}/policy.json`);
    const file = path.relative(path.resolve('.'), path.join(site, 'index.html'));
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([
      ['site/unreadable-script', 4, 11],
      ['site/undeclared-party', 7, 3],
    ]);
    expect(result.diagnostics[0]).toMatchObject({
      file,
      message:
        'This script could not be read as JavaScript (Unexpected token); the third parties it contacts are not checked.',
    });
    expect(result.diagnostics[1]!.message).toMatch(/^A script on the site calls Google Analytics \(gtag\)/);
  });

  test('audit-site --help describes the command', async () => {
    expect(await runPolicyc(['audit-site', '--help'])).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^Usage: policyc audit-site <folder> \[paths…\] \[options\]/),
    });
  });

  test('usage errors: no folder, a folder that does not exist, a file', async () => {
    expect(await runPolicyc(['audit-site'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('audit-site needs the folder of the built website'),
    });
    expect(await runPolicyc(['audit-site', 'no-such-site'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('no website folder at no-such-site'),
    });
    // A file where the folder should be: said to be a file, not that nothing is there.
    expect(await runPolicyc(['audit-site', 'package.json'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining(
        'package.json is a file, not a folder: audit-site reads the folder of the built website',
      ),
    });
  });

  test('a local script outside the site folder is not read', async () => {
    const site = path.join(temp, 'escape');
    mkdirSync(site, { recursive: true });
    writeFileSync(path.join(temp, 'outside.js'), 'fetch("https://outside.example.net/");');
    writeFileSync(
      path.join(site, 'index.html'),
      '<!DOCTYPE html><title>x</title><script src="../outside.js"></script>',
    );
    const result = await audit(site, `${clean}/policy.json`);
    expect(result).toMatchObject({ status: 0, diagnostics: [] });
  });
});
