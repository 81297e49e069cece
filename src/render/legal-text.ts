import type { Messages } from '../i18n/messages.js';
import { nonEeaCountries } from '../law/eea.js';
import { clauseWords, continuationMaxWords, continuationWords } from '../law/wording-patterns.js';
import type { LegalBasisStatement, TransferSource } from '../policy/policy-types.js';
import type { DataCategory, Processor, Purpose, PurposeBasis, Recipient } from '../resolve/model.js';
import { formatLawReference } from './retention-phrase.js';
import {
  appendSentence,
  countryName,
  endSentence,
  joinClauses,
  joinList,
  labelled,
  lowerFirst,
  nameOf,
  pick,
  upperFirst,
  withDetail,
  withNote,
} from './format.js';
import { rememberedPerLanguage } from '../i18n/per-language.js';
import { compiledOnce } from '../regexp-ahead.js';

/** 6(1)(b) → 6-1-b, the key segment used in locales. */
export const termKey = (id: string): string => id.replace(/\((\w+)\)/g, '-$1');

/** 'Uitvoering van een overeenkomst (artikel 6 lid 1 sub b AVG)', followed by the author's explanation. */
export function legalBasisText(
  p: Pick<Purpose, 'legalBasis' | 'legalBasisExplanation'>,
  m: Messages,
): string | undefined {
  if (!p.legalBasis) return undefined;
  const key = termKey(p.legalBasis);
  const basis = withNote(m.t(`terms:legalBasis.${key}.name`), m.t(`terms:legalBasis.${key}.article`), m);
  return p.legalBasisExplanation ? appendSentence(basis, pick(p.legalBasisExplanation, m)) : basis;
}

/**
 * Every basis of a purpose as one line each: the single basis with its
 * explanation, or, for a purpose with legalBases, one line per part.
 */
function purposeBasisTexts(p: Purpose, m: Messages): string[] {
  if (p.legalBases) return p.bases.map((part) => basisPartText(part, m));
  const single = legalBasisText(p, m);
  return single ? [single] : [];
}

/**
 * Everything a purpose states about its lawfulness, each piece written once;
 * the notice (as labelled facts) and the register (as one cell) lay them out.
 */
export interface PurposeLawfulness {
  /** One line per art. 6 basis (purposeBasisTexts). */
  bases: string[];
  /** The basis in the statement's words, with the law it names. */
  inWords?: string;
  /** The law granting the public task or official authority (6(3)). */
  publicTask?: string;
  /** The author's explanation of the basis ('' when none). */
  explanation: string;
  /** The law behind a legal obligation (6(1)(c)). */
  legalObligation?: string;
  /** The interest behind legitimate interests (6(1)(f)). */
  legitimateInterest?: string;
}

/** What a purpose states about its lawfulness, in a language (written once per purpose and language: notice and register share it). */
export const purposeLawfulness = rememberedPerLanguage(writePurposeLawfulness);

function writePurposeLawfulness(p: Purpose, m: Messages): PurposeLawfulness {
  const statement = p.legalBasisStatement;
  return {
    bases: purposeBasisTexts(p, m),
    ...(statement ? { inWords: statementInWords(statement, m) } : {}),
    ...(p.publicTask ? { publicTask: formatLawReference(p.publicTask, m) } : {}),
    explanation: pick(p.legalBasisExplanation, m),
    ...(p.legalObligation ? { legalObligation: formatLawReference(p.legalObligation, m) } : {}),
    ...(p.legitimateInterest ? { legitimateInterest: pick(p.legitimateInterest, m) } : {}),
  };
}

/** The purpose's basis in the author's words, with the law it names in brackets. */
function statementInWords(statement: LegalBasisStatement, m: Messages): string {
  const text = pick(statement.text, m);
  return statement.law ? withNote(text, formatLawReference(statement.law, m), m) : text;
}

/** 'Niet vermeld. <the author's explanation>': a purpose that names no basis, in the words of `line` (a sentence or not). */
export function notStatedText(line: string, explanation: string): string {
  return explanation ? appendSentence(line, explanation) : line;
}

/**
 * 'Niet vermeld in deze verklaring.': a gap in the statement as a line after a label, in the words of the
 * party table's cells (notStatedHere), so that the notice says a gap one way.
 */
export const notStatedLine = (m: Messages): string => endSentence(upperFirst(m.t('notice:notStatedHere')));

/**
 * 'Telefoonnummers van contactpersonen: toestemming (artikel 6, lid 1, onder a, AVG). …' — one of several bases, as
 * the register states it. `detailOnBasis`: the law of a legal obligation on the basis's own line.
 */
