import type { ComplaintsBody } from '../policy/policy-types.js';
import type { Messages } from '../i18n/messages.js';
import { formatAddress, pick, sentence, withNote } from './format.js';
import { contactBlocks, rich, type NoticeContext } from './notice-context.js';
import { inlineIn, link, linkedIn, text, type Block, type Fact, type Inline } from './outline.js';
import { telHref } from './contact-links.js';
import { formatLawReference } from './retention-phrase.js';
import { committeeNotRoute } from '../policy/policy-facts.js';
import { firstWay, reachableFor } from './reach-us.js';

/**
 * Complaints — 13(2)(d), 77, and for a care provider the route the Wkkgz
 * gives: its complaints officer, then the disputes body it is affiliated
 * with. A statement that names no route of its own (a disputes body is none),
 * where the notice has a way to reach the organisation, first says that one
 * may tell us, and how
 * (patient3 review, F4: 'bij de Autoriteit Persoonsgegevens' alone sent a
 * patient to a regulator that asks people to go to the organisation first) —
 * as an option, never as a step before the authority: art. 77 gives the right
 * to complain to it regardless. The authority is named once: when the
 * organisation's own text or the dead-end note already names it, only its contact details follow;
 * 'also' only after the organisation's own route.
 */
export function complaintsBlocks(ctx: NoticeContext): Block[] {
  const { source, model, m, careProvider } = ctx;
  const authority = m.t(`terms:authority.${model.authority.id}.name`);
  const { internal, officer, disputesBody, tellUs } = complaintRoutes(ctx);
  const deadEnd = deadEndBlocks(ctx, internal, authority);
  const key =
    (internal && namesAuthority(internal, authority)) || deadEnd.length
      ? 'notice:complaints.authorityDetails'
      : internal || officer || disputesBody || tellUs.length
        ? 'notice:complaints.authorityAlso'
        : 'notice:complaints.authority';
  const a = model.authority;
  const phone = a.phone[m.lang];
  return [
    ...rich(source.complaints?.internal, m),
    ...deadEnd,
    // The Wkkgz and 'our care' only where the organisation gives care: any policy may name these two.
    ...bodyBlocks(
      officer,
      `notice:complaints.officer${committeeKey(officer, 'officer')}${careProvider ? '' : 'NotCare'}`,
      m,
    ),
    ...(tellUs.length ? [{ paragraph: sentence(m.t('notice:complaints.tellUs')) }, { facts: tellUs }] : []),
    ...bodyBlocks(disputesBody, disputesBodyKey(disputesBody, careProvider), m),
    { paragraph: sentence(m.t(key, { authority })) },
    {
      facts: [
        { label: m.t('notice:label.website'), inlines: authorityWebsite(a.website[m.lang], ctx) },
        { label: m.t('notice:label.postalAddress'), inlines: [text(formatAddress(a.postal[m.lang], m))] },
      ],
    },
    // The telephone number is for questions before a complaint, not a way to lodge one: the AP takes complaints in
    // writing, by its form or by letter (law/authorities.ts). Listed beside the website and address, it read as a
    // third way to complain (verify2 review, item 6).
    // By its short name: the full name with its Dutch gloss stood three times in five lines (English review 2, finding 8).
    {
      paragraph: linkedIn(
        m.t('notice:complaints.authorityPhone', { authority: m.t(`terms:authority.${a.id}.shortName`), phone }),
        phone,
        telHref(phone),
      ),
    },
  ];
}

/**
 * After the organisation's own complaints text, where neither it nor the rest of the notice gives a way to reach
 * the organisation (reach-us.ts: reachableFor, its own words included) and no
 * complaints officer is named: that the notice gives no contact details for it, and that the authority may be
 * asked straight away (art. 77: 'onverminderd' any other remedy). Cosmetic Clinic's text sends a complaint first
 * to its data protection officer, whose details it does not give, 'komt u er … niet uit' then to the authority:
 * a dead end before a right that has no such step (patient4 review, F5).
 */
function deadEndBlocks({ source, reachUs, m }: NoticeContext, internal: string, authority: string): Block[] {
  if (!internal || source.complaints?.officer || reachableFor(reachUs, internal)) return [];
  return [{ paragraph: sentence(m.t('notice:complaints.internalUnreachable', { authority })) }];
}

/**
 * The authority's complaint page, by what it is for ('Een klacht indienen bij de Autoriteit Persoonsgegevens'), then
 * its site's name as text: 'autoriteitpersoonsgegevens.nl/…' could not be read aloud, nor typed from a printout, whose
 * stylesheet shows no addresses (patient4 review, F7).
 */
function authorityWebsite(url: string, { model, m }: NoticeContext): Inline[] {
  const authority = m.t(`terms:authority.${model.authority.id}.shortName`);
  const host = new URL(url).host;
  return inlineIn((name) => withNote(name, host, m), link(m.t('notice:complaints.websiteLink', { authority }), url));
}

/** The routes the complaints section shows before the authority. */
export interface ComplaintRoutes {
  /** The organisation's own text about complaints, in the notice's language; '' without one. */
  internal: string;
  officer: ComplaintsBody | undefined;
  disputesBody: ComplaintsBody | undefined;
  /**
   * How to tell us, where the statement names no route of its own (its own text or a complaints officer): the first
   * way to reach us (reach-us.ts: the rights contact's details, else the controller's, else the DPO's (38(4)), else
   * our address), as the rights section gives it. Also beside a disputes body: it is outside us, and its 'if we
   * cannot resolve it together' left the reader no way to reach us (a policy naming only a geschilleninstantie).
   */
  tellUs: Fact[];
}

/** What the complaints section offers before the authority; the summary's complaint line reads it too. */
export function complaintRoutes({ source, m, reachUs }: NoticeContext): ComplaintRoutes {
  const internal = pick(source.complaints?.internal, m);
  const { officer, disputesBody } = source.complaints ?? {};
  const tellUs = internal || officer ? [] : firstWay(reachUs, m);
  return { internal, officer, disputesBody, tellUs };
}

/**
 * Whether the section offers a route to us: our own text, our complaints officer, or how to tell us. Not a
 * disputes body alone, without a way to reach us: it is outside us.
 */
export const offersRouteToUs = (routes: ComplaintRoutes): boolean =>
  !!routes.internal || !!routes.officer || routes.tellUs.length > 0;

/**
 * 'Committee' where the officer or disputes body given is a complaints committee (committeeNotRoute): its sentence
 * names it without calling it our klachtenfunctionaris or the disputes body the Wkkgz asks for, which it is not.
 */
const committeeKey = (body: ComplaintsBody | undefined, route: 'officer' | 'disputesBody'): string =>
  committeeNotRoute(body?.name, route) ? 'Committee' : '';

/** The disputes body's sentence: naming the Wkkgz only at a care provider, and neither it nor the role for a committee. */
function disputesBodyKey(body: ComplaintsBody | undefined, careProvider: boolean): string {
  const committee = committeeKey(body, 'disputesBody');
  return `notice:complaints.disputesBody${committee || (careProvider ? '' : 'NotCare')}`;
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
