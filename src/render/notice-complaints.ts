import type { ComplaintsBody } from '../policy/policy-types.js';
import type { Messages } from '../i18n/messages.js';
import { formatAddress, pick, sentence } from './format.js';
import { contactBlocks, rich, type NoticeContext } from './notice-context.js';
import { link, text, type Block } from './outline.js';
import { formatLawReference } from './retention-phrase.js';

/**
 * Complaints — 13(2)(d), 77, and for a care provider the route the Wkkgz
 * gives: its complaints officer, then the disputes body it is affiliated
 * with. The authority is named once: when the organisation's own text
 * already names it, only its contact details follow; 'also' only after the
 * organisation's own complaints route.
 */
export function complaintsBlocks({ source, model, m }: NoticeContext): Block[] {
  const complaints = source.complaints;
  const authority = m.t(`terms:authority.${model.authority.id}.name`);
  const internal = pick(complaints?.internal, m);
  const key =
    internal && namesAuthority(internal, authority)
      ? 'notice:complaints.authorityDetails'
      : internal || complaints?.officer || complaints?.disputesBody
        ? 'notice:complaints.authorityAlso'
        : 'notice:complaints.authority';
  const a = model.authority;
  return [
    ...rich(complaints?.internal, m),
    ...bodyBlocks(complaints?.officer, 'notice:complaints.officer', m),
    ...bodyBlocks(complaints?.disputesBody, 'notice:complaints.disputesBody', m),
    { paragraph: sentence(m.t(key, { authority })) },
    {
      facts: [
        { label: m.t('notice:label.website'), inlines: [link(a.website[m.lang], a.website[m.lang])] },
        { label: m.t('notice:label.postalAddress'), inlines: [text(formatAddress(a.postal[m.lang], m))] },
      ],
    },
  ];
}

/** The complaints officer or the disputes body: the sentence naming it, then how to reach it. */
function bodyBlocks(body: ComplaintsBody | undefined, key: string, m: Messages): Block[] {
  if (!body) return [];
  const law = formatLawReference({ law: 'wkkgz' }, m);
  return [{ paragraph: sentence(m.t(key, { name: body.name, law })) }, ...contactBlocks(body.contact, m)];
}

/**
 * Whether the text names the authority: by its whole name, or by either part of a name that
 * gives another in brackets ('Dutch Data Protection Authority (Autoriteit Persoonsgegevens)').
 */
function namesAuthority(text: string, authority: string): boolean {
  const parts = /^(.+) \((.+)\)$/.exec(authority)?.slice(1) ?? [authority];
  const folded = text.toLowerCase();
  return parts.some((name) => folded.includes(name.toLowerCase()));
}
