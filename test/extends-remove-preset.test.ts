import { describe, expect, it } from 'vitest';
import { analysePolicy } from '../src/pipeline/analyse-policy.js';

/**
 * A GP practice not connected to the LSP, in a thin policy on preset:huisarts
 * (what `policyc init --extends preset:huisarts` writes, filled in): it
 * follows the messages word for word, and ends with a policy without errors.
 */
const file = 'policies/de-linde/policy.json';

const practice = (extra: Record<string, unknown>) =>
  JSON.stringify({
    extends: 'preset:huisarts',
    id: 'de-linde',
    metadata: { effectiveDate: '2026-01-01' },
    controller: {
      name: 'Huisartsenpraktijk De Linde B.V.',
      kvkNumber: '12345678',
      address: { street: 'Lindenlaan 1', postalCode: '1234 AB', city: 'Utrecht' },
      contact: { email: 'info@delinde.example', phone: '0301234567' },
    },
    processors: [{ id: 'practice-system', name: 'HIS B.V.', country: 'NL' }],
    automatedDecisionMaking: { takesPlace: false },
    complaints: {
      officer: { name: 'Klachtenfunctionaris De Linde', contact: { url: 'https://delinde.example/klacht' } },
      disputesBody: { name: 'Geschilleninstantie Huisartsenzorg', contact: { url: 'https://www.skge.nl' } },
    },
    ...extra,
  });

/** The JSON the message quotes after `before`, up to `after`, as the member(s) of an object. */
function quoted(message: string, before: string, after: string): Record<string, unknown> {
  const start = message.indexOf(before) + before.length;
  return JSON.parse(`{${message.slice(start, message.indexOf(after, start))}}`) as Record<string, unknown>;
}

describe('removing the preset LSP recipient in a thin policy', () => {
  it('the placeholder says what to write, and the removal then says what to write for the purpose', () => {
    // The placeholder init copies into the thin policy, and what its message says.
    const open = analysePolicy(
      practice({ recipients: [{ id: 'exchange-lsp', description: 'FILL-IN:exchange-consent' }] }),
      file,
    );
    const fillIn = open.diagnostics.find((d) => d.ruleId === 'policy/fill-in')!;
    expect(fillIn.pointer).toMatch(/^\/recipients\/\d+\/description$/);
    const remove = quoted(fillIn.message, 'delete this recipient and write ', ': check then');
    expect(remove).toEqual({ remove: { recipients: ['exchange-lsp'] } });

    // Deleted and removed as it says: the preset's purpose still names the recipient.
    const removed = analysePolicy(practice(remove), file);
    expect(removed.diagnostics.map((d) => [d.ruleId, d.pointer])).toEqual([
      ['reference/dangling', '/remove/recipients/0'],
    ]);
    const write = quoted(removed.diagnostics[0]!.message, 'write ', ' in this policy');
    expect(write).toEqual({
      purposes: [{ id: 'treatment', recipients: ['other-care-providers', 'out-of-hours-service'] }],
    });

    // Written as it says: no error left, and the purpose keeps its other recipients.
    const done = analysePolicy(practice({ ...remove, ...write }), file);
    expect(done.diagnostics).toEqual([]);
    const treatment = done.model!.purposes.find((p) => p.id === 'treatment')!;
    expect(treatment.recipients.map((r) => r.id)).toEqual(['other-care-providers', 'out-of-hours-service']);
    expect(done.model!.recipients.map((r) => r.id)).not.toContain('exchange-lsp');
  });

  it('a recipient both removed and still given is one error at the removal, not a half item', () => {
    // The removal written, the placeholder init copied left in: it came back as a new recipient without name or type.
    const both = analysePolicy(
      practice({
        recipients: [{ id: 'exchange-lsp', description: 'FILL-IN:exchange-consent' }],
        remove: { recipients: ['exchange-lsp'] },
      }),
      file,
    );
    expect(both.diagnostics.map((d) => `${d.ruleId} ${d.pointer} ${d.message}`)).toEqual([
      'extends/remove-given /remove/recipients/0 "exchange-lsp" is removed here, but this policy also gives an item with that id (/recipients/0), which would come back without the inherited values: delete that item, or do not remove "exchange-lsp"',
    ]);
  });

  it('says the same in Dutch', () => {
    const removed = analysePolicy(practice({ remove: { recipients: ['exchange-lsp'] } }), file, 'nl');
    expect(quoted(removed.diagnostics[0]!.message, 'schrijf ', ' in dit beleid')).toEqual({
      purposes: [{ id: 'treatment', recipients: ['other-care-providers', 'out-of-hours-service'] }],
    });
  });
});
