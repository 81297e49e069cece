import type { RetentionRule } from '../resolve/model.js';
import type { Messages } from '../i18n/messages.js';
import { isInEea, nonEeaCountries } from '../law/eea.js';
import { careRecipientKey, type NoticeContext } from './notice-context.js';
import { link, text, type Block, type Inline, type Section } from './outline.js';
import { telHref } from './contact-links.js';
import { listsEarliestOf, retentionPhrase, withLegalSourceOnlyAsItsTerm } from './retention-phrase.js';
import { withLawStart } from './notice-retention.js';
import { receiverBlocks } from './summary-receivers.js';
import { givesWayToAsk } from './notice-rights.js';
import { complaintRoutes, offersRouteToUs, type ComplaintRoutes } from './notice-complaints.js';
import { reachableFor } from './reach-us.js';
import { contactFacts, controllerName, countryName, formatAddress, joinList, pick } from './format.js';
import { endsBeforeLegalMinimum } from '../policy/retention-minimum.js';
import { lawStartBeside } from '../law/retention-minimums.js';
import { unlistedPlaces } from '../policy/unlisted-places.js';

/**
 * The first layer ("In het kort" / "In short", EDPB WP260 rev.01 §35–38):
 * about a phone screen, in the order patients ask — who is responsible and
 * how to reach them, what the data is used for and why we may, their rights
 * and how to ask, how long the medical file is kept, who else receives the
 * data, whether it leaves the EEA, and where to complain — each linking into
 * the detail below. The purposes second, as WP260 §38 puts them first in the
 * first layer with the controller and the rights: last, they stood on a
 * phone's second screen (English review 1, finding 1).
 * Only facts the outline states in full further down; a line with nothing
 * true to say is left out.
 */
const MAX_COUNTRIES = 3;

export function summarySection(ctx: NoticeContext, sections: readonly Section[]): Section {
  const { m } = ctx;
  const ids = anchorIds(sections);
  const blocks: Block[] = [
    ...whoBlocks(ctx, ids),
    ...purposeBlocks(ctx, ids),
    ...rightsBlocks(ctx, ids),
    ...whoSeesBlocks(ctx, ids),
    ...retentionBlocks(ctx, ids),
    ...receiverBlocks(ctx, ids),
    ...transferBlocks(ctx, ids),
    ...complaintBlocks(ctx, ids),
  ];
  return { id: 'summary', heading: m.t('layout:summary.heading'), blocks };
}

/** The anchors a summary line may link to: every section's, and every subsection's directly in a section. */
function anchorIds(sections: readonly Section[]): Set<string> {
  const ids = new Set<string>();
  for (const section of sections) {
    ids.add(section.id);
    for (const block of section.blocks) if ('subsection' in block) ids.add(block.subsection.id);
  }
  return ids;
}

/**
 * Who is responsible, with a tappable e-mail address and phone number; where the organisation also
 * processes as a processor (28, 30(2)), that the controller is then another, linked to that part. Where the
 * notice gives no way to reach us at all, the first screen says so and links to what the reader can still do
 * (the rights section's 'op elke manier', 12(2)): silence there left a patient looking for a contact (notice7 F14).
 */
function whoBlocks(ctx: NoticeContext, ids: ReadonlySet<string>): Block[] {
  const { source, model, m } = ctx;
  const reach = reachInlines(ctx, ids);
  const name = controllerName(source.controller, m);
  const gap = reach.length ? ' ' : '';
  // The exception links to the part that explains it, within the sentence (IES's line repeated the part's
  // heading after it: seven lines on a 360 px phone).
  const who: Inline[] = model.processorActivities.length
    ? [
        text(m.t('layout:summary.whoOnBehalf', { name })),
        link(m.t('layout:summary.whoOnBehalfLink'), '#processor-role'),
        text(`${m.t('layout:summary.end')}${gap}`),
      ]
    : [text(m.t('layout:summary.who', { name }) + gap)];
  return [{ paragraph: [...who, ...reach] }];
}

/**
 * 'Vragen?' with the e-mail address and phone number; else our postal address to write to; else, where the notice
 * gives no way at all, that it gives none. Dijklander's summary, with its address known, named no way to reach the
 * hospital (notice8 review, finding 12).
 */