export function basisPartText(part: PurposeBasis, m: Messages, detailOnBasis = false): string {
  const t = m.t;
  const key = termKey(part.basis);
  const basis = withNote(t(`terms:legalBasis.${key}.name`), t(`terms:legalBasis.${key}.article`), m);
  // What the basis covers: the statement's words, else the data categories it names.
  let line = part.appliesTo
    ? t('details:basis.part', { appliesTo: pick(part.appliesTo, m), basis: lowerFirst(basis) })
    : part.dataCategories.length
      ? `${basis} ${t('details:basis.categories', {
          categories: joinList(
            part.dataCategories.map((c) => pick(c.name, m)),
            m,
          ),
        })}`
      : basis;
  // The register: the law on the basis's own line, before the explanation ('Wettelijke verplichting (…): <wet>. <uitleg>'),
  // not the basis named again after it (register5 finding 10).
  const lawOnBasis = detailOnBasis && part.basis === '6(1)(c)' && part.legalObligation;
  if (lawOnBasis) line = t('register:cell.basisWith', { basis: line, detail: formatLawReference(lawOnBasis, m) });
  return basisPartNotes(part, m, lawOnBasis ? 'legalObligation' : undefined).reduce(appendSentence, line);
}

/** The field of a basis that names what it rests on: the law of a legal obligation or public task, the interest. */
type BasisDetail = 'legalObligation' | 'publicTask' | 'legitimateInterest';

const detailOfBasis: Partial<Record<PurposeBasis['basis'], BasisDetail>> = {
  '6(1)(c)': 'legalObligation',
  '6(1)(e)': 'publicTask',
  '6(1)(f)': 'legitimateInterest',
};

/**
 * What a basis rests on, as the notice writes it after the basis ('…, AVG): Algemene wet inzake rijksbelastingen
 * (artikel 52 AWR)'): the law of its legal obligation or public task, or its legitimate interest; undefined when the
 * part names none for its own basis.
 */
export function basisDetail(part: PurposeBasis, m: Messages): { field: BasisDetail; text: string } | undefined {
  const field = detailOfBasis[part.basis];
  if (field === 'legitimateInterest')
    return part.legitimateInterest && { field, text: pick(part.legitimateInterest, m) };
  const law = field && part[field];
  return law ? { field, text: formatLawReference(law, m) } : undefined;
}

/**
 * What the author wrote about one of several bases, each a sentence to follow it: the law of a legal obligation
 * or of a public task and the legitimate interest, unless the line says it already (`said`), then the explanation.
 */
export function basisPartNotes(part: PurposeBasis, m: Messages, said?: BasisDetail): string[] {
  const t = m.t;
  const notes: string[] = [];
  if (part.legalObligation && said !== 'legalObligation')
    notes.push(labelled(t('notice:label.legalObligation'), formatLawReference(part.legalObligation, m), m));
  if (part.publicTask && said !== 'publicTask')
    notes.push(labelled(t('statements:label.publicTask'), formatLawReference(part.publicTask, m), m));
  if (part.legitimateInterest && said !== 'legitimateInterest')
    notes.push(labelled(t('notice:label.legitimateInterest'), pick(part.legitimateInterest, m), m));
  if (part.explanation) notes.push(pick(part.explanation, m));
  return notes;
}

/** The art. 9(2) condition with its national law, followed by the author's explanation. */
export function specialConditionText(c: NonNullable<Purpose['specialCategoryCondition']>, m: Messages): string {
  const key = termKey(c.condition);
  const cited = [m.t(`terms:specialCondition.${key}.article`)];
  if (c.lawReference) cited.push(formatLawReference(c.lawReference, m));
  const value = withNote(m.t(`terms:specialCondition.${key}.name`), joinClauses(cited, m), m);
  return c.explanation ? appendSentence(value, pick(c.explanation, m)) : value;
}

/**
 * 'Microsoft: de Verenigde Staten — EU-VS Data Privacy Framework …': one transfer outside the EEA and its
 * safeguard. A party with a ground but no country outside the EEA: `unstated` for the country, which
 * art. 13(1)(f) asks about ('land niet vermeld in deze verklaring' in the notice, 'niet vermeld' in the register).
 */
export function transferText(party: Processor | Recipient, m: Messages, unstated: string, where?: string): string {
  const name = nameOf(party.name, m);
  const countries =
    joinList(
      nonEeaCountries(party).map((c) => countryName(c, m, true)),
      m,
    ) || unstated;
  let line = m.t('notice:transfers.item', { name, countries });
  if (where) line = withNote(line, where, m);
  return party.transfer ? withDetail(line, transferGroundText(party.transfer, m, false), m) : line;
}

/** A transfer ground with its countries (unless the line names them already), the author's note and where to get a copy. */
export function transferGroundText(transfer: TransferSource, m: Messages, withCountries = true): string {
  let line = m.t(`terms:transferMechanism.${transfer.mechanism}`);
  // 'for' the countries: each ground's name ends in its article in brackets, and '(…) (the United States)' stacked them.
  if (withCountries && transfer.countries?.length) {
    const countries = joinList(
      transfer.countries.map((c) => countryName(c, m)),
      m,
    );
    line = m.t('notice:transfers.groundFor', { ground: line, countries });
  }
  return withTransferNote(line, transfer, m);
}

