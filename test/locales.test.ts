import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/check/rules.js';
import { repoRoot } from './support/cli.js';

const localesDir = path.join(repoRoot, 'locales');

/** Flattened keys, with plural (_one/_other) and context (_informal) suffixes folded into the base key. */
function keys(value: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = prefix + k.replace(/_(informal|one|other)$/, '').replace(/_(informal)$/, '');
    if (v && typeof v === 'object') for (const sub of keys(v, `${key}.`)) out.add(sub);
    else out.add(key);
  }
  return out;
}

/** The flattened keys written with a plural suffix (i18next's count: _zero, _one, _other), sorted. */
function pluralKeys(value: unknown, prefix = ''): string[] {
  return Object.entries(value as Record<string, unknown>)
    .flatMap(([k, v]) =>
      v && typeof v === 'object' ? pluralKeys(v, `${prefix}${k}.`) : /_(zero|one|other)$/.test(k) ? [prefix + k] : [],
    )
    .sort();
}

type Lang = 'nl' | 'en';

/** Every message of a language, by 'namespace:key' with plural and context variants folded, with its {{variables}}. */
function messageVariables(lang: Lang): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (value: unknown, prefix: string): void => {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const key = prefix + k.replace(/_(informal|one|other|zero)$/, '');
      if (v && typeof v === 'object') walk(v, `${key}.`);
      else {
        const vars = out.get(key) ?? new Set<string>();
        for (const m of String(v).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)) vars.add(m[1]!);
        out.set(key, vars);
      }
    }
  };
  for (const file of readdirSync(path.join(localesDir, lang)).filter((f) => f.endsWith('.json')))
    walk(JSON.parse(readFileSync(path.join(localesDir, lang, file), 'utf8')), `${file.slice(0, -5)}:`);
  return out;
}

/** The message ids src/ names in diagnostics: each literal 'diagnostics:…', 'rules:…' or 'site:…', a `${…}` part as a wildcard. */
function messageIdsInSource(dir = path.join(repoRoot, 'src')): Array<{ file: string; id: string }> {
  const found: Array<{ file: string; id: string }> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...messageIdsInSource(full));
    else if (entry.name.endsWith('.ts'))
      for (const m of readFileSync(full, 'utf8').matchAll(/['`]((?:diagnostics|rules|site):[^'`\s]*)['`]/g))
        found.push({ file: path.relative(repoRoot, full), id: m[1]! });
  }
  return found;
}

/** Whether `id` (a `${…}` part matching anything) names a message, or a group of messages, among `keys`. */
function namesMessage(id: string, keys: readonly string[]): boolean {
  const pattern = id
    .split(/\$\{[^}]*\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  const re = new RegExp(`^${pattern}(\\..+)?$`);
  return keys.some((k) => re.test(k));
}

describe('the messages diagnostics name (messageId)', () => {
  const nl = messageVariables('nl');
  const en = messageVariables('en');
  const used = messageIdsInSource();

  it('src names its messages by literal ids, and there are many', () => {
    expect(used.length).toBeGreaterThan(60);
    expect(used.map((u) => u.id)).toContain('diagnostics:schema.required');
  });

  it.each(['nl', 'en'] as const)('every messageId in src exists in %s', (lang) => {
    const keys = [...(lang === 'nl' ? nl : en).keys()];
    expect(used.filter((u) => !namesMessage(u.id, keys)).map((u) => `${u.file}: ${u.id}`)).toEqual([]);
  });

  it('every compliance rule has its message in both languages', () => {
    for (const rule of rules) {
      expect(nl.has(`rules:${rule.id}.message`), rule.id).toBe(true);
      expect(en.has(`rules:${rule.id}.message`), rule.id).toBe(true);
    }
  });

  it('a message interpolates the same variables in Dutch and English', () => {
    const differ = [...en.keys()]
      .filter((k) => /^(diagnostics|rules|site|cli):/.test(k) && nl.has(k))
      .filter((k) => [...en.get(k)!].sort().join() !== [...nl.get(k)!].sort().join())
      .map((k) => `${k}: en {${[...en.get(k)!].sort().join()}} nl {${[...nl.get(k)!].sort().join()}}`);
    expect(differ).toEqual([]);
  });
});

/** Every message of a language as [namespace, key as written (plural suffix kept), text]. */
function messageTexts(lang: Lang): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  const walk = (ns: string, value: unknown, prefix: string): void => {
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      if (v && typeof v === 'object') walk(ns, v, `${prefix}${k}.`);
      else out.push([ns, prefix + k, String(v)]);
  };
  for (const file of readdirSync(path.join(localesDir, lang)).filter((f) => f.endsWith('.json')))
    walk(file.slice(0, -5), JSON.parse(readFileSync(path.join(localesDir, lang, file), 'utf8')), '');
  return out;
}

