import type { Messages } from '../i18n/messages.js';
import type { PolicySource, Contact } from '../policy/policy-types.js';
import type { LocalisedText } from '../i18n/text-in.js';
import type { PolicyModel } from '../resolve/model.js';
import { contactFacts, pick, sentence } from './format.js';
import type { Block } from './outline.js';
import { isPlainText } from './author-html.js';
import { parseAuthorMarkdown } from './parse-author-markdown.js';
import type { ReachUs } from './reach-us.js';

/** What every section builder of the notice reads. */
export interface NoticeContext {
  model: PolicyModel;
  source: PolicySource;
  m: Messages;
  /** Derived once (law/care-provider.ts): the WGBO patient rights apply. */
  careProvider: boolean;
  /** How a person reaches us (reach-us.ts), worked out once for the rights, the complaints and the summary. */
  reachUs: ReachUs;
}

/**
 * The locale key of a sentence about the person cared for and their file, in the policy's word for them
 * (metadata.careRecipient): '<key>Client' (cliënt, dossier) for a policy that says 'client', else the
 * key itself (patiënt, medisch dossier).
 */
export function careRecipientKey(key: string, source: PolicySource): string {
  return source.metadata.careRecipient === 'client' ? `${key}Client` : key;
}

/** Author Markdown in the notice's language, as a block, or nothing. */
export function rich(value: LocalisedText | undefined, m: Messages): Block[] {
  const md = pick(value, m);
  return md ? [{ rich: md }] : [];
}

/**
 * Author Markdown, then a list the notice adds after it: under a lead-in (`leadKey`) where the text ends in a list of
 * its own. Two lists in a row read as one, and in Markdown are one, whatever stands between them but a block of
 * another kind (CommonMark): a purpose's description ending in a list ran on into the card's answers, a security
 * text's into its measures. Not an HTML comment between them: a site's renderer shows it as text, or refuses it (MDX).
 */
export function richThenList(value: LocalisedText | undefined, list: Block, leadKey: string, m: Messages): Block[] {
  const own = rich(value, m);
  const md = pick(value, m);
  return md && endsInList(md) ? [...own, { paragraph: sentence(m.t(leadKey)) }, list] : [...own, list];
}

/** Whether author Markdown's last block is a list; text without Markdown syntax holds none, and is not parsed. */
export function endsInList(markdown: string): boolean {
  return !isPlainText(markdown) && parseAuthorMarkdown(markdown).children.at(-1)?.type === 'list';
}

/** Contact details as labelled facts, followed by the author's note about them. */
export function contactBlocks(contact: Contact | undefined, m: Messages): Block[] {
  const facts = contactFacts(contact, m);
  const blocks: Block[] = facts.length ? [{ facts }] : [];
  if (contact?.note) blocks.push({ paragraph: sentence(pick(contact.note, m)) });
  return blocks;
}
