/**
 * The notice as a small, format-free document: sections of blocks of inline
 * runs. Built once per language (notice-outline.ts), rendered by the
 * Markdown and HTML templates. Plain strings are plain text: each template
 * escapes them for its format. `rich` holds author Markdown.
 */
export interface Inline {
  text: string;
  href?: string;
  strong?: boolean;
  /** A table cell's placeholder ('—': nothing to state): a card hides the line it would be from sight only. */
  blank?: boolean;
  /** What a screen reader says for a placeholder instead of the dash ('leeg'): HTML only. */
  spoken?: string;
  /** A registration number (KvK): shown as written, never made a phone link however its digits run. */
  identifier?: boolean;
}

export interface Fact {
  label: string;
  inlines: Inline[];
  /** A list under the value ('which data': one category per line). */
  items?: Inline[][];
  /**
   * Paragraphs of the value after its list, each with a list of its own where it has one: the WGBO's 'after
   * death' item, who may see the file and then when we refuse (notice8 review, finding 9).
   */
  continued?: FactPart[];
}

/** A paragraph of a fact's value after its first, with the list under it. */
export interface FactPart {
  inlines: Inline[];
  items?: Inline[][];
}

export type Block =
  | { paragraph: Inline[] }
  | { rich: string }
  | { list: Inline[][] }
  | { facts: Fact[] }
  | { table: Table }
  | { subsection: Subsection };

/** A table with a header row; each cell is a run of inlines. */
export interface Table {
  caption: string;
  head: string[];
  rows: Inline[][][];
  /** Stable anchors of the rows, for links to one row (a retention rule from its purpose's card). */
  rowIds?: string[];
  /** The caption is for screen readers only: the heading right above says the same words ('Verwerkers'). */
  captionHidden?: boolean;
}

export interface Subsection {
  id: string;
  heading: string;
  blocks: Block[];
  /** Shown as a card of its own (a purpose): framed, its facts stacked as question and answer. */
  card?: boolean;
}

export interface Section {
  /** Stable anchor, the same in every language (e.g. 'rights'). */
  id: string;
  heading: string;
  blocks: Block[];
}

export interface NoticeOutline {
  lang: string;
  title: string;
  /** Lines under the title: version, date, placeholder warning. */
  preamble: Inline[][];
  /** The author's introduction, under its own heading after the contents (in the page and in Markdown alike). */
  introduction?: { heading: string; text: string };
  /** The first layer ('In short'): before everything else, linking into the sections. */
  summary?: Section;
  contentsHeading: string;
  /** The accessible name of the link back to the contents that ends each section ('Back to the contents'). */
  toContents: string;
  sections: Section[];
}

export const text = (value: string): Inline => ({ text: value });
export const link = (value: string, href: string): Inline => ({ text: value, href });
/**
 * The blocks with facts in a row joined into one list of labels: a DPO's name and contact details were two lists in a
 * row, which read as one and in Markdown are one (CommonMark joins them).
 */
export function joinFacts(blocks: readonly Block[]): Block[] {
  const joined: Block[] = [];
  for (const block of blocks) {
    const last = joined.at(-1);
    if (last && 'facts' in last && 'facts' in block)
      joined[joined.length - 1] = { facts: [...last.facts, ...block.facts] };
    else joined.push(block);
  }
  return joined;
}
export const identifier = (value: string): Inline => ({ text: value, identifier: true });
/**
 * A sentence with the section it names linked ('staat onder ‘Waar u een klacht kunt indienen’'); plain text where
 * the name is not in it (a language that words the pointer otherwise).
 */
export function linkedIn(value: string, phrase: string, href: string): Inline[] {
  const at = phrase ? value.indexOf(phrase) : -1;
  if (at < 0) return [text(value)];
  const after = value.slice(at + phrase.length);
  return [...(at ? [text(value.slice(0, at))] : []), link(phrase, href), ...(after ? [text(after)] : [])];
}
/**
 * A message that holds an inline of its own (a link, a bold name) where `write` puts the slot it is given: the text
 * before and after it as text. For punctuation the locales write ('{{label}}: {{value}}', '{{text}} ({{note}})').
 */
export function inlineIn(write: (slot: string) => string, inline: Inline): Inline[] {
  const [before = '', after = ''] = write(SLOT).split(SLOT);
  return [...(before ? [text(before)] : []), inline, ...(after ? [text(after)] : [])];
}
const SLOT = '\u0000';
export const blank = (value: string, spoken: string): Inline => ({ text: value, blank: true, spoken });
