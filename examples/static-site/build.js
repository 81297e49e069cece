// A minimal static-site generator: compiles a policy with policyc's library
// API and embeds the notice fragment in the site's own layout, one page per
// language, plus the policy as JSON-LD.
//
//   node build.js [--policy ../../policies/ipractice/policy.json] [--out dist] [--heading-level 2]
//
// Every page is made in memory first and written only when all are made: a policy with errors, or a mistake in
// src/, leaves the site's previous output as it was. The output folder is not emptied (it may hold the site's
// other files); only the files listed below are written.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compile, formatCompact } from 'policyc';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    policy: { type: 'string', default: path.join(here, '../../policies/ipractice/policy.json') },
    out: { type: 'string', default: path.join(here, 'dist') },
    'heading-level': { type: 'string', default: '2' },
  },
});

const site = JSON.parse(readFileSync(path.join(here, 'src/site.json'), 'utf8'));
const layout = readFileSync(path.join(here, 'src/layout.html'), 'utf8');
const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// Values are escaped, except `notice` (policyc's fragment, already safe HTML) and `languageLinks` (built here from escaped parts).
const fill = (template, values) => template.replace(/\{\{(\w+)\}\}/g, (_, key) => values[key]);

// The site has its own ids (#top, #contents) and its own <h1>: the notice's ids get the site's prefix,
// and its title heading sits one level below the page's.
const { id, outputs, diagnostics } = await compile(readFileSync(values.policy, 'utf8'), {
  file: path.relative(process.cwd(), values.policy),
  idPrefix: site.noticeIdPrefix,
  headingLevel: Number(values['heading-level']),
});
if (diagnostics.length) process.stderr.write(formatCompact(diagnostics));
if (diagnostics.some((d) => d.severity === 'error')) process.exit(1);

const out = path.resolve(values.out);
/** The site's files by their path in `out`, written only when every one is made. */
const files = new Map();
const fragments = outputs.filter((o) => o.path.endsWith('/privacy.fragment.html'));
const languages = fragments.map((o) => o.path.split('/')[1]);
for (const fragment of fragments) {
  const lang = fragment.path.split('/')[1];
  const notice = String(fragment.contents);
  // The notice's title, at whatever level headingLevel gives it; already escaped by policyc.
  const heading = /<h([1-6]) id="[^"]*top">([^<]*)<\/h\1>/.exec(notice);
  if (!heading) throw new Error(`no title heading in the ${lang} notice`);
  const title = heading[2];
  const languageLinks = languages
    .map((l) => (l === lang
      ? `<a href="../../${l}/privacy/index.html" aria-current="page">${escape(site.languages[l].languageName)}</a>`
      : `<a href="../../${l}/privacy/index.html" hreflang="${l}" lang="${l}">${escape(site.languages[l].languageName)}</a>`))
    .join(' ');
  const strings = site.languages[lang];
  files.set(path.join(lang, 'privacy', 'index.html'), fill(layout, {
    lang, title, notice: notice.trimEnd(), languageLinks, pageHeading: escape(strings.pageHeading),
    siteName: escape(site.siteName), languageLabel: escape(strings.languageLabel), footer: escape(strings.footer),
  }));
}
files.set('site.css', readFileSync(path.join(here, 'src/site.css')));
// policyc's own notice stylesheet: every rule is scoped under .policyc-notice, so it cannot restyle the site.
files.set('policyc-notice.css', outputs.find((o) => o.path === `${id}/${languages[0]}/privacy.fragment.css`).contents);
files.set('policy.jsonld', outputs.find((o) => o.path === `${id}/policy.jsonld`).contents);
files.set('index.html', fill(layout.replace(/\.\.\/\.\.\//g, ''), {
  lang: languages[0], title: escape(site.siteName), siteName: escape(site.siteName), pageHeading: escape(site.siteName), notice:
    `<ul>\n${languages.map((l) => `<li><a href="${l}/privacy/index.html" hreflang="${l}">${escape(site.languages[l].languageName)}</a></li>`).join('\n')}\n</ul>`,
  languageLinks: '', languageLabel: escape(site.languages[languages[0]].languageLabel), footer: escape(site.languages[languages[0]].footer),
}));
for (const [file, contents] of files) {
  mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
  writeFileSync(path.join(out, file), contents);
}
process.stdout.write(`built ${languages.length} privacy pages for ${id} into ${path.relative(process.cwd(), out) || '.'}\n`);
