import type { Messages } from '../i18n/messages.js';
import { nonEeaCountries } from '../law/eea.js';
import type { Processor, Purpose, Recipient } from '../resolve/model.js';
import { formatLawReference } from '../resolve/retention-phrase.js';
import { countryName, joinList, pick } from './format.js';

/** 6(1)(b) → 6-1-b, the key segment used in locales. */
export const termKey = (id: string): string => id.replace(/\((\w+)\)/g, '-$1');

/** 'Uitvoering van een overeenkomst (artikel 6 lid 1 sub b AVG)', followed by the author's explanation. */
export function legalBasisText(p: Pick<Purpose, 'legalBasis' | 'legalBasisExplanation'>, m: Messages): string | undefined {
  if (!p.legalBasis) return undefined;
  const key = termKey(p.legalBasis);
  let basis = `${m.t(`terms:legalBasis.${key}.name`)} (${m.t(`terms:legalBasis.${key}.article`)})`;
  if (p.legalBasisExplanation) basis += `. ${pick(p.legalBasisExplanation, m)}`;
  return basis;
}

/** The art. 9(2) condition with its national law, followed by the author's explanation. */
export function specialConditionText(c: NonNullable<Purpose['specialCategoryCondition']>, m: Messages): string {
  const key = termKey(c.condition);
  let value = `${m.t(`terms:specialCondition.${key}.name`)} (${m.t(`terms:specialCondition.${key}.article`)}`;
  value += c.lawReference ? `; ${formatLawReference(c.lawReference, m)})` : ')';
  if (c.explanation) value += `. ${pick(c.explanation, m)}`;
  return value;
}

/** 'Microsoft: de Verenigde Staten — EU-VS Data Privacy Framework …': one transfer outside the EEA and its safeguard. */
export function transferText(party: Processor | Recipient, m: Messages): string {
  const name = typeof party.name === 'string' ? party.name : pick(party.name, m);
  const countries = joinList(nonEeaCountries(party).map((c) => countryName(c, m)), m);
  let line = countries ? m.t('notice:transfers.item', { name, countries }) : name;
  if (party.transfer) {
    line += ` — ${m.t(`terms:transferMechanism.${party.transfer.mechanism}`)}`;
    if (party.transfer.copyAvailableAt) line += `. ${m.t('notice:transfers.copy', { where: pick(party.transfer.copyAvailableAt, m) })}`;
  }
  return line;
}