describe('counts in messages', () => {
  it.each(['nl', 'en'] as const)(
    '%s writes no count as "error(s)" or "fout(en)": it counts with _one/_other',
    (lang) => {
      const hacks = messageTexts(lang)
        .filter(([, , text]) => /\p{L}\((?:s|en|'s|ies)\)/u.test(text))
        .map(([ns, key, text]) => `${ns}:${key}: ${text}`);
      expect(hacks).toEqual([]);
    },
  );

  it.each(['nl', 'en'] as const)(
    '%s: a counted part ($t) is a plural message of its own namespace (messages.ts reads only that one)',
    (lang) => {
      const texts = messageTexts(lang);
      const known = new Set(texts.map(([ns, key]) => `${ns}:${key}`));
      const nested = texts.flatMap(([ns, key, text]) =>
        [...text.matchAll(/\$t\(([\w-]+):([\w.]+), \{"count": \{\{\w+\}\} \}\)|\$t\(/g)].map((m) => ({ ns, key, m })),
      );
      expect(nested.length).toBeGreaterThan(10);
      const wrong = nested
        .filter(({ ns, m }) => m[1] !== ns || !known.has(`${m[1]}:${m[2]}_one`) || !known.has(`${m[1]}:${m[2]}_other`))
        .map(({ ns, key, m }) => `${ns}:${key}: ${m[0]}`);
      expect(wrong).toEqual([]);
    },
  );
});

describe('locales', () => {
  // Every namespace of either language: one that only English has (cli.json once did) fails here.
  const namespaces = [
    ...new Set((['nl', 'en'] as const).flatMap((lang) => readdirSync(path.join(localesDir, lang)))),
  ].filter((f) => f.endsWith('.json'));

  it.each(namespaces)('%s has the same keys in Dutch and English', (ns) => {
    const nl = keys(JSON.parse(readFileSync(path.join(localesDir, 'nl', ns), 'utf8')));
    const en = keys(JSON.parse(readFileSync(path.join(localesDir, 'en', ns), 'utf8')));
    expect(
      [...nl].filter((k) => !en.has(k)),
      'only in nl',
    ).toEqual([]);
    expect(
      [...en].filter((k) => !nl.has(k)),
      'only in en',
    ).toEqual([]);
  });

  it.each(namespaces)('%s counts in Dutch where it counts in English (plural keys: _one, _other)', (ns) => {
    const [nl, en] = (['nl', 'en'] as const).map((lang) =>
      pluralKeys(JSON.parse(readFileSync(path.join(localesDir, lang, ns), 'utf8'))),
    );
    expect(nl).toEqual(en);
  });

  // secondread10 finding 15: a check text said "op grond van 9(2)(h)" (the data's notation in Dutch prose), one
  // bracket cited "art. 6, lid 1, onder c; artikel 7:454 BW". A policy field's value ("legalBasis 6(1)(a)") is the notation an author types, not a citation.
  it('Dutch check texts cite as Dutch: no GDPR notation, one form of article per bracket', () => {
    const found: string[] = [];
    const walk = (value: unknown, key: string): void => {
      if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(v, `${key}.${k}`);
        return;
      }
      const text = String(value);
      for (const m of text.matchAll(/(legalBasis )?\b\d+\(\d+\)(?:\([a-z]\))?/g))
        if (!m[1]) found.push(`${key}: ${m[0]}`);
      for (const m of text.matchAll(/\(([^()]*)\)/g))
        if (/\bart\./i.test(m[1]!) && /\bartikel\b/i.test(m[1]!)) found.push(`${key}: ${m[0]}`);
    };
    for (const ns of ['rules', 'diagnostics'])
      walk(JSON.parse(readFileSync(path.join(localesDir, 'nl', `${ns}.json`), 'utf8')), ns);
    expect(found).toEqual([]);
  });

  // Several paragraphs are "leden" in Dutch, as the AVG's own text writes them: the notice, the history and the
  // check texts said "artikel 21, lid 2 en 3".
  it('Dutch writes "leden" for several paragraphs, in every namespace', () => {
    const found = readdirSync(path.join(localesDir, 'nl'))
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) =>
        [...readFileSync(path.join(localesDir, 'nl', f), 'utf8').matchAll(/\blid \d+ (?:en|tot en met) \d+/g)].map(
          (m) => `${f}: ${m[0]}`,
        ),
      );
    expect(found).toEqual([]);
  });

  it('the official Dutch names of the legal bases and rights (reference §3)', () => {
    const terms = JSON.parse(readFileSync(path.join(localesDir, 'nl', 'terms.json'), 'utf8'));
    expect(Object.values(terms.legalBasis).map((b) => (b as { name: string }).name)).toEqual([
      'Toestemming',
      'Uitvoering van een overeenkomst',
      'Wettelijke verplichting',
      'Vitale belangen',
      'Taak van algemeen belang of openbaar gezag',
      'Gerechtvaardigd belang',
    ]);
    // A right's name is the patient's words first, then the official term in brackets.
    expect(terms.right.access.name).toMatch(/ \(recht van inzage\)$/);
    expect(terms.right.objection.name).toMatch(/ \(recht van bezwaar\)$/);
    expect(terms.right.portability.name).toMatch(/ \(recht op overdraagbaarheid van gegevens\)$/);
    expect(terms.right.erasure.name).toMatch(/ \(recht op gegevenswissing/);
    expect(terms.right.restriction.name).toMatch(/ \(recht op beperking van de verwerking\)$/);
  });
});

/** The .ts files under `dir`, with their text. */
function sourcesUnder(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .map((full) => ({ file: path.relative(repoRoot, full), text: readFileSync(full, 'utf8') }));
}

describe('separators between messages', () => {
  const sources = sourcesUnder(path.join(repoRoot, 'src'));
  /** The lines of src/ that match `literal`, as 'file:line: text', but for the lines `excused` says are no text. */
  const linesMatching = (literal: RegExp, excused: (file: string, line: string) => boolean): string[] =>
    sources.flatMap(({ file, text }) =>
      text
        .split('\n')
        .flatMap((line, i) => (literal.test(line) && !excused(file, line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );

  // secondread3 finding 11: the CLI's refusals, their hints and did-you-means, the history's changes, and the
  // notice's and register's notes, places and retention terms were joined with a '; ' written in TypeScript; the
  // languages' punctuation is the locales' (cli:messageSeparator, diff:history.changeSeparator, terms:list.clauses).
  // Lists of names (presets, files: ', ') are not messages. A citation's '; ' ('GDPR 13(1)(e); Tw 11.7a') is the
  // catalogue's notation, the same in every language: written as data (src/check/rules.ts, audit-site's articles),
  // not joined.
  it("src/ joins no messages with a literal '; '", () => {
    const literal = /join\('; '\)|`; \$\{|\}; \$\{|'; ' \+|\+ '; '|\? ', ' : '; '/;
    expect(linesMatching(literal, () => false)).toEqual([]);
  });

  // A name's note in brackets, a label before its value and a detail after a dash are the locales' punctuation
  // (terms:punctuation: withNote, labelled, withDetail; inlineIn where the name is a link): the register's lines, the
  // notice's legal bases and transfers, the diff's Markdown findings, the text report's and SARIF's suggestion and the
  // rule catalogue (docs/rules.md) were joined with ' (', ': ' and ' — ' written in TypeScript.
  it("src/ joins no note, label or detail with a literal ' (', ': ' or ' — '", () => {
    const literal = /[`}] \(\$\{|[`}]: \$\{|[`}] — \$\{|text\(`: |text\(` \(/;
    const excused = (file: string, line: string): boolean =>
      // It writes JavaScript (the precompiled templates), not text for people.
      file === path.join('src/render/generate-templates.ts') ||
      // --format compact is a line format that editors' and CI problem matchers parse, the same in every language
      // (README: file:line:col severity /pointer message (suggestion) {article} [rule-id]).
      file === path.join('src/diagnostics/format-diagnostics.ts') ||
      // An Error's own message, for programmers: the CLI writes an OutputRefusal from its key (cli:refused.…).
      (file === path.join('src/output/output-ownership.ts') && line.trim().startsWith('super(`${key}: '));
    expect(linesMatching(literal, excused)).toEqual([]);
  });

  // A text quoted ('Message: “…”' in docs/rules.md, an id in the diff's words) is quoted by `quoted`
  // (terms:punctuation.quoted): the quotation marks are the language's, not written in TypeScript. Comments may show them.
  it('src/ writes no quotation marks but in comments', () => {
    const comment = /^\s*(\/\/|\/\*|\*)/;
    const excused = (file: string, line: string): boolean =>
      comment.test(line) ||
      // A pattern that reads them (a clause's end before a closing quote), not a text that writes them.
      (file === path.join('src/render/register/cell-values.ts') && line.startsWith('const ENDS_CLAUSE = '));
    expect(linesMatching(/[“”„‘’«»]/, excused)).toEqual([]);
  });
});