/**
 * Whether a note continues the line before it: a short phrase that opens as a continuation (continuationWords), with
 * no sentence break inside and no subject or finite verb (clauseWords). 'Voor overdrachten aan verwerkers' does;
 * 'Voor overdrachten naar de Verenigde Staten nemen wij ook aanvullende maatregelen' is a sentence.
 */
const continuesLine = (note: string): boolean =>
  continuationWords.test(note) &&
  !/[.!?;:]/.test(note) &&
  note.split(/\s+/).length <= continuationMaxWords &&
  !compiledOnce(clauseWords).test(note);

/**
 * A transfer ground's line followed by the author's note and where to get a copy: a note that continues the line
 * (continuesLine) after a comma, any other as a sentence of its own. The note's own full stop dropped: the line
 * ends as the ground's name does, and a list that holds a note ends every item with a full stop
 * (notice-outline.ts generalGroundsBlocks), so that '…, indien nodig' and '…. Gelijkwaardige ad-hocbepalingen, indien
 * nodig' do not end differently in one list (secondread9 N5).
 */
export function withTransferNote(line: string, transfer: TransferSource, m: Messages): string {
  const note = pick(transfer.note, m).trim().replace(/\.$/, '');
  if (continuesLine(note)) line += `, ${lowerFirst(note)}`;
  else if (note) line += `. ${note}`;
  if (transfer.copyAvailableAt)
    line += `. ${m.t('notice:transfers.copy', { where: pick(transfer.copyAvailableAt, m) })}`;
  return line;
}

/**
 * 'geen onderdeel van het medisch dossier' where the author states whether the category is part of the
 * medical file (partOfMedicalFile: call recordings are not); nothing where the author leaves it to policyc.
 * `client`: the notice of a policy that says client ('het dossier').
 */
export function medicalFileNote(
  c: DataCategory,
  m: Messages,
  ns: 'notice:data' | 'register:cell',
  client = false,
): string[] {
  if (c.partOfMedicalFile === undefined) return [];
  return [m.t(`${ns}.${c.partOfMedicalFile ? 'in' : 'notIn'}MedicalFile${client ? 'Client' : ''}`)];
}

/**
 * The notice's '(nationaal identificatienummer)' beside a data category that holds one (GDPR 87, UAVG 46), unless
 * the category's own name already says so: 'BSN (nationaal identificatienummer)' glossed what every Dutch reader
 * knows (Dutch review 2, finding 10). The words that count are in locales (terms:nationalIdentifierKeywords).
 */
function nationalIdentifierNote(name: string, m: Messages): string[] {
  const named = m
    .t('terms:nationalIdentifierKeywords')
    .split('|')
    .some((word) => name.toLowerCase().includes(word));
  return named ? [] : [m.t('notice:data.nationalIdentifier')];
}

/**
 * The special-category gloss of a data category: 'bijzondere persoonsgegevens:
 * gegevens over gezondheid' (several joined: '… gegevens over gezondheid en
 * religieuze of levensbeschouwelijke overtuigingen'), or only 'bijzondere
 * persoonsgegevens' when the category's own name already says every one (no
 * 'Gezondheidsgegevens (… gezondheidsgegevens)'). `ns` is the locale
 * namespace: notice or register.
 */
export function specialCategoryNote(
  specials: readonly string[],
  name: string,
  m: Messages,
  ns: 'notice:data' | 'register:cell',
): string {
  const lower = name.toLowerCase();
  const count = specials.length;
  return specials.every((s) => lower.includes(m.t(`terms:specialCategoryKeyword.${s}`)))
    ? m.t(`${ns}.specialOnly`, { count })
    : m.t(`${ns}.special`, {
        count,
        category: joinList(
          specials.map((s) => m.t(`terms:specialCategory.${s}`)),
          m,
        ),
      });
}

/**
 * A data category's notes in the notice ('bijzondere persoonsgegevens: gegevens over gezondheid', …), without
 * repeating what its name already says; `client` for a policy that says client. `criminal` is the note's key: the
 * data section names art. 10, a purpose card, which links to that section, does not.
 */
export function categoryNotes(
  c: DataCategory,
  name: string,
  m: Messages,
  client: boolean,
  criminal: 'notice:data.criminal' | 'notice:purposeCard.criminal',
): string[] {
  const notes: string[] = [];
  if (c.specials.length > 0) notes.push(specialCategoryNote(c.specials, name, m, 'notice:data'));
  notes.push(...medicalFileNote(c, m, 'notice:data', client));
  if (c.criminal) notes.push(m.t(criminal));
  if (c.nationalIdentifier) notes.push(...nationalIdentifierNote(name, m));
  return notes;
}

/** Where a category's data comes from, without the author's full stop (the sentence has its own), for notice:data.source. */
export function dataSourceWords(source: NonNullable<DataCategory['source']>, m: Messages): string {
  const where = pick(source.description, m).replace(/\.$/, '');
  return source.publiclyAccessible ? withNote(where, m.t('notice:data.publicSource'), m) : where;
}
