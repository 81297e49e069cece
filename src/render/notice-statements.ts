import type { Messages } from '../i18n/messages.js';
import type { PolicySource } from '../policy/policy-types.js';
import { noDpoReason } from '../policy/policy-facts.js';
import type { OtherController, PolicyModel, Purpose } from '../resolve/model.js';
import { contactFacts, controllerName, formatAddress, joinList, pick, sentence } from './format.js';
import { notStatedLine } from './legal-text.js';
import { identifier, joinFacts, text, type Block, type Fact } from './outline.js';

/**
 * Notice blocks for what real statements say beyond one controller and a
 * named art. 6 point: other and joint controllers (art. 26), a basis stated
 * in words, the law behind a public task (6(3)), rights that do not apply
 * (art. 11(2)) and going to court (art. 79). Sentences in
 * locales/<lang>/statements.json.
 */

/** Who decides about this purpose when it is not (only) the policy's controller. */
export function purposeControllerFacts(p: Purpose, m: Messages): Fact[] {
  const facts: Fact[] = [];
  if (p.controller) facts.push({ label: m.t('statements:label.controller'), inlines: [text(p.controller.name)] });
  if (p.jointControllers.length) {
    facts.push({
      label: m.t('statements:label.jointControllers'),
      inlines: [
        text(
          joinList(
            p.jointControllers.map((c) => c.name),
            m,
          ),
        ),
      ],
    });
  }
  return facts;
}

/** The controller section's part about a public authority, other controllers and the joint arrangement. */
export function otherControllerBlocks(model: PolicyModel, m: Messages): Block[] {
  const t = m.t;
  const { source } = model;
  const blocks: Block[] = [];
  if (source.controller.publicAuthority)
    blocks.push({
      paragraph: sentence(t('statements:controller.publicAuthority', { name: controllerName(source.controller, m) })),
    });
  if (model.controllers.length === 0) return blocks;
  const joint = model.purposes.some((p) => p.jointControllers.length > 0);
  const own = model.purposes.some((p) => p.controller !== undefined);
  const introKey = joint && own ? 'othersBoth' : joint ? 'othersJoint' : 'others';
  // One subsection introduces the others (with the joint arrangement), then one per controller.
  const intro: Block[] = [{ paragraph: sentence(t(`statements:controller.${introKey}`)) }];
  intro.push({ list: model.controllers.map((c) => [text(c.name)]) });
  const arrangement = pick(source.jointArrangement, m);
  if (arrangement) intro.push({ paragraph: sentence(t('statements:controller.arrangement')) }, { rich: arrangement });
  blocks.push({ subsection: { id: 'other-controllers', heading: t('statements:controller.heading'), blocks: intro } });
  for (const c of model.controllers)
    blocks.push({ subsection: { id: `controller-${c.id}`, heading: c.name, blocks: controllerBlocks(c, model, m) } });
  return blocks;
}

function controllerBlocks(c: OtherController, model: PolicyModel, m: Messages): Block[] {
  const t = m.t;
  const blocks: Block[] = [];
  if (c.role) blocks.push({ paragraph: sentence(pick(c.role, m)) });
  const jointFor = model.purposes.filter((p) => p.jointControllers.includes(c)).map((p) => pick(p.name, m));
  const ownFor = model.purposes.filter((p) => p.controller === c).map((p) => pick(p.name, m));
  if (jointFor.length)
    blocks.push({ paragraph: sentence(t('statements:controller.jointFor', { purposes: joinList(jointFor, m) })) });
  if (ownFor.length)
    blocks.push({ paragraph: sentence(t('statements:controller.controllerFor', { purposes: joinList(ownFor, m) })) });
  if (c.publicAuthority)
    blocks.push({ paragraph: sentence(t('statements:controller.publicAuthority', { name: c.name })) });
  const facts: Fact[] = [];
  if (c.address) facts.push({ label: t('notice:label.address'), inlines: [text(formatAddress(c.address, m))] });
  if (c.kvkNumber) facts.push({ label: t('notice:label.kvk'), inlines: [identifier(c.kvkNumber)] });
  facts.push(...contactFacts(c.contact, m));
  if (facts.length) blocks.push({ facts });
  if (c.contact?.note) blocks.push({ paragraph: sentence(pick(c.contact.note, m)) });
  const noDpo = noDpoReason(c.dpo);
  if (noDpo)
    blocks.push({
      facts: [
        {
          label: t('statements:label.dpo'),
          inlines: [text(t('statements:controller.dpoNotAppointed', { reason: pick(noDpo, m) }))],
        },
      ],
    });
  if (c.dpo && !noDpo) {
    // Unnamed: a gap in the statement ('Niet vermeld in deze verklaring.'), as an unstated basis reads.
    const dpoFacts: Fact[] = [{ label: t('statements:label.dpo'), inlines: [text(c.dpo.name ?? notStatedLine(m))] }];
    dpoFacts.push(
      ...contactFacts(c.dpo.contact, m).map((f) => ({
        ...f,
        label: t('statements:label.dpoContact', { label: f.label }),
      })),
    );
    blocks.push({ facts: dpoFacts });
    if (c.dpo.contact?.note) blocks.push({ paragraph: sentence(pick(c.dpo.contact.note, m)) });
  }
  return joinFacts(blocks);
}

/** The right to go to court (art. 79) and the rights that do not apply (art. 11(2)), as subsections of the rights section. */
export function rightsStatementBlocks(source: PolicySource, m: Messages): Block[] {
  const t = m.t;
  const blocks: Block[] = [];
  const remedy = pick(source.rights?.judicialRemedy, m);
  if (remedy) {
    blocks.push({
      subsection: {
        id: 'right-judicial-remedy',
        heading: t('statements:rights.judicialRemedy.name'),
        blocks: [{ paragraph: sentence(t('statements:rights.judicialRemedy.description')) }, { rich: remedy }],
      },
    });
  }
  const notApplicable = source.rights?.notApplicable ?? [];
  if (notApplicable.length) {
    const items = notApplicable.map((entry) => [
      text(
        t('statements:rights.notApplicable.item', {
          right: t(`terms:right.${entry.right}.name`),
          reason: pick(entry.reason, m),
          article: entry.article ?? t('statements:rights.notApplicable.article'),
        }),
      ),
    ]);
    blocks.push({
      subsection: {
        id: 'rights-not-applicable',
        heading: t('statements:rights.notApplicable.heading'),
        blocks: [{ paragraph: sentence(t('statements:rights.notApplicable.intro')) }, { list: items }],
      },
    });
  }
  return blocks;
}
