// A minimal static-site generator: compiles a policy with policyc's library
// API and embeds the notice fragment in the site's own layout, one page per
// language, plus the policy as JSON-LD.
//
//   node build.js [--policy ../../policies/ipractice/policy.json] [--out dist]
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compile, formatCompact } from 'policyc';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    policy: { type: 'string', default: path.join(here, '../../policies/ipractice/policy.json') },
    out: { type: 'string', default: path.join(here, 'dist') },
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
  headingLevel: 2,
});
if (diagnostics.length) process.stderr.write(formatCompact(diagnostics));
if (diagnostics.some((d) => d.severity === 'error')) process.exit(1);

const out = path.resolve(values.out);
rmSync(out, { recursive: true, force: true });
const fragments = outputs.filter((o) => o.path.endsWith('/privacy.fragment.html'));
const languages = fragments.map((o) => o.path.split('/')[1]);
for (const fragment of fragments) {
  const lang = fragment.path.split('/')[1];
  const notice = String(fragment.contents);
  const title = /<h2 id="[^"]*top">([^<]*)<\/h2>/.exec(notice)[1]; // already escaped by policyc
  const languageLinks = languages
    .map((l) => (l === lang
      ? `<a href="../../${l}/privacy/index.html" aria-current="page">${escape(site.languages[l].languageName)}</a>`
      : `<a href="../../${l}/privacy/index.html" hreflang="${l}" lang="${l}">${escape(site.languages[l].languageName)}</a>`))
    .join(' ');
  const strings = site.languages[lang];
  const page = fill(layout, {
    lang, title, notice: notice.trimEnd(), languageLinks, pageHeading: escape(strings.pageHeading),
    siteName: escape(site.siteName), languageLabel: escape(strings.languageLabel), footer: escape(strings.footer),
  });
  mkdirSync(path.join(out, lang, 'privacy'), { recursive: true });
  writeFileSync(path.join(out, lang, 'privacy', 'index.html'), page);
}
copyFileSync(path.join(here, 'src/site.css'), path.join(out, 'site.css'));
// policyc's own notice stylesheet: every rule is scoped under .policyc-notice, so it cannot restyle the site.
writeFileSync(path.join(out, 'policyc-notice.css'), outputs.find((o) => o.path === `${id}/${languages[0]}/privacy.fragment.css`).contents);
writeFileSync(path.join(out, 'policy.jsonld'), outputs.find((o) => o.path === `${id}/policy.jsonld`).contents);
writeFileSync(path.join(out, 'index.html'), fill(layout.replace(/\.\.\/\.\.\//g, ''), {
  lang: languages[0], title: escape(site.siteName), siteName: escape(site.siteName), pageHeading: escape(site.siteName), notice:
    `<ul>\n${languages.map((l) => `<li><a href="${l}/privacy/index.html" hreflang="${l}">${escape(site.languages[l].languageName)}</a></li>`).join('\n')}\n</ul>`,
  languageLinks: '', languageLabel: escape(site.languages[languages[0]].languageLabel), footer: escape(site.languages[languages[0]].footer),
}));
process.stdout.write(`built ${languages.length} privacy pages for ${id} into ${path.relative(process.cwd(), out) || '.'}\n`);
