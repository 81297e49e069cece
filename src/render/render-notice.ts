import GithubSlugger from 'github-slugger';
import type { Messages } from '../i18n/messages.js';
import type { PolicyModel } from '../resolve/model.js';
import { noticeOutline } from './notice-outline.js';
import { policyJsonLd, scriptSafeJson } from './policy-jsonld.js';
import { noticeTemplates } from './templates.js';
import { trimLineEnds } from './text-whitespace.js';

export interface RenderedNotice {
  markdown: string;
  html: string;
  fragment: string;
}

/** Collapses the blank lines template whitespace leaves behind, and ends with one newline. */
function tidy(output: string): string {
  return trimLineEnds(output).replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').trimEnd() + '\n';
}

/** The notice in one language, as Markdown, a standalone HTML page and an embeddable fragment. */
export function renderNotice(model: PolicyModel, messages: Messages): RenderedNotice {
  const outline = noticeOutline(model, messages);
  const templates = noticeTemplates();
  // Markdown renderers anchor headings by GitHub's slug of their text.
  const slugger = new GithubSlugger();
  slugger.slug(outline.title);
  slugger.slug(outline.contentsHeading);
  // Slug every heading in document order, so that duplicates get the same suffix GitHub gives them.
  const sections = outline.sections.map((section) => {
    const slug = slugger.slug(section.heading);
    for (const block of section.blocks) if ('subsection' in block) slugger.slug(block.subsection.heading);
    return { ...section, slug };
  });
  const markdown = tidy(templates.markdown({ ...outline, sections }));
  const fragment = tidy(templates.fragment(outline));
  // The page carries the policy as JSON-LD (DPV), escaped so it cannot end its script element.
  const jsonLd = scriptSafeJson(JSON.stringify(policyJsonLd(model)));
  const html = tidy(templates.page({ lang: outline.lang, title: outline.title, fragment, jsonLd }));
  return { markdown, html, fragment };
}