function reachInlines(ctx: NoticeContext, ids: ReadonlySet<string>): Inline[] {
  const { source, m } = ctx;
  const contact =
    source.controller.contact?.email || source.controller.contact?.phone
      ? source.controller.contact
      : source.dpo?.contact;
  const ways: Inline[] = [];
  if (contact?.email) ways.push(link(contact.email, `mailto:${contact.email}`));
  if (contact?.phone) ways.push(link(contact.phone, telHref(contact.phone)));
  if (ways.length)
    return [
      text(m.t('layout:summary.contact')),
      ...ways.flatMap((w, i) => (i ? [text(m.t('layout:summary.or')), w] : [w])),
    ];
  const address = postalAddress(ctx);
  if (address) return [text(m.t('layout:summary.writeTo', { address }))];
  if (givesWayToAsk(ctx)) return [];
  const none = text(m.t('layout:summary.noContact'));
  if (!ids.has('exercising-rights')) return [text(none.text.trimEnd())];
  return [none, link(m.t('layout:summary.noContactLink'), '#exercising-rights'), text(m.t('layout:summary.end'))];
}

/** The address to write to: the controller's contact address (the schema's postal address), else its own; with street and city. */
function postalAddress({ source, m, reachUs }: NoticeContext): string | undefined {
  const contact = source.controller.contact?.address;
  return contact?.street && contact.city ? formatAddress(contact, m) : reachUs.address;
}

/**
 * The rights, and a link to how to use them (the part a patient looks for, at the rights' end) where
 * the notice gives a way to reach us: not to the sentence that the statement gives none. Seeing the file and getting
 * a copy named first, in the words a patient looks for (BW 7:456 at a care provider, else GDPR 15): the
 * line said 'inzage, verbetering of verwijdering', and no summary said 'kopie' or 'dossier'.
 */
function rightsBlocks(ctx: NoticeContext, ids: ReadonlySet<string>): Block[] {
  if (!ids.has('rights')) return [];
  const { source, m, careProvider } = ctx;
  const howTo: Inline[] =
    ids.has('exercising-rights') && givesWayToAsk(ctx)
      ? [text(m.t('layout:summary.howToAskBefore')), link(m.t('layout:summary.howToAsk'), '#exercising-rights')]
      : [];
  return [
    {
      paragraph: [
        text(m.t(careProvider ? careRecipientKey('layout:summary.rightsCare', source) : 'layout:summary.rights')),
        link(m.t('layout:summary.rightsLink'), '#rights'),
        ...howTo,
        text(m.t('layout:summary.end')),
      ],
    },
  ];
}

/**
 * At a care provider, who sees the file, as BW 7:457 has it (law/patient-rights.ts): those who work on the care (lid
 * 2: "rechtstreeks betrokken … voor zover … noodzakelijk"); others only where the patient consents or the law so
 * provides (a law that requires disclosure, and those whose consent the treatment needs). 'Uw behandelaars' was
 * narrower than the law and than several clinics' own texts (administration staff), and the English 'Your care team'
 * said more than the Dutch (patient10 review, F2). 'Wie direct bij je zorg betrokken is, voor zover nodig' took a third
 * line in Dental Clinics' summary (751 px): 'as far as needed' is in the rule the question links to, in full.
 * Patients asked it and found a list of companies, or nothing (patient3 review, F7). 'Wie u behandelt,
 * tenzij u of de wet anders bepaalt' read as 'you may stop your doctor from seeing it' (Dutch review 3, finding 1).
 * Two lines at 360 px: the informal summaries of Dental Clinics and iPractice have 18 px to spare, and 'Anderen
 * alleen met uw toestemming, of als de wet dat eist' took a third (test/browser/summary-screen.test.ts). 'Wie u of de
 * wet toelaat' (permits) said more than the body's 'verplicht' (obliges): 'aanwijst', in the same room (patient4 review,
 * F3).
 */
function whoSeesBlocks({ careProvider, m }: NoticeContext, ids: ReadonlySet<string>): Block[] {
  if (!careProvider || !ids.has('patient-rights')) return [];
  return [
    {
      paragraph: [link(m.t('layout:summary.whoSeesLink'), '#patient-rights'), text(m.t('layout:summary.whoSees'))],
    },
  ];
}

