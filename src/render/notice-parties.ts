import type { Messages } from '../i18n/messages.js';
import { nonEeaCountries, partyCountries, partyLeavesEea } from '../law/eea.js';
import type { Processor, Recipient } from '../resolve/model.js';
import type { Entity, TransferSource } from '../policy/policy-types.js';
import { cellText, countryName, joinClauses, joinList, nameOf, pick } from './format.js';
import { blank, link, text, type Inline, type Table } from './outline.js';

/** 'Doctolib SAS (France)', 'the United States', 'AWS'. */
export function formatEntity(entity: Entity, m: Messages): string {
  const country = entity.country && countryName(entity.country, m);
  if (entity.name && country) return m.t('details:entity.withCountry', { name: entity.name, country });
  return entity.name ?? country ?? '';
}

/**
 * 'moedermaatschappij: Amazon.com, Inc. (de Verenigde Staten)'; an entity the statement gives by its
 * country alone is 'moedermaatschappij in de Verenigde Staten' ('moedermaatschappij: de Verenigde
 * Staten' named the country as the company).
 */
function relatedEntity(key: 'parentCompany' | 'contractingEntity', entity: Entity, m: Messages): string {
  return !entity.name && entity.country
    ? m.t(`details:entity.${key}In`, { country: countryName(entity.country, m) })
    : m.t(`details:entity.${key}`, { entity: formatEntity(entity, m) });
}

/** Where a processor comes from: its country of origin, parent company and contracting entity. */
export function processorOrigin(p: Processor, m: Messages): string | undefined {
  const parts: string[] = [];
  if (p.country) parts.push(countryName(p.country, m, true));
  if (p.parentCompany) parts.push(relatedEntity('parentCompany', p.parentCompany, m));
  if (p.contractingEntity) parts.push(relatedEntity('contractingEntity', p.contractingEntity, m));
  return parts.length ? joinClauses(parts, m) : undefined;
}

/** Where a processor stores the data: the statement's own words when given ('VS, EU of Azië'), else the countries. */
export function serverLocationsOf(p: Processor, m: Messages): string | undefined {
  return (
    pick(p.serverLocationsText, m) ||
    (p.serverLocations?.length
      ? joinList(
          p.serverLocations.map((c) => countryName(c, m, true)),
          m,
        )
      : undefined)
  );
}

/**
 * A cell the statement leaves empty (where a party is established, where it stores, what kind of service):
 * a blank ('—', which a card leaves out), not 'niet vermeld' — nothing obliges the statement to say it per
 * party, and a reader takes 'not stated' as an admission. Except where the law asks it (`asked`): see
 * thirdCountryUnstated. `inline`: `cellText` for the notice's own words, `text` for the author's.
 */
const optional = (value: string | undefined, m: Messages, asked = false, inline = cellText): Inline[] =>
  value
    ? [inline(value)]
    : asked
      ? [notStatedCell(m)]
      : [blank(m.t('notice:notApplicable'), m.t('notice:blankSpoken'))];

/**
 * 'Niet vermeld in deze verklaring': a gap in the statement, as the purposes' cards say an unstated basis —
 * bare 'niet vermeld' could be read as the party's own answer. On a phone the cell is a card's line of its own.
 */
const notStatedCell = (m: Messages): Inline => cellText(m.t('notice:notStatedHere'));

/**
 * A party that takes data outside the EEA (it names a transfer ground) while none of the places it names
 * is outside it: the third country, which art. 13(1)(f) asks, is not stated, and its empty location cells
 * (established in, stored in) say so. Where a place outside the EEA is named, the transfer and its
 * country are stated, and the other location cell is as optional as for any party.
 */
const thirdCountryUnstated = (party: Processor | Recipient): boolean =>
  partyLeavesEea(party) && !nonEeaCountries(party).length;

/**
 * The transfer column, only when a party in the table takes data outside the
 * EEA. For such a party: its own safeguard; else, where the statement gives
 * its safeguards for all transfers (transfers.mechanisms), a link to them
 * below; else 'not stated', which art. 13(1)(f) asks about and the notice
 * must not hide. For the others, 'not needed (within the EEA)' where every
 * place the party names is inside it, else a blank.
 */
/**
 * The transfer column's heading: 'Waarborg voor doorgifte', or 'Waarborg of afwijking voor doorgifte' where a cell
 * names an art. 49 derogation or points to general grounds that hold one. A derogation is no safeguard: art. 49 applies
 * only where there is neither an adequacy decision nor an art. 46 safeguard (patient10 review, F4).
 */
