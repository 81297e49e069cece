import type { RetentionRule } from '../resolve/model.js';
import type { Messages } from '../i18n/messages.js';
import { controllerName, joinList, nameOf, pick } from './format.js';
import type { NoticeContext } from './notice-context.js';
import { link, text, type Block, type Inline, type Section } from './outline.js';
import { telHref } from './contact-links.js';
import { retentionPhrase } from './retention-phrase.js';

/**
 * The first layer ("In het kort" / "In short", EDPB WP260 rev.01 §35–38):
 * before anything else, in a phone screen or so — who is responsible and how
 * to reach them, what the data is used for, how long the most important data
 * is kept, who else receives it, the rights and the complaint — each linking
 * into the detail below. Only facts the outline states in full further down;
 * a line with nothing true to say is left out.
 */
const MAX_PURPOSES = 6;
const MAX_PARTIES = 4;

export function summarySection(ctx: NoticeContext, sectionIds: ReadonlySet<string>): Section {
  const { m } = ctx;
  const blocks: Block[] = [
    ...whoBlocks(ctx),
    ...purposeBlocks(ctx, sectionIds),
    ...retentionBlocks(ctx, sectionIds),
    ...receiverBlocks(ctx, sectionIds),
    ...rightsBlocks(ctx, sectionIds),
  ];
  return { id: 'summary', heading: m.t('layout:summary.heading'), blocks };
}

/**
 * Who is responsible, with a tappable e-mail address and phone number; where the organisation also
 * processes as a processor (28, 30(2)), that the controller is then another, linked to that part.
 */
function whoBlocks({ source, model, m }: NoticeContext): Block[] {
  const contact =
    source.controller.contact?.email || source.controller.contact?.phone
      ? source.controller.contact
      : source.dpo?.contact;
  const ways: Inline[] = [];
  if (contact?.email) ways.push(link(contact.email, `mailto:${contact.email}`));
  if (contact?.phone) ways.push(link(contact.phone, telHref(contact.phone)));
  const reach: Inline[] = ways.length
    ? [text(m.t('layout:summary.contact')), ...ways.flatMap((w, i) => (i ? [text(m.t('layout:summary.or')), w] : [w]))]
    : [];
  const name = controllerName(source.controller, m);
  const gap = reach.length ? ' ' : '';
  const who: Inline[] = model.processorActivities.length
    ? [
        text(`${m.t('layout:summary.whoOnBehalf', { name })} `),
        link(m.t('details:processorRole.heading'), '#processor-role'),
        text(`.${gap}`),
      ]
    : [text(m.t('layout:summary.who', { name }) + gap)];
  return [{ paragraph: [...who, ...reach] }];
}

/** One line per purpose, linked to its part of the notice; a long list ends in a link to the rest. */
function purposeBlocks({ model, m }: NoticeContext, ids: ReadonlySet<string>): Block[] {
  if (!model.purposes.length || !ids.has('purposes')) return [];
  const shown = model.purposes.length > MAX_PURPOSES + 1 ? model.purposes.slice(0, MAX_PURPOSES) : model.purposes;
  const items: Inline[][] = shown.map((p) => [link(pick(p.name, m), `#purpose-${p.id}`)]);
  const rest = model.purposes.length - shown.length;
  if (rest > 0) items.push([link(m.t('layout:summary.morePurposes', { count: rest }), '#purposes')]);
  return [{ paragraph: [text(m.t('layout:summary.purposes'))] }, { list: items }];
}

/** How long the medical file (health data) is kept, else a pointer to the periods; never a guess. */
function retentionBlocks({ model, m }: NoticeContext, ids: ReadonlySet<string>): Block[] {
  if (!ids.has('retention')) return [];
  const medical = medicalFileRule(model.retention);
  if (!medical) return [{ paragraph: [link(m.t('layout:summary.keepLink'), '#retention')] }];
  return [
    {
      paragraph: [text(keepSentence(medical, m) + ' '), link(m.t('layout:summary.keepAll'), '#retention')],
    },
  ];
}

/** '<rule>: kept <phrase>.'; 'kept for' where the phrase starts with its period ('20 years …'). */
function keepSentence(rule: RetentionRule, m: Messages): string {
  const phrase = retentionPhrase(rule, m);
  return m.t('layout:summary.keep', {
    rule: pick(rule.name, m),
    phrase,
    context: /^\d/.test(phrase) ? 'period' : undefined,
  });
}

/**
 * The rule that keeps health data, the longest-standing one first: the medical file. Not a rule
 * under which we keep nothing ('on-device-only'): '<rule>: bewaard …' would be false for it.
 */
function medicalFileRule(rules: readonly RetentionRule[]): RetentionRule | undefined {
  const health = rules.filter(
    (r) =>
      r.categories.some((c) => c.special === 'health') && r.from !== 'deletion' && r.condition !== 'on-device-only',
  );
  return health.find((r) => r.legalSource?.law === 'wgbo') ?? health[0];
}

/** Who receives data, each name once: a party with two processor rows (Salesforce) is one receiver, not two. */
function receiverBlocks({ model, m }: NoticeContext, ids: ReadonlySet<string>): Block[] {
  const names = [
    ...new Set([...model.recipients.map((r) => pick(r.name, m)), ...model.processors.map((p) => nameOf(p.name, m))]),
  ];
  if (!names.length || !ids.has('recipients')) return [];
  const shown = names.length > MAX_PARTIES + 1 ? names.slice(0, MAX_PARTIES) : names;
  const rest = names.length - shown.length;
  const list = [...shown, ...(rest > 0 ? [m.t('layout:summary.moreReceivers', { count: rest })] : [])];
  return [{ paragraph: [text(m.t('layout:summary.receivers')), link(joinList(list, m), '#recipients')] }];
}

function rightsBlocks({ model, m }: NoticeContext, ids: ReadonlySet<string>): Block[] {
  const blocks: Block[] = [];
  if (ids.has('rights'))
    blocks.push({ paragraph: [text(m.t('layout:summary.rights')), link(m.t('layout:summary.rightsLink'), '#rights')] });
  if (ids.has('complaints')) {
    const authority = m.t(`terms:authority.${model.authority.id}.name`);
    blocks.push({
      paragraph: [
        text(m.t('layout:summary.complaint', { authority })),
        link(m.t('layout:summary.complaintLink'), '#complaints'),
      ],
    });
  }
  return blocks;
}
