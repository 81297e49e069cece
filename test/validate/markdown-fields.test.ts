import { describe, expect, it } from 'vitest';
import { policySchema } from '../../src/validate/schema-validator.js';
import { isMarkdownAt } from '../../src/validate/text-checks.js';
import { miniPolicy } from '../support/mini-policy.js';

/** Which texts the notice renders as Markdown, by the schema's x-markdown: the Markdown rules look only there. */
describe('isMarkdownAt', () => {
  const policy = {
    ...miniPolicy(),
    introduction: { nl: 'Welkom.', en: 'Welcome.' },
    rights: { howToExercise: { nl: 'Mail ons.', en: 'Mail us.' }, notes: { erasure: { nl: 'Let op.', en: 'Note.' } } },
    processors: [
      {
        id: 'host',
        name: { nl: 'een hostingbedrijf', en: 'a hosting company' },
        service: { nl: 'Hosting', en: 'Hosting' },
      },
      { id: 'mail', name: 'Mailer B.V.', service: { nl: 'E-mail', en: 'E-mail' } },
    ],
  };
  policy.purposes[0]!.description = { nl: 'Wat we doen.', en: 'What we do.' };
  policy.dataCategories[0]!.description = { nl: 'Nummers.', en: 'Numbers.' };
  const at = (pointer: string) => isMarkdownAt(policySchema().schema, policy, pointer);

  // Markdown: a top-level text, an item of an array, a property and a pattern property (rights.notes).
  const markdown = [
    '/introduction/nl',
    '/purposes/0/description/en',
    '/rights/howToExercise/nl',
    '/rights/notes/erasure/en',
  ];
  // Plain: names, a data category's description, a processor's name as a text object (if/then) or a string.
  const plain = [
    '/dataCategories/0/name/nl',
    '/dataCategories/0/description/nl',
    '/purposes/0/name/en',
    '/processors/0/name/nl',
    '/processors/1/name',
    '/processors/0/service/en',
    '/controller/name',
  ];
  // Nothing there, an object, past a string.
  const none = ['/purposes/7/description/nl', '/rights/howToExercise', '/introduction/nl/0', '/nothing/nl', ''];
  it.each([...markdown.map((p) => [p, true]), ...[...plain, ...none].map((p) => [p, false])] as [string, boolean][])(
    '%s: %s',
    (pointer, expected) => expect(at(pointer)).toBe(expected),
  );
});
