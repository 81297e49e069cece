import type { Messages } from '../i18n/messages.js';
import type { PolicySource, Contact } from '../policy/policy-types.js';
import type { LocalisedText } from '../i18n/text-in.js';
import type { PolicyModel } from '../resolve/model.js';
import { contactFacts, pick, sentence } from './format.js';
import type { Block } from './outline.js';
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

/** Contact details as labelled facts, followed by the author's note about them. */
export function contactBlocks(contact: Contact | undefined, m: Messages): Block[] {
  const facts = contactFacts(contact, m);
  const blocks: Block[] = facts.length ? [{ facts }] : [];
  if (contact?.note) blocks.push({ paragraph: sentence(pick(contact.note, m)) });
  return blocks;
}