/**
 * How long the medical file (health data) is kept, else a pointer to the periods; never a guess. Not a
 * period that ends before the law's minimum for that data (retention/*-too-short): one line without the
 * rule's note made Cosmetic Clinic's 'no longer than 6 months' the first thing a patient read of a file the
 * law keeps 20 years, where its note adds 'and as long as the law requires'. Nor where the officer acknowledged
 * that finding: the card and the table state the period then, but as the one line on the medical file it would
 * still read as the file's term. Nor the law's term from a start of the rule's own (lawStartBeside), which may
 * end before the law's too: iPractice's line said '20 jaar na het einde van de behandelovereenkomst, op grond van
 * de wet', the start as the law's; with the law's start beside it the summary took 751-778 px of a 740 px phone
 * screen (notice8 review, finding 1). The card and the table say both.
 */
function retentionBlocks({ model, m }: NoticeContext, ids: ReadonlySet<string>): Block[] {
  if (!ids.has('retention')) return [];
  // No rules: the section says so (and the law's term for the file); 'per soort gegevens' would promise a table.
  if (!model.retention.length) return [{ paragraph: [link(m.t('notice:heading.retention'), '#retention')] }];
  const medical = medicalFileRule(model.retention);
  if (!medical || endsBeforeLegalMinimum(model, medical) || lawStartBeside(medical)?.ownStart)
    return [{ paragraph: [link(m.t('layout:summary.keepLink'), '#retention')] }];
  return [
    {
      paragraph: [text(keepSentence(medical, m) + ' '), link(m.t('layout:summary.keepAll'), '#retention')],
    },
  ];
}

/**
 * '<rule>: kept <phrase>.'; 'kept for' where the phrase starts with its period ('20 years …'); a list of terms
 * ('whichever comes first: …', with a colon of its own) after a comma, so that the line has one colon: '<rule>,
 * whose retention period is whichever comes first: …'. Dutch says a period as 'bewaartermijn 20 jaar' and anything
 * else with a verb ('wij bewaren deze gegevens totdat u om verwijdering vraagt'): 'bewaartermijn totdat …' did not
 * read (secondread7 item 7). A law the policy knows is 'de wet' here ('bewaartermijn 20 jaar, op grond van de
 * wet'): its abbreviation alone ('op grond van de WGBO') told a patient nothing, and its full name took two more of
 * a phone's lines (770 px of a 740 px screen for iPractice and Dental Clinics, test/browser/summary-screen.test.ts).
 * The retention table it links to names the law in full, with its article.
 */
function keepSentence(rule: RetentionRule, m: Messages): string {
  const phrase = keepPhrase(rule, m);
  return m.t('layout:summary.keep', {
    rule: pick(rule.name, m),
    phrase,
    context: /^\d/.test(phrase) ? 'period' : listsEarliestOf(rule) ? 'earliest' : undefined,
  });
}

/**
 * The rule's term, its law as 'the law'; where it keeps the law's term and names no start, from the law's start,
 * labelled as the law's, as the card and the table say it ('20 jaar na de laatste wijziging van het dossier (zo rekent
 * de wet)'): Dental Clinics' '20 jaar, op grond van de wet' did not say from when (lawStartBeside, notice8 review,
 * finding 3), and '20 jaar na de laatste wijziging van het dossier, op grond van de wet' gave the law's start as the
 * statement's (patient10 review, F3).
 */
function keepPhrase(rule: RetentionRule, m: Messages): string {
  const law = lawStartBeside(rule);
  if (law && !law.ownStart) return withLawStart(rule, law, m);
  return retentionPhrase(withLawUnnamed(withLegalSourceOnlyAsItsTerm(rule), m), m);
}

/** The rule with a known law cited as 'the law' (layout:summary.theLaw). A citation of a law the policy does not know is kept whole. */
function withLawUnnamed(rule: RetentionRule, m: Messages): RetentionRule {
  if (!rule.legalSource?.law) return rule;
  return { ...rule, legalSource: { citation: { [m.lang]: m.t('layout:summary.theLaw') } } };
}

/**
 * The rule that keeps health data, the longest-standing one first: the medical file. Not a rule
 * under which we keep nothing ('on-device-only'): '<rule>: bewaartermijn …' would be false for it; nor one
 * that keeps only health data the author says is outside the file (partOfMedicalFile: false).
 */
function medicalFileRule(rules: readonly RetentionRule[]): RetentionRule | undefined {
  const health = rules.filter(
    (r) =>
      r.categories.some((c) => c.specials.includes('health') && c.partOfMedicalFile !== false) &&
      r.from !== 'deletion' &&
      r.condition !== 'on-device-only',
  );
  return health.find((r) => r.legalSource?.law === 'wgbo') ?? health[0];
}