function transferHeading(
  parties: ReadonlyArray<Processor | Recipient>,
  general: readonly TransferSource[],
  m: Messages,
): string {
  const derogation = parties.some(
    (p) => partyLeavesEea(p) && (p.transfer ? isDerogation(p.transfer) : general.some(isDerogation)),
  );
  return m.t('notice:label.transfer', { context: derogation ? 'derogation' : undefined });
}

/** Whether the ground is an art. 49 derogation, which is no safeguard. */
export const isDerogation = (transfer: TransferSource): boolean => transfer.mechanism === 'derogation';

function transferColumn(
  parties: ReadonlyArray<Processor | Recipient>,
  general: boolean,
  m: Messages,
): ((party: Processor | Recipient) => Inline[]) | undefined {
  if (!parties.some(partyLeavesEea)) return undefined;
  return (party) =>
    partyLeavesEea(party)
      ? party.transfer
        ? [cellText(m.t(`terms:transferMechanism.${party.transfer.mechanism}`))]
        : general
          ? [link(m.t('notice:transferSeeBelow'), '#transfers')]
          : [notStatedCell(m)]
      : partyCountries(party).length
        ? [cellText(m.t('notice:transferNotNeeded'))]
        : [blank(m.t('notice:notApplicable'), m.t('notice:blankSpoken'))];
}

/** ', on our website: google-analytics.com' after a party's name, when the policy gives its domains. */
function domainsOf(party: { domains?: string[] }, m: Messages): Inline[] {
  return party.domains ? [text(m.t('notice:recipients.domains', { domains: joinList(party.domains, m) }))] : [];
}

/** The parties' tables; `general`: the grounds the statement names for all its transfers (transfers.mechanisms). */
export function processorTable(
  processors: readonly Processor[],
  general: readonly TransferSource[],
  m: Messages,
): Table {
  const t = m.t;
  const withCategory = processors.some((p) => p.serviceCategory);
  const transfer = transferColumn(processors, general.length > 0, m);
  return {
    caption: t('notice:recipients.processors'),
    head: [
      t('notice:label.name'),
      ...(withCategory ? [t('details:processorAnnex.category')] : []),
      t('notice:label.service'),
      t('notice:label.establishedIn'),
      t('notice:label.serverLocation'),
      ...(transfer ? [transferHeading(processors, general, m)] : []),
    ],
    // A loop, not a callback made on every call: a warm process keeps a module-level function's optimised code.
    rows: processorRows(processors, withCategory, transfer, m),
  };
}

function processorRows(
  processors: readonly Processor[],
  withCategory: boolean,
  transfer: ((party: Processor | Recipient) => Inline[]) | undefined,
  m: Messages,
): Inline[][][] {
  const rows: Inline[][][] = [];
  for (const p of processors)
    rows.push([
      [{ text: nameOf(p.name, m), strong: true }, ...domainsOf(p, m)],
      ...(withCategory ? [optional(pick(p.serviceCategory, m) || undefined, m, false, text)] : []),
      [text(pick(p.service, m))],
      optional(processorOrigin(p, m), m, thirdCountryUnstated(p)),
      // The statement's own words for where it stores ('VS, EU of Azië') as written; a list of countries is ours.
      optional(serverLocationsOf(p, m), m, thirdCountryUnstated(p), pick(p.serverLocationsText, m) ? text : cellText),
      ...(transfer ? [transfer(p)] : []),
    ]);
  return rows;
}

export function recipientTable(
  recipients: readonly Recipient[],
  general: readonly TransferSource[],
  m: Messages,
): Table {
  const t = m.t;
  const transfer = transferColumn(recipients, general.length > 0, m);
  return {
    caption: t('notice:recipients.others'),
    head: [
      t('notice:label.name'),
      t('notice:recipients.type'),
      // What the policies write here (recipients[].description): what is shared, when and why, not a service.
      t('notice:recipients.description'),
      t('notice:label.establishedIn'),
      ...(transfer ? [transferHeading(recipients, general, m)] : []),
    ],
    rows: recipients.map((r) => [
      [{ text: pick(r.name, m), strong: true }, ...domainsOf(r, m)],
      [cellText(t(`terms:recipientType.${r.type}`))],
      optional(pick(r.description, m) || undefined, m, false, text),
      optional(r.country && countryName(r.country, m, true), m, thirdCountryUnstated(r)),
      ...(transfer ? [transfer(r)] : []),
    ]),
  };
}
