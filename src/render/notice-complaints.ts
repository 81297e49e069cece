import type { ComplaintsBody } from '../policy/policy-types.js';
import type { Messages } from '../i18n/messages.js';
import { contactFacts, formatAddress, pick, sentence } from './format.js';
import { contactBlocks, rich, type NoticeContext } from './notice-context.js';
import { link, text, type Block, type Fact } from './outline.js';
import { telHref } from './contact-links.js';
import { formatLawReference } from './retention-phrase.js';

/**
 * Complaints — 13(2)(d), 77, and for a care provider the route the Wkkgz
 * gives: its complaints officer, then the disputes body it is affiliated
 * with. A statement that names no route of its own, where the notice has a
 * way to reach the organisation, first says that one may tell us, and how
 * (patient3 review, F4: 'bij de Autoriteit Persoonsgegevens' alone sent a
 * patient to a regulator that asks people to go to the organisation first) —
 * as an option, never as a step before the authority: art. 77 gives the right
 * to complain to it regardless. The authority is named once: when the
 * organisation's own text already names it, only its contact details follow;
 * 'also' only after the organisation's own route.
 */
export function complaintsBlocks({ source, model, m }: NoticeContext): Block[] {
  const complaints = source.complaints;
  const authority = m.t(`terms:authority.${model.authority.id}.name`);
  const internal = pick(complaints?.internal, m);
  const tellUs = internal || complaints?.officer || complaints?.disputesBody ? [] : tellUsFacts(source, m);
  const key =
    internal && namesAuthority(internal, authority)
      ? 'notice:complaints.authorityDetails'
      : internal || complaints?.officer || complaints?.disputesBody || tellUs.length
        ? 'notice:complaints.authorityAlso'
        : 'notice:complaints.authority';
  const a = model.authority;
  return [
    ...rich(complaints?.internal, m),
    ...bodyBlocks(complaints?.officer, 'notice:complaints.officer', m),
    ...bodyBlocks(complaints?.disputesBody, 'notice:complaints.disputesBody', m),
    ...(tellUs.length ? [{ paragraph: sentence(m.t('notice:complaints.tellUs')) }, { facts: tellUs }] : []),
    { paragraph: sentence(m.t(key, { authority })) },
    {
      facts: [
        { label: m.t('notice:label.website'), inlines: [link(a.website[m.lang], a.website[m.lang])] },
        { label: m.t('notice:label.phone'), inlines: [link(a.phone[m.lang], telHref(a.phone[m.lang]))] },
        { label: m.t('notice:label.postalAddress'), inlines: [text(formatAddress(a.postal[m.lang], m))] },
      ],
    },
  ];
}

/**
 * How a person reaches the organisation with a complaint, where the statement names no complaints route: the
 * contact for the rights (else the controller's), else the DPO's (38(4)), else the controller's address.
 */
export function tellUsFacts(source: NoticeContext['source'], m: Messages): Fact[] {
  const ours = contactFacts(source.rights?.contact ?? source.controller.contact, m);
  if (ours.length) return ours;
  const dpo = contactFacts(source.dpo?.contact, m);
  if (dpo.length) return dpo;
  const address = source.controller.address;
  return address?.street && address.city
    ? [{ label: m.t('notice:label.address'), inlines: [text(formatAddress(address, m))] }]
    : [];
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
