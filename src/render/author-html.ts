import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { lazyModule } from './lazy-module.js';
import { parseAuthorMarkdown } from './parse-author-markdown.js';
import { PolicyMemo } from '../policy-memo.js';
import { trimSpacesAndTabs } from './text-whitespace.js';

const unifiedModule = lazyModule<typeof import('unified')>('unified');
const remarkRehypeModule = lazyModule<typeof import('remark-rehype')>('remark-rehype');
const rehypeSanitizeModule = lazyModule<typeof import('rehype-sanitize')>('rehype-sanitize');
const rehypeStringifyModule = lazyModule<typeof import('rehype-stringify')>('rehype-stringify');

/**
 * Author Markdown → HTML through unified, sanitised: no script, no event
 * handlers, no raw HTML, no images, only http(s)/mailto/tel links. Validation already
 * refuses unsafe Markdown; this is the second line of defence, so that
 * nothing a policy holds can reach a page as markup.
 */
function createProcessor() {
  const { default: rehypeSanitize, defaultSchema } = rehypeSanitizeModule();
  return unifiedModule()
    .unified()
    .use(remarkRehypeModule().default) // raw HTML in Markdown is dropped, not passed through
    .use(rehypeSanitize, {
      ...defaultSchema,
      // No images: a notice page makes no request beyond its own stylesheet
      // (strict CSP, no tracking pixel from a policy text).
      tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'img'),
      protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'], src: [] },
    })
    .use(rehypeStringifyModule().default)
    .freeze();
}

/** Built on the first text with Markdown syntax: plain texts never load the stack. */
let processor: ReturnType<typeof createProcessor> | undefined;

/**
 * Text with no Markdown syntax at all renders to paragraphs of escaped text;
 * skipping the parser for it is what keeps a build of hundreds of policies
 * fast. test/render-safety.test.ts checks, property-based, that both paths agree.
 */
const MARKDOWN_SYNTAX = /[\\`*_[\]<>&!|~#=\r\t]|^ {0,3}(?:[-+]|\d+[.)])|^ {4}/m;
/** A hard line break (two spaces before a line end); tested apart, as / {2,}\n/ is quadratic on long runs of spaces. */
const HARD_BREAK = '  \n';

export function isPlainText(markdown: string): boolean {
  return !markdown.includes(HARD_BREAK) && !MARKDOWN_SYNTAX.test(markdown);
}

const converted = new PolicyMemo<string>(4096);

export function authorMarkdownToHtml(markdown: string): string {
  const cached = converted.get(markdown);
  if (cached !== undefined) return cached;
  const html = isPlainText(markdown) ? plainToHtml(markdown) : toHtml(markdown);
  converted.set(markdown, html);
  return html;
}

/** mdast (shared with validation) → hast → sanitised HTML. */
function toHtml(markdown: string): string {
  processor ??= createProcessor();
  const hast = processor.runSync(parseAuthorMarkdown(markdown) as MdastRoot) as HastRoot;
  return processor.stringify(hast);
}

function plainToHtml(markdown: string): string {
  return markdown
    .split('\n')
    .map(trimSpacesAndTabs)
    .join('\n')
    .split(/\n{2,}/)
    .map((para) => para.replace(/^\n+|\n+$/g, ''))
    .filter((para) => para.length > 0)
    .map((para) => `<p>${para}</p>`)
    .join('\n');
}
