import type { Nodes, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** One activity of register.md as a Markdown reader (remark, GFM) reads it. */
export interface MarkdownActivity {
  /** The heading's text. */
  name: string;
  /** Each fact's label and its values, as read back: one value after the label, or a nested list's items. */
  facts: Array<{ label: string; values: string[] }>;
  /** Everything under the heading (and the heading) as text, a line a paragraph, list item or line break. */
  text: string;
}

/** A record (30(1) or 30(2)): its caption, the columns named once as filled by no activity, its activities. */
export interface MarkdownRecord {
  caption: string;
  unfilled: string[];
  activities: MarkdownActivity[];
  /** The block kinds under the record's heading (a 'table' here is a pipe table). */
  kinds: string[];
}

export interface MarkdownRegister {
  /** The organisation's section as text. */
  organisation: string;
  records: MarkdownRecord[];
}

/** register.md read back with remark-parse and remark-gfm: its sections by their headings (## a record, ### an activity). */
export function readRegisterMarkdown(markdown: string, noneStated: string): MarkdownRegister {
  const root = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const register: MarkdownRegister = { organisation: '', records: [] };
  let inOrganisation = false;
  let record: MarkdownRecord | undefined;
  let activity: MarkdownActivity | undefined;
  // The paragraph before a record's first activity: the lead of the columns no activity fills.
  let lead = '';
  for (const node of root.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      const caption = textOf(node).trim();
      inOrganisation = node.depth === 2 && register.records.length === 0 && !register.organisation;
      record = undefined;
      activity = undefined;
      lead = '';
      if (inOrganisation) register.organisation = `${caption}\n`;
      else if (node.depth === 2) register.records.push((record = { caption, unfilled: [], activities: [], kinds: [] }));
      continue;
    }
    if (inOrganisation) register.organisation += textOf(node);
    if (!record) continue;
    record.kinds.push(node.type);
    if (node.type === 'heading' && node.depth === 3) {
      record.activities.push((activity = { name: textOf(node).trim(), facts: [], text: textOf(node) }));
    } else if (activity) {
      activity.text += textOf(node);
      if (node.type === 'list') activity.facts.push(...factsOf(node));
    } else if (node.type === 'paragraph') {
      lead = textOf(node).trim();
    } else if (node.type === 'list' && lead === noneStated) {
      record.unfilled = node.children.map((item) => textOf(item).trim());
    }
  }
  return register;
}

/** Each item of a list of facts: '**label**: value', or '**label**:' and a nested list of values. */
function factsOf(list: Extract<RootContent, { type: 'list' }>): MarkdownActivity['facts'] {
  const facts: MarkdownActivity['facts'] = [];
  for (const item of list.children) {
    const [paragraph, nested] = item.children;
    if (paragraph?.type !== 'paragraph' || paragraph.children[0]?.type !== 'strong') continue;
    const label = textOf(paragraph.children[0]);
    const rest = paragraph.children.slice(1).map(textOf).join('').replace(/^:\s?/, '');
    const values = nested?.type === 'list' ? nested.children.map((value) => lines(textOf(value))) : [lines(rest)];
    facts.push({ label, values });
  }
  return facts;
}

/** A value's lines as the page gives them: a hard break a line break, the space before it dropped. */
const lines = (text: string): string => text.replace(/ *\n */g, '\n').trim();

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'tableCell']);

/** A node's text as a reader sees it: a line per block and line break. */
export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  const inner = 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';
  return BLOCKS.has(node.type) ? `${inner}\n` : inner;
}
