import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnceInProcess, runPolicycInProcess } from '../support/cli.js';
import { git } from '../support/git.js';
import { policyName, sameDrafts } from '../../src/diff/chain-shared.js';
import type { DiffResult } from '../../src/diff/diff-report.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { diffFixtures } from './support.js';

/**
 * A chain of three practices extending one base, and a fourth on its own. Commit 1 has the base at
 * newsletter-v1; then the base moves to newsletter-v2 (Laposta → Mailchimp, US), and the practice 'eik'
 * also changes its own e-mail address. The fourth, 'ander' (id tandartspraktijk-de-linde), does not change.
 */
let repo: string;
const practices = ['beuk', 'eik', 'linde'];
const write = (file: string, value: unknown, root = repo) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), JSON.stringify(value, null, 2));
};
/** The base at a fixture's version, changed by `patch`. */
const putBase = (fixture: string, root = repo, patch: (base: Record<string, any>) => void = () => {}) => {
  const base = JSON.parse(readFileSync(path.join(diffFixtures, fixture, 'policy.json'), 'utf8'));
  delete base.$schema;
  patch(base);
  write('bases/chain.json', base, root);
};
/** A repository whose first commit has the base at newsletter-v1 and the practices extending it. */
const chainRepo = (prefix: string): string => {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  putBase('newsletter-v1', root);
  for (const id of practices) write(`policies/${id}/policy.json`, { id, extends: '../../bases/chain.json' }, root);
  return root;
};
const commit = (root: string) => {
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'v1');
};
beforeAll(() => {
  repo = chainRepo('policyc-chain-shared-');
  mkdirSync(path.join(repo, 'policies/ander'), { recursive: true });
  copyFileSync(path.join(diffFixtures, 'clinic-v1/policy.json'), path.join(repo, 'policies/ander/policy.json'));
  commit(repo);
  putBase('newsletter-v2');
  write('policies/eik/policy.json', {
    id: 'eik',
    extends: '../../bases/chain.json',
    contact: { email: 'eik@delinde.example' },
  });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const count = (text: string, part: string): number => text.split(part).length - 1;
const swap = 'takes the place of Laposta B.V.';

describe('a folder diff of a chain whose base changed', () => {
  // The text report, which the first three tests each read a part of: run once.
  const once = runOnceInProcess();
  const textReport = () => once(['diff', 'HEAD', 'policies/'], repo);

  it('gives a change several policies share once, saying in which', async () => {
    const run = await textReport();
    expect(run.stderr).toBe('');
    expect(count(run.stdout, 'Changes in more than one policy:')).toBe(1);
    expect(count(run.stdout, swap)).toBe(1);
    const shared = run.stdout.slice(run.stdout.indexOf('Changes in more than one policy:'));
    expect(shared).toMatch(
      /takes the place of Laposta B\.V\.[^\n]*\n[^\n]*bases\/chain\.json:\d+:\d+[^\n]*\n\s+In 3 of 4 policies; not in these words in: policies\/ander \(tandartspraktijk-de-linde\)\.\n/,
    );
  });

  it("keeps each policy's own changes in its report, and says how many are given above", async () => {
    const run = await textReport();
    const reports = run.stdout.split('='.repeat(72)).slice(1);
    expect(reports).toHaveLength(3);
    const eik = reports.find((r) => r.includes('policies/eik/policy.json'))!;
    expect(eik).toContain('eik@delinde.example');
    const shared = count(reports[0]!, 'of these changes');
    expect(shared).toBe(1);
    for (const report of reports) expect(report).toMatch(/\n\d+ of these changes (is|are) given above/);
  });

  it('drafts a letter once, and says for the others whose draft theirs is', async () => {
    const run = await textReport();
    expect(count(run.stdout, '  [Dutch]')).toBe(1);
    expect(count(run.stdout, 'The same draft as for ')).toBe(2);
    expect(run.stdout).toContain(
      "The same draft as for Tandartspraktijk De Linde B.V. (policies/beuk/policy.json), with this policy's own contact details, signature and file name.",
    );
  });

  it('gives a change several policies share once in Markdown, saying in which, by folder', async () => {
    const run = await runPolicycInProcess(['diff', 'HEAD', 'policies/', '--format', 'markdown'], repo);
    expect(run.stderr).toBe('');
    expect(count(run.stdout, '## Changes in more than one policy')).toBe(1);
    expect(count(run.stdout, swap)).toBe(1);
    expect(run.stdout).toMatch(
      /\n- \*\*Material:\*\* [^\n]*takes the place of Laposta B\.V\.[^\n]*bases\/chain\.json:\d+:\d+[^\n]*\n {2}- In 3 of 4 policies; not in these words in: policies\/ander \(tandartspraktijk-de-linde\)\.\n/,
    );
    expect(count(run.stdout, 'of these changes are given above')).toBe(3);
    expect(run.stdout).toContain('eik@delinde.example');
    expect(count(run.stdout, '#### Dutch')).toBe(1);
    expect(count(run.stdout, 'The same draft as for ')).toBe(2);
  });

  it('gives a change several policies share once in HTML, saying in which, by folder', async () => {
    const run = await runPolicycInProcess(['diff', 'HEAD', 'policies/', '--format', 'html'], repo);
    expect(run.stderr).toBe('');
    expect(count(run.stdout, '<section class="changes chain-shared">')).toBe(1);
    expect(count(run.stdout, swap)).toBe(1);
    const section = run.stdout.slice(run.stdout.indexOf('chain-shared'), run.stdout.indexOf('chain-report'));
    expect(section).toContain(swap);
    expect(section).toContain(
      '<p class="chain-shared-in">In 3 of 4 policies; not in these words in: policies/ander (tandartspraktijk-de-linde).</p>',
    );
    expect(count(run.stdout, 'of these changes are given above')).toBe(3);
    expect(run.stdout).toContain('eik@delinde.example');
    expect(count(run.stdout, '<h4>Dutch</h4>')).toBe(1);
    expect(count(run.stdout, 'The same draft as for ')).toBe(2);
  });

  it('JSON keeps every policy’s report whole', async () => {
    const run = await runPolicycInProcess(['diff', 'HEAD', 'policies/', '--format', 'json'], repo);
    const json = JSON.parse(run.stdout) as {
      reports: Array<{ changes: Array<{ sentence: string }>; notice: unknown }>;
    };
    const changed = json.reports.filter((r) => r.changes.length);
    expect(changed).toHaveLength(3);
    for (const report of changed) {
      expect(report.changes.some((c) => c.sentence.includes(swap))).toBe(true);
      expect(report.notice).not.toBeNull();
    }
  });
});

describe('a folder diff of a chain whose base change brings a new error', () => {
  // The base's new US processor loses its transfer safeguard: each practice's draft has a sender note about that
  // error, naming the place in the base to fix it, not the practice's own file (chain review of 2026-12-07, 6).
  let errorRepo: string;
  beforeAll(() => {
    errorRepo = chainRepo('policyc-chain-error-');
    commit(errorRepo);
    putBase('newsletter-v2', errorRepo, (base) => {
      delete base.processors.find((p: { id: string }) => p.id === 'mailchimp').transfer;
    });
  });
  afterAll(() => rmSync(errorRepo, { recursive: true, force: true }));

  it('drafts the letter once, its sender note naming the place in the base to fix', async () => {
    const run = await runPolicycInProcess(['diff', 'HEAD', 'policies/'], errorRepo);
    expect(run.stdout).toMatch(
      /- The new version has an error the old one did not have, in the base policy it extends \(policyc check, bases\/chain\.json:\d+:\d+\): “The Rocket Science Group LLC \(Mailchimp\)” is outside the EEA \(US\) without a valid transfer mechanism\. Fix it there before sending this notice\./,
    );
    expect(run.stdout).not.toContain('mechanism. (for policies/beuk/policy.json) Fix it');
    expect(count(run.stdout, '  [Dutch]')).toBe(1);
    expect(count(run.stdout, 'The same draft as for ')).toBe(2);
  });
});

describe('a folder diff of a chain whose base brings a new error for every policy, and one policy its own', () => {
  // The base's new US processor loses its transfer safeguard: a new error in the base, found for each practice
  // ('(for policies/beuk/policy.json)', …). 'linde' also engages a US processor of its own without one.
  let findingsRepo: string;
  const baseError =
    '“The Rocket Science Group LLC (Mailchimp)” is outside the EEA (US) without a valid transfer mechanism.';
  const ownError = '“Twilio SendGrid” is outside the EEA (US) without a valid transfer mechanism.';
  beforeAll(() => {
    findingsRepo = chainRepo('policyc-chain-findings-');
    commit(findingsRepo);
    putBase('newsletter-v2', findingsRepo, (base) => {
      delete base.processors.find((p: { id: string }) => p.id === 'mailchimp').transfer;
    });
    const sendgrid = { id: 'sendgrid', name: 'Twilio SendGrid', country: 'US', serverLocations: ['US'] };
    const service = { nl: 'Verzenden van herinneringen', en: 'Sending reminders' };
    write(
      'policies/linde/policy.json',
      { id: 'linde', extends: '../../bases/chain.json', processors: [{ ...sendgrid, service }] },
      findingsRepo,
    );
  });
  afterAll(() => rmSync(findingsRepo, { recursive: true, force: true }));
  const diff = (...args: string[]) => runPolicycInProcess(['diff', 'HEAD', 'policies/', ...args], findingsRepo);

  it('gives the base’s new error once, saying in which policies; each report says it is above', async () => {
    const run = await diff();
    expect(run.stderr).toBe('');
    const [head, ...reports] = run.stdout.split('='.repeat(72));
    expect(head).toContain(
      `\nNew errors found by policyc check in more than one policy:\n  ${baseError}\n      bases/chain.json:158:5 · GDPR 44-46, 13(1)(f) · [transfer/mechanism-missing]\n      In all 3 policies.\n`,
    );
    // As a finding once (the drafts' notes for the sender name it too, with the policy it is for).
    expect(count(run.stdout, `  ${baseError}\n`)).toBe(1);
    expect(run.stdout).not.toMatch(/transfer mechanism\. \(for policies\/[a-z]+\/policy\.json\)\n/);
    const [beuk, eik, linde] = reports as [string, string, string];
    for (const report of [beuk, eik]) {
      expect(report).toContain(
        'The new version has 1 error the old one did not have (policyc check): see above, under new errors in more than one policy.',
      );
      expect(report).not.toContain('New errors found by policyc check:');
    }
    expect(linde).toContain(
      'The new version has 2 errors the old one did not have (policyc check): 1 of them above, under new errors in more than one policy; the rest below.',
    );
    expect(linde).toContain(`New errors found by policyc check:\n  ${ownError}\n      policies/linde/policy.json:5:5`);
    const dutch = await diff('--lang', 'nl');
    expect(count(dutch.stdout, 'Nieuwe fouten volgens policyc check in meer dan één privacyverklaring:')).toBe(1);
    expect(count(dutch.stdout, 'zie hierboven, bij de nieuwe fouten in meer dan één privacyverklaring.')).toBe(2);
  });

  it('gives it once in Markdown, saying in which policies', async () => {
    const run = await diff('--format', 'markdown');
    expect(run.stderr).toBe('');
    expect(count(run.stdout, '## New errors found by policyc check in more than one policy\n')).toBe(1);
    expect(run.stdout).toMatch(
      /\n- “The Rocket Science Group LLC \(Mailchimp\)” is outside[^\n]*\[transfer\/mechanism-missing\]\n {2}- In all 3 policies\.\n/,
    );
    expect(count(run.stdout, '- “The Rocket Science Group LLC (Mailchimp)” is outside')).toBe(1);
    expect(count(run.stdout, '### New errors found by policyc check\n')).toBe(1); // linde's own
    expect(count(run.stdout, 'see above, under new errors in more than one policy.')).toBe(2);
  });

  it('gives it once in HTML, saying in which policies', async () => {
    const run = await diff('--format', 'html');
    expect(run.stderr).toBe('');
    expect(count(run.stdout, '<section class="new-findings chain-shared">')).toBe(1);
    const section = run.stdout.slice(
      run.stdout.indexOf('new-findings chain-shared'),
      run.stdout.indexOf('chain-report'),
    );
    expect(section).toContain('<p class="chain-shared-in">In all 3 policies.</p></li>');
    expect(count(run.stdout, '<li>“The Rocket Science Group LLC (Mailchimp)” is outside')).toBe(1);
    expect(count(run.stdout, '<section class="new-findings">')).toBe(1); // linde's own
    expect(count(run.stdout, 'see above, under new errors in more than one policy.')).toBe(2);
  });

  it('JSON keeps each policy’s new errors whole, each saying for which policy', async () => {
    const run = await diff('--format', 'json');
    const json = JSON.parse(run.stdout) as { reports: Array<{ newFindings: Array<{ message: string }> }> };
    const messages = json.reports.map((r) => r.newFindings.map((f) => f.message));
    expect(messages).toEqual([
      [`${baseError} (for policies/beuk/policy.json)`],
      [`${baseError} (for policies/eik/policy.json)`],
      expect.arrayContaining([`${baseError} (for policies/linde/policy.json)`, ownError]),
    ]);
  });
});

describe('a policy of a chain, as the shared changes name it', () => {
  it('is its folder as given, with its id only where the folder is named otherwise', () => {
    const m = messagesFor('en');
    expect(policyName({ label: 'policies/beuk/policy.json', id: 'beuk' }, m)).toBe('policies/beuk');
    expect(policyName({ label: 'policies/ander/policy.json', id: 'tandartspraktijk-de-linde' }, m)).toBe(
      'policies/ander (tandartspraktijk-de-linde)',
    );
  });
});

describe('drafts that say the same, as the chain report tells them', () => {
  /** A policy whose draft differs from another's only in its own file, which a sender note names. */
  const withDraft = (label: string, id: string) => {
    const text = {
      lang: 'en',
      subject: 'Changes to our privacy notice',
      opening: ['We are changing our privacy notice.'],
      changesIntro: 'What changes:',
      changes: ['We use a new newsletter service.'],
      closing: [`Questions? Write to ${id}@example.nl.`],
      history: [],
      signature: id,
      senderHeading: 'For the sender',
      senderNotes: [`A new error found in the base (for ${label}).`],
    };
    const result = { notice: { texts: [text] }, new: { label } } as unknown as DiffResult;
    return { label, id, result };
  };

  it('are the same whatever characters the file name holds: a Windows path, a quote', () => {
    const pairs = [
      ['policies/beuk/policy.json', 'policies/eik/policy.json'],
      ['policies\\beuk\\policy.json', 'policies\\eik\\policy.json'],
      ['policies/de "beuk"/policy.json', 'policies/de "eik"/policy.json'],
    ];
    for (const [one, other] of pairs) {
      const first = withDraft(one!, 'beuk');
      const second = withDraft(other!, 'eik');
      expect(sameDrafts([first, second]).get(second), one).toBe(first);
    }
  });
});