/**
 * Whether data leaves the EEA: said where the model knows it does (a party outside it, a storage
 * location outside it), with up to three countries; a pointer where the statement speaks of it in
 * its own words; nothing where it says nothing (never 'no transfers': the statement does not say so).
 * Where a party's own words name a place outside the EEA that its countries do not (ZenDesk's 'VS, EU of Azië'
 * with ['US', 'EU']: policy/unlisted-places.ts), the countries are examples ('naar landen buiten de Europese
 * Economische Ruimte, zoals de Verenigde Staten'): 'naar de Verenigde Staten' under-reported (patient10 review, F5).
 */
function transferBlocks({ source, model, m }: NoticeContext, ids: ReadonlySet<string>): Block[] {
  if (!ids.has('transfers')) return [];
  const storage = (source.transfers?.storageLocations ?? []).filter((c) => !isInEea(c));
  const parties = [...model.processors, ...model.recipients];
  const countries = [...new Set([...storage, ...parties.flatMap((p) => nonEeaCountries(p))])];
  const leaves = countries.length > 0 || parties.some((p) => p.transfer !== undefined);
  if (!leaves) return [{ paragraph: [link(m.t('layout:summary.transfersRead'), '#transfers')] }];
  const named = countries.length && countries.length <= MAX_COUNTRIES;
  const lead = named
    ? m.t('layout:summary.transfersTo', {
        countries: joinList(
          countries.map((c) => countryName(c, m)),
          m,
        ),
        context: model.processors.some((p) => unlistedPlaces(p).length) ? 'suchAs' : undefined,
      })
    : m.t('layout:summary.transfers');
  return [{ paragraph: [text(lead), link(m.t('layout:summary.transfersLink'), '#transfers')] }];
}

/**
 * Where to complain: a route to us first, where the complaints section offers one (its text, its complaints
 * officer, or how to tell us: complaintRoutes) and the reader can take it (reachesUs), then the authority. Not
 * where the section has none or the reader cannot reach us: 'Klaag bij ons' led to a section with no way to reach us (second-read review 2,
 * finding 3).
 */
function complaintBlocks(ctx: NoticeContext, ids: ReadonlySet<string>): Block[] {
  if (!ids.has('complaints')) return [];
  const { model, m } = ctx;
  const authority = m.t(`terms:authority.${model.authority.id}.name`);
  const routes = complaintRoutes(ctx);
  if (!offersRouteToUs(routes) || !reachesUs(routes, ctx))
    return [
      {
        paragraph: [
          text(m.t('layout:summary.complaint', { authority })),
          link(m.t('layout:summary.complaintLink'), '#complaints'),
          text(m.t('layout:summary.end')),
        ],
      },
    ];
  // Both routes in the link, the authority by its short name: 'bij ons, en ook bij de …: zo dient u een klacht in'
  // took four lines of a phone, where the summary has no room to spare (test/browser/summary-screen.test.ts).
  const short = m.t(`terms:authority.${model.authority.id}.shortName`);
  return [
    {
      paragraph: [
        text(m.t('layout:summary.complaintInternal')),
        link(m.t('layout:summary.complaintInternalLink', { authority: short }), '#complaints'),
        text(m.t('layout:summary.end')),
      ],
    },
  ];
}

/**
 * Whether a reader who complains to us can reach us: the complaints officer's contact details, or a way the notice
 * gives to reach us (reach-us.ts; the section's 'tell us' is the first of them). Cosmetic Clinic's own text sends a
 * complaint to its data protection officer, whose details it does not give, and the notice gives none of ours:
 * 'Klaag bij ons' led nowhere (Dutch review 3, finding 9). Or a way to reach us in its own complaint text, judged
 * as the rights section's own words and the complaints section are (reachableFor; second-read review 3, finding 5).
 */
function reachesUs(routes: ComplaintRoutes, { m, reachUs }: NoticeContext): boolean {
  return contactFacts(routes.officer?.contact, m).length > 0 || reachableFor(reachUs, routes.internal);
}

/** What the data is used for: one line — the purpose by name, or the number of purposes — linked to the detail. */
function purposeBlocks({ model, m }: NoticeContext, ids: ReadonlySet<string>): Block[] {
  const [first, ...more] = model.purposes;
  if (!first || !ids.has('purposes')) return [];
  const target = more.length
    ? link(m.t('layout:summary.purposesLink', { count: model.purposes.length }), '#purposes')
    : link(pick(first.name, m), `#purpose-${first.id}`);
  return [{ paragraph: [text(m.t('layout:summary.purposes')), target] }];
}
