import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analysePolicy } from '../../src/pipeline/analyse-policy.js';
import type { LocalisedDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { messagesFor, type Language } from '../../src/i18n/messages.js';
import { renderNotice } from '../../src/render/render-notice.js';
import { repoRoot } from './cli.js';

/** The notice files a seed test reads, per language. */
export const noticeFiles = ['privacy.md', 'privacy.html', 'privacy.fragment.html'] as const;
export type NoticeFile = (typeof noticeFiles)[number];

/** The notices of one policy, compiled in memory by the build's own stages (the synchronous part: no register). */
export interface CompiledNotices {
  diagnostics: LocalisedDiagnostic[];
  outputs: Array<{ path: string; contents: string }>;
}

export function compileNotices(text: string, file: string): CompiledNotices {
  const { model, diagnostics } = analysePolicy(text, file);
  if (!model) return { diagnostics, outputs: [] };
  const outputs = model.languages.flatMap((lang) => {
    const notice = renderNotice(model, messagesFor(lang, model.source.metadata.formality));
    return [
      { path: `${model.id}/${lang}/privacy.md`, contents: notice.markdown },
      { path: `${model.id}/${lang}/privacy.html`, contents: notice.html },
      { path: `${model.id}/${lang}/privacy.fragment.html`, contents: notice.fragment },
    ];
  });
  return { diagnostics, outputs };
}

export interface SeedOutput {
  compiled: CompiledNotices;
  /** Raw output, by language and file. */
  raw(lang: Language, file: NoticeFile): string;
  /** The output's reading text: markup removed, entities decoded, whitespace collapsed. */
  text(lang: Language, file: NoticeFile): string;
  /** Every table row of the output, each cell as its reading text. */
  rows(lang: Language, file: NoticeFile): string[][];
}

export function policyPath(id: string): string {
  return path.join(repoRoot, 'policies', id, 'policy.json');
}

/** The pointers of one rule's findings on policies/<id>/policy.json. */
export function rulePointers(id: string, ruleId: string): string[] {
  return analysePolicy(readFileSync(policyPath(id), 'utf8'), `policies/${id}/policy.json`)
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => f.pointer);
}

/** Compiles the policy text (by default the one in policies/<id>/policy.json) in memory. */
export function compileSeed(id: string, text: string = readFileSync(policyPath(id), 'utf8')): SeedOutput {
  const compiled = compileNotices(text, `policies/${id}/policy.json`);
  const raw = (lang: Language, file: NoticeFile): string => {
    const out = compiled.outputs.find((o) => o.path === `${id}/${lang}/${file}`);
    if (!out)
      throw new Error(`no output ${id}/${lang}/${file}: ${compiled.diagnostics.map((d) => d.message).join('; ')}`);
    return String(out.contents);
  };
  return {
    compiled,
    raw,
    text: (lang, file) => readingText(raw(lang, file), file),
    rows: (lang, file) => tableRows(raw(lang, file), file),
  };
}

/**
 * What a reader sees, so one fact can be looked for in Markdown and HTML alike:
 * a fact 'Label: value' matches '- **Label:** value' and '<dt>Label</dt><dd>value</dd>'.
 */
export function readingText(output: string, file: NoticeFile): string {
  const text = file.endsWith('.md') ? markdownText(output) : htmlText(output);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The rows of every table in the output, each cell as a reader sees it: a
 * GFM table line '| **Data** | 7 jaar | — |' and '<tr><th>Data</th><td>7 jaar</td>…'
 * both give ['Data', '7 jaar', '—']. Delimiter rows ('| --- |') are left out.
 */
export function tableRows(output: string, file: NoticeFile): string[][] {
  const collapse = (cell: string): string => cell.replace(/\s+/g, ' ').trim();
  if (file.endsWith('.md')) {
    return (
      output
        .split('\n')
        .filter((line) => line.startsWith('|') && !/^\|(\s*:?-+:?\s*\|)+\s*$/.test(line))
        // Cells split at every '|' that is not escaped ('\\|' is a pipe in the text).
        .map((line) =>
          line
            .trim()
            .slice(1, -1)
            .split(/(?<!\\)\|/)
            .map((cell) => collapse(markdownText(cell))),
        )
    );
  }
  // A blank cell shows '—' and has the word a screen reader says instead ('leeg') hidden from sight: the reader sees '—'.
  const shown = (cell: string): string => cell.replace(/<span class="policyc-visually-hidden">[^<]*<\/span>/g, '');
  return [...output.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...row!.matchAll(/<t([hd])\b[^>]*>([\s\S]*?)<\/t\1>/g)].map(([, , cell]) => collapse(htmlText(shown(cell!)))),
  );
}

function markdownText(md: string): string {
  return md
    .replace(/<!--[\s\S]*?-->/g, '') // comments, such as the one that keeps two lists apart: a reader sees none
    .replace(/^#+\s*/gm, '')
    .replace(/^\s*- /gm, '') // list markers at any depth: a reader sees items, not dashes
    .replace(/^\| --- .*$/gm, '')
    .replace(/\s*\|\s*/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<((?:https?:\/\/|[\w.+-]+@)[^\s<>]*)>/g, '$1') // autolinks: <https://…>, <name@host>
    .replace(/\*\*/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function htmlText(html: string): string {
  return html
    .replace(/<(style|script|head)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/dt>\s*<dd>/g, ': ')
    .replace(/<\/?(strong|em|a|code)\b[^>]*>/g, '')
    .replace(/<span lang="[a-z]{2}">([^<]*)<\/span>/g, '$1') // a name in the other language, inline in its sentence
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+);/g, (whole, name: string) => entities[name] ?? whole);
}

/** The policy JSON with one property (by JSON pointer) replaced, or removed when `value` is undefined. */
export function withChange(id: string, pointer: string, value?: unknown): string {
  const doc = JSON.parse(readFileSync(policyPath(id), 'utf8')) as Record<string, unknown>;
  const keys = pointer
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = keys.pop()!;
  let parent: Record<string, unknown> = doc;
  for (const key of keys) parent = parent[key] as Record<string, unknown>;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return JSON.stringify(doc, null, 2);
}
