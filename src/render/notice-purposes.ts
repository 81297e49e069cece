import { withDetail, type Messages } from '../i18n/messages.js';
import type { DataCategory, PolicyModel, Purpose, PurposeBasis, RetentionRule } from '../resolve/model.js';
import { basesWithout, consentForMedicalFile, consentOthers, retentionNamingAny } from '../policy/policy-facts.js';
import { isStatedMinimum, minimumsFailedBy } from '../policy/retention-minimum.js';
import type { RightId } from '../policy/policy-types.js';
import {
  appendSentence,
  endSentence,
  joinList,
  labelled,
  lowerFirst,
  nameOf,
  namesInText,
  pick,
  sentence,
  upperFirst,
  withNotes,
} from './format.js';
import {
  basisDetail,
  basisPartNotes,
  categoryNotes,
  notStatedLine,
  notStatedText,
  purposeLawfulness,
  specialConditionText,
  termKey,
  type PurposeLawfulness,
} from './legal-text.js';
import { richThenList, type NoticeContext } from './notice-context.js';
import { retentionAnchor, retentionPeriod, withLawStart } from './notice-retention.js';
import { lawStartBeside } from '../law/retention-minimums.js';
import { formatMinimumTerm } from './retention-phrase.js';
import { purposeControllerFacts } from './notice-statements.js';
import { fileStaysInlines } from './notice-rights.js';
import { inlineIn, link, linkedIn, text, type Block, type Fact, type Inline } from './outline.js';

/**
 * The purposes section — 13(1)(c)(d), 13(2)(e). Each purpose is a card that
 * answers, in this order: what we do it for (its name and description),
 * which data (one category per line, sensitive ones marked), why we may (each
 * basis once: in plain words, with the official term and article for a lawyer
 * in brackets after them, and the author's note),
 * and whether you can refuse and what happens then. The last is derived from
 * the bases and the rights the policy grants (a contract basis means the
 * contract needs the data: without them it cannot be made or performed), and
 * otherwise only from what the author wrote (the requirement and its
 * consequence): no other consequence is invented. Sentences in locales/<lang>/notice.json under purposeCard.
 */
export function purposesBlocks({ model, m }: NoticeContext): Block[] {
  if (!model.purposes.length) return [];
  const count = model.purposes.length;
  // Said only when every purpose names its basis; alone, the lead would repeat the heading. 'For the
  // purposes below', not 'only for': no field says the list is complete (Bernhoven lists one purpose and
  // collects data through its websites and social media).
  const intro = model.purposes.every((p) => p.bases.length > 0 || p.legalBasisStatement)
    ? [
        {
          paragraph: sentence(
            `${m.t('notice:purposes.intro', { count })} ${m.t('notice:purposes.basisStated', { count })}`,
          ),
        },
      ]
    : [];
  const general = hasGeneralRetention(model);
  return [
    ...intro,
    ...model.purposes.map((p): Block => ({
      subsection: {
        id: `purpose-${p.id}`,
        heading: pick(p.name, m),
        blocks: purposeCard(p, model, m, general),
        card: true,
      },
    })),
  ];
}

/** Whether the policy has a retention rule that lists no data (a period not counted from deletion): one for all? */
const hasGeneralRetention = (model: PolicyModel): boolean =>
  model.retention.some((r) => r.from !== 'deletion' && !r.categories.length);

/** A purpose's card; `general`: whether the policy has a retention rule that lists no data (hasGeneralRetention). */
function purposeCard(p: Purpose, model: PolicyModel, m: Messages, general: boolean): Block[] {
  const t = m.t;
  const facts: Fact[] = [];
  facts.push(
    ...answer(
      t('notice:label.data'),
      p.dataCategories.map((c) => [text(categoryLine(c, m, model))]),
    ),
  );
  facts.push(...basisFacts(p, m));
  facts.push(...refusalFacts(p, model, m));
  facts.push(...purposeControllerFacts(p, m), ...peopleFacts(p, m));
  facts.push(...answer(t('notice:label.retention'), retentionLines(p, model, m, general)));
  return richThenList(p.description, { facts }, 'notice:purposeCard.factsLead', m);
}

/**
 * The card's retention: the rules the purpose names; where it names none, the rules that list its data (not a
 * backup's period from deletion, which is not how long the data is kept: retentionFor), each with the data it covers
 * where that is not all the card's, and the data no rule lists as not stated. BIB's cards of the medical data said
 * nothing of the rule that keeps them 20 years; Cosmetic Clinic's photos nothing at all (notice8 review, finding 5).
 * 'Niet vermeld in deze verklaring' says a gap in the statement, as the basis row does; where the statement has a
 * rule that lists no data (Dental Clinics' 'Je persoonsgegevens': zolang nodig), which may be meant for all, only
 * that this purpose names none, with a pointer to the table.
 */
function retentionLines(p: Purpose, model: PolicyModel, m: Messages, general: boolean): Inline[][] {
  if (p.retention.length) return p.retention.map((r) => retentionLine(r, model, m));
  const rules = retentionNamingAny(model, p.dataCategories);
  const gap = m.t(general ? 'notice:purposeCard.retentionNotForPurpose' : 'notice:notStatedHere');
  if (!rules.length) return [noRetentionLine(gap, general, m)];
  const lines = rules.map((r) => listedRetentionLine(r, p, model, m));
  const unlisted = p.dataCategories.filter((c) => !rules.some((r) => r.categories.includes(c)));
  if (unlisted.length) lines.push([text(labelled(upperFirst(namesInText(unlisted, m)), gap, m))]);
  return lines;
}

/** A rule that lists some of the card's data: its line, naming that data where it is not all the card's. */
function listedRetentionLine(r: RetentionRule, p: Purpose, model: PolicyModel, m: Messages): Inline[] {
  const covered = p.dataCategories.filter((c) => r.categories.includes(c));
  return covered.length === p.dataCategories.length ? retentionLine(r, model, m) : retentionLine(r, model, m, covered);
}

/** A card no rule covers: the gap, with a pointer to the retention table where a rule there may be meant for all. */
function noRetentionLine(gap: string, general: boolean, m: Messages): Inline[] {
  if (!general) return [text(endSentence(upperFirst(gap)))];
  const section = m.t('notice:heading.retention');
  return [
    text(`${endSentence(upperFirst(gap))} `),
    ...linkedIn(m.t('notice:purposeCard.retentionSeeAll', { section }), section, '#retention'),
  ];
}

/**
 * A rule's period, its data named and linked to the rule's row in the retention table (the law is there): links
 * alone did not say how long, on paper nor in a screen reader's list of links. A period that ends before the
 * law's minimum for that data (retention/*-too-short) is said with that note and a pointer to its row, which
 * says what the law requires: sent to the table without the number, the card seemed to withhold the one that
 * mattered (English review 1, finding 12; Cosmetic Clinic's 'no longer than 6 months' for a medical file).
 */
function retentionLine(r: RetentionRule, model: PolicyModel, m: Messages, only?: readonly DataCategory[]): Inline[] {
  const term = cardPeriod(r, model, m);
  // A rule that keeps only some of the card's data says which (finding 5): the card would give its term for them all.
  const period = only
    ? withDetail(term, m.t('notice:purposeCard.retentionOnlyFor', { categories: namesInText(only, m) }), m)
    : term;
  return inlineIn((name) => labelled(name, period, m), link(pick(r.name, m), `#${retentionAnchor(r.id)}`));
}

/**
 * The rule's period, with the law's minimum beside it where the rule ends before one: '15 years (the law requires
 * at least 20 years after the last change to the file)'. '(shorter than the law requires)' seemed to qualify the
 * card's 'or longer where good care requires it' and did not say what the law requires (English review 2,
 * finding 11). A minimum still to be confirmed (`verify`) is not named, as in the table; a rule that fails only
 * such a minimum keeps the bare remark.
 */
function cardPeriod(r: RetentionRule, model: PolicyModel, m: Messages): string {
  const failed = minimumsFailedBy(model, r);
  const law = lawStartBeside(r);
  if (!failed.length && law) return withLawStart(r, law, m);
  const period = retentionPeriod(r, m);
  if (!failed.length) return period;
  const minimums = failed.filter(isStatedMinimum);
  if (!minimums.length) return m.t('layout:retention.shorterThanLaw', { period });
  const minimum = joinList(
    minimums.map((min) => formatMinimumTerm(min, m)),
    m,
  );
  return m.t('layout:retention.shorterThanLawMinimum', { period, minimum });
}

/** Whose data, and who else handles them: the data subjects, processors and recipients of the purpose. */
function peopleFacts(p: Purpose, m: Messages): Fact[] {
  return [
    ...namesFact(
      m,
      'notice:label.subjects',
      p.dataSubjects.map((s) => pick(s.name, m)),
    ),
    ...namesFact(
      m,
      'notice:label.processors',
      p.processors.map((x) => nameOf(x.name, m)),
    ),
    ...namesFact(
      m,
      'notice:label.recipients',
      p.recipients.map((x) => pick(x.name, m)),
    ),
  ];
}

/** Several names as a list, as the data are: names that start with a capital read badly joined in a sentence. */
function namesFact(m: Messages, labelKey: string, names: string[]): Fact[] {
  return answer(m.t(labelKey, { count: names.length }), names.map(nameLine));
}

const nameLine = (name: string): Inline[] => [text(name)];

/** One answer as a fact: a single line as its value, several as a list under it, none left out. */
function answer(label: string, lines: Inline[][]): Fact[] {
  if (lines.length === 0) return [];
  return lines.length === 1 ? [{ label, inlines: lines[0]! }] : [{ label, inlines: [], items: lines }];
}

/** 'Medische gegevens (bijzondere persoonsgegevens: gegevens over gezondheid)': the category, labelled as in the notice's data section. */
function categoryLine(c: DataCategory, m: Messages, model: PolicyModel): string {
  const name = pick(c.name, m);
  const client = model.source.metadata.careRecipient === 'client';
  return withNotes(name, categoryNotes(c, name, m, client, 'notice:purposeCard.criminal'), m);
}

/**
 * 'Waarom dat mag': each basis once, on one line: the reason in plain words, the AVG's term and article for the
 * privacy officer and the regulator, the author's note ('Omdat het nodig is voor een overeenkomst met u (grondslag:
 * uitvoering van een overeenkomst, artikel 6, lid 1, onder b, AVG). <toelichting>'), with what it covers when the
 * purpose splits its bases. The plain line and a 'Grondslag' row under it said each basis twice, line by line for
 * several (patient review, F13). The basis in the statement's own words follows a single basis as its note, or is a
 * line of its own beside several; with no basis at all the row says the statement gives none.
 */
function basisFacts(p: Purpose, m: Messages): Fact[] {
  const l = purposeLawfulness(p, m);
  const lines = [...new Set(p.bases.map((part) => basisLine(part, p, m)))];
  if (l.inWords === undefined) {
    if (!lines.length) lines.push(notStatedText(m.t('notice:purposeCard.basisNotStated'), l.explanation));
  } else if (lines.length === 1) lines[0] = appendSentence(lines[0]!, l.inWords);
  // Without a basis the explanation follows the words, with no basis line to carry it (the old row dropped it).
  else lines.push(lines.length ? l.inWords : notStatedText(l.inWords, l.explanation));
  const row = answer(
    m.t('notice:purposeCard.basisLabel'),
    lines.map((line) => [text(line)]),
  );
  return [...row, ...lawfulnessFacts(p, l, m)];
}

/** One basis: its plain reason with the AVG's term and article in brackets, then what the author wrote about it. */
function basisLine(part: PurposeBasis, p: Purpose, m: Messages): string {
  const t = m.t;
  const key = termKey(part.basis);
  const givers = consentGivers(part, m);
  const reason = givers
    ? t('notice:purposeCard.basis.consentOf', { subjects: givers })
    : t(`notice:purposeCard.basis.${key}`);
  const cited = t('notice:purposeCard.basisCited', {
    reason,
    name: lowerFirst(t(`terms:legalBasis.${key}.name`)),
    article: t(`terms:legalBasis.${key}.article`),
  });
  // A single basis (legalBasis) has its law and interest in rows of their own under this one, as the purpose's fields.
  if (!p.legalBases)
    return scopedText(part, p, withSentences(cited, part.explanation ? [pick(part.explanation, m)] : []), m);
  // One of several: what the basis rests on right after it ('…, AVG): <wet>'), not the basis named again in a
  // sentence after the author's note ('…, AVG). Voor Nederland. Wettelijke verplichting: <wet>'; secondread10, 7).
  const detail = basisDetail(part, m);
  const line = detail ? t('notice:purposeCard.basisWith', { basis: cited, detail: detail.text }) : cited;
  return scopedText(part, p, withSentences(line, basisPartNotes(part, m, detail?.field)), m);
}

/** A basis line and the sentences that follow it, the last ended with a full stop. */
function withSentences(line: string, notes: readonly string[]): string {
  return notes.length ? endSentence(notes.reduce(appendSentence, line)) : line;
}

/**
 * Who gives the consent a basis rests on, when the policy names them (consentBy: an app's users
 * allowing access to a phone book that holds their contacts' numbers): 'your consent' would be
 * false for the contacts. Undefined otherwise.
 */
function consentGivers(part: PurposeBasis, m: Messages): string | undefined {
  if (part.basis !== '6(1)(a)' || !part.consentBy.length) return undefined;
  return namesInText(part.consentBy, m);
}

/**
 * Under the givers' line, to the purpose's data subjects who are not among them (consentOthers): that they did not
 * give this consent themselves, and where the rights they do have are. Doctolib's phone-book contacts, the 'u' of
 * the card, were answered with the users' consent and a link to withdrawing it, a right that is not theirs
 * (patient10 review, F6). Nothing more is said of what they can do: which of the rights apply depends on facts the
 * statement does not give, and the rights section says each right's conditions.
 */
function notTheirConsent(part: PurposeBasis, p: Purpose, m: Messages): Inline[] {
  const others = consentOthers(part, p);
  if (!others.length) return [];
  const section = m.t('notice:heading.rights');
  const said = m.t('notice:purposeCard.refuse.notTheirConsent', { others: namesInText(others, m), section });
  return linkedIn(said, section, '#rights');
}

/**
 * The rows that follow the basis: the law of a single basis's public task or legal obligation, its legitimate
 * interest (said as not stated where the statement names none), and the art. 9 exception for special data.
 */
function lawfulnessFacts(p: Purpose, l: PurposeLawfulness, m: Messages): Fact[] {
  const t = m.t;
  const fact = (labelKey: string, value: string): Fact => ({ label: t(labelKey), inlines: [text(value)] });
  const facts: Fact[] = [];
  if (l.publicTask) facts.push(fact('statements:label.publicTask', l.publicTask));
  if (l.legalObligation) facts.push(fact('notice:label.legalObligation', l.legalObligation));
  if (l.legitimateInterest) facts.push(fact('notice:label.legitimateInterest', l.legitimateInterest));
  facts.push(...unstatedInterestFacts(p, m));
  // 'this special category' where the card names one kind (health), 'these special categories' otherwise (English review 1, finding 19).
  const specialLabel = t('notice:label.specialCondition', {
    count: new Set(p.dataCategories.flatMap((c) => c.specials)).size,
  });
  if (p.specialCategoryCondition)
    facts.push({ label: specialLabel, inlines: [text(specialConditionText(p.specialCategoryCondition, m))] });
  // Special data with no exception named: said, as the register says it, rather than left out; 'in deze
  // verklaring', so that a patient reads a gap in the statement, not that there is no basis.
  else if (p.usesSpecialData) facts.push({ label: specialLabel, inlines: [text(notStatedLine(m))] });
  return facts;
}

/**
 * Legitimate interests (6(1)(f)) whose interest the statement does not name: the row said as not stated, as a
 * missing basis is, rather than left out (13(1)(d); English review 1, finding 6). Several bases name the part.
 */
function unstatedInterestFacts(p: Purpose, m: Messages): Fact[] {
  const line = notStatedLine(m);
  // A loop, not a closure made per call (docs/architecture.md, "No closures made per call").
  const lines: Inline[][] = [];
  for (const part of basesWithout(p, '6(1)(f)', 'legitimateInterest'))
    lines.push(scopeNamedOnce(p) ? [text(line)] : scoped(part, p, line, m));
  return answer(m.t('notice:label.legitimateInterest'), unique(lines));
}

/**
 * 'Kunt u weigeren?': the lines, under a lead that says the purpose has more than one basis and the statement does not
 * say which applies to what, where two or more come from bases that do not say what they cover (not 'that differs
 * by kind of data': the bases may as well split by situation or by person; secondread10, finding 10). Doctolib's profile card listed 'without these data we
 * cannot make the contract' and 'you may object; we then stop' for the same data: both cannot hold (Dutch review 3,
 * finding 13).
 */
function refusalFacts(p: Purpose, model: PolicyModel, m: Messages): Fact[] {
  const label = m.t('notice:purposeCard.refuseLabel');
  const lines = refusalLines(p, model, m);
  const unscoped = new Set(p.bases.filter((part) => !scopeOf(part, p, m)).map((part) => refusalKeyOf(part, p, model)));
  unscoped.delete(undefined);
  if (lines.length < 2 || unscoped.size < 2 || scopeNamedOnce(p)) return answer(label, lines);
  return [{ label, inlines: [text(m.t('notice:purposeCard.refuseUnscoped'))], items: lines }];
}

/** The refusal line a basis of the purpose gives, if any (refusalKey), as refusalLines reads it. */
function refusalKeyOf(part: PurposeBasis, p: Purpose, model: PolicyModel): RefusalKey | undefined {
  const key = refusalKey(
    part.basis,
    grants(model, 'withdraw-consent', p),
    grants(model, 'objection', p) && !p.directMarketing,
  );
  // The author's requirement says whether the data must be provided; the general "we need these data" would repeat or contradict it.
  return p.requirement && (key === 'contract' || key === 'legalObligation') ? undefined : key;
}

/**
 * Whether you can refuse, and what then (13(2)(c)(e), 7(3), 21): consent may
 * be refused and withdrawn; a contract or a legal obligation needs the data;
 * under a public task or legitimate interests you may object (21(1)), and
 * always to direct marketing (21(2)–(3)) — each only where the policy grants
 * that right for this purpose. Then the requirement and consequence as authored,
 * which replace the general contract and legal-obligation lines.
 */
function refusalLines(p: Purpose, model: PolicyModel, m: Messages): Inline[][] {
  const withdraw = grants(model, 'withdraw-consent', p);
  const object = grants(model, 'objection', p);
  const lines: Inline[][] = [];
  for (const part of p.bases) {
    const key = refusalKeyOf(part, p, model);
    if (!key) continue;
    const givers = consentGivers(part, m);
    const line = givers
      ? m.t(`notice:purposeCard.refuse.${key}Of`, { subjects: givers })
      : refusalSentence(key, part, p, m);
    lines.push(withRight(key, scopeNamedOnce(p) ? [text(line)] : scoped(part, p, line, m), m));
    const others = notTheirConsent(part, p, m);
    if (others.length) lines.push(others);
  }
  // Art. 9(2)(a): the sensitive data rest on explicit consent, which may be refused and withdrawn like any consent (7(3)).
  if (p.specialCategoryCondition?.condition === '9(2)(a)' && p.usesSpecialData) {
    const key = withdraw ? 'explicitConsent' : 'explicitConsentOnly';
    lines.push(withRight(key, [text(m.t(`notice:purposeCard.refuse.${key}`))], m));
  }
  // After the withdrawal wording: what is in the medical file stays (BW 7:454), and how to have it destroyed (finding 10).
  if (withdraw && consentForMedicalFile(model, p))
    lines.push(fileStaysInlines('notice:purposeCard.medicalFileStays', model, m));
  if (p.directMarketing && object)
    lines.push(withRight('object', [text(m.t('terms:right.objection.directMarketing'))], m));
  if (p.requirement) {
    const consequence = pick(p.requirement.consequence, m);
    lines.push([text(m.t(`terms:requirement.${p.requirement.type}`) + (consequence ? ` ${consequence}` : ''))]);
  }
  return unique(lines);
}

/**
 * The contract line never says what refusing means: 6(1)(b) makes the processing necessary for the contract,
 * not every item a condition of it, and what happens without the data (13(2)(e)) is the author's to say
 * (requirement, which then replaces this line; art13/requirement-missing asks for it). Where the person gives
 * the data, the line says the notice does not state it; where one of them comes from elsewhere (a source,
 * 14(2)(f)), which no refusal can stop, it says only that the contract needs the data.
 * The legal-obligation line says that no objection is possible, except for direct marketing: against that the
 * person may always object, whatever the basis (21(2); art21/direct-marketing-legal-obligation asks the basis).
 */
function refusalText(key: RefusalKey, part: PurposeBasis, p: Purpose): string {
  if (key === 'legalObligation' && p.directMarketing) return 'legalObligationMarketing';
  if (key !== 'contract') return key;
  return givenByPerson(part, p) ? 'contractUnstated' : key;
}

/**
 * The refusal line of a basis; under a legal obligation, where the person gives the data, followed by the contract's
 * gap sentence: that the law makes us use the data says nothing of whether the person must give them (13(2)(e)), and
 * 'Bezwaar maken … kan daarom niet' alone read as 'you cannot refuse to give them' (notice8 review, finding 6).
 */
function refusalSentence(key: RefusalKey, part: PurposeBasis, p: Purpose, m: Messages): string {
  const line = m.t(`notice:purposeCard.refuse.${refusalText(key, part, p)}`);
  return key === 'legalObligation' && givenByPerson(part, p)
    ? `${line} ${m.t('notice:purposeCard.refuse.contractUnstated')}`
    : line;
}

/** Whether the person gives all the data a basis covers: none of them comes from another source (14(2)(f)). */
function givenByPerson(part: PurposeBasis, p: Purpose): boolean {
  const categories = part.dataCategories.length ? part.dataCategories : p.dataCategories;
  return categories.every((c) => !c.source);
}

type RefusalKey =
  'consent' | 'consentOnly' | 'explicitConsent' | 'explicitConsentOnly' | 'contract' | 'legalObligation' | 'object';

function refusalKey(basis: string, withdraw: boolean, object: boolean): RefusalKey | undefined {
  switch (basis) {
    case '6(1)(a)':
      return withdraw ? 'consent' : 'consentOnly';
    case '6(1)(b)':
      return 'contract';
    case '6(1)(c)':
      return 'legalObligation';
    case '6(1)(e)':
    case '6(1)(f)':
      return object ? 'object' : undefined;
    // Vital interests: nothing follows from the basis alone.
    default:
      return undefined;
  }
}

/** The rights a refusal line points to: withdrawing consent, objecting. */
const rightOf: Partial<Record<RefusalKey, RightId>> = {
  consent: 'withdraw-consent',
  explicitConsent: 'withdraw-consent',
  object: 'objection',
};

/** The line, then ' Meer hierover: Recht van bezwaar', linking to the right in the rights section. */
function withRight(key: RefusalKey, line: Inline[], m: Messages): Inline[] {
  const right = rightOf[key];
  if (!right) return line;
  return [
    ...line,
    text(` ${m.t('notice:purposeCard.moreAbout')} `),
    link(m.t(`terms:right.${right}.name`), `#right-${right}`),
  ];
}

/** True when the notice's rights section grants this right for this purpose (rights.notApplicable may set it aside). */
function grants(model: PolicyModel, id: RightId, p: Purpose): boolean {
  return model.rights.some((r) => r.id === id && r.purposes.includes(p));
}

/**
 * Whether what the purpose's one basis covers (its appliesTo) is said once, on the basis line ('Waarom dat mag:
 * Facturering en inning: omdat de wet ons daartoe verplicht (grondslag: …)'), and not again on the refusal line under
 * it: three times on one card read as a refrain (Dutch review 2, finding 14). Several bases keep it on every
 * line, which must say which part it is about; so does a basis for only some of the card's data, as the refusal
 * line's 'deze gegevens' would otherwise mean them all.
 */
function scopeNamedOnce(p: Purpose): boolean {
  const [only, ...more] = p.bases;
  if (!only?.appliesTo || more.length) return false;
  return !only.dataCategories.length || only.dataCategories.length === p.dataCategories.length;
}

/** A line about one basis, preceded by what the basis covers when the statement says so ('Telefoonnummers van contactpersonen: met uw toestemming'). */
function scoped(part: PurposeBasis, p: Purpose, line: string, m: Messages): Inline[] {
  return [text(scopedText(part, p, line, m))];
}

/** The line of `scoped` as a string. */
function scopedText(part: PurposeBasis, p: Purpose, line: string, m: Messages): string {
  const scope = scopeOf(part, p, m);
  return scope ? m.t('details:basis.part', { appliesTo: scope, basis: lowerFirst(line) }) : line;
}

/** What a basis covers, as the statement says it or by the data it names where those are not all the card's; '' otherwise. */
function scopeOf(part: PurposeBasis, p: Purpose, m: Messages): string {
  return part.appliesTo
    ? pick(part.appliesTo, m)
    : part.dataCategories.length && part.dataCategories.length < p.dataCategories.length
      ? upperFirst(
          m.t('details:basis.categories', {
            categories: joinList(
              part.dataCategories.map((c) => pick(c.name, m)),
              m,
            ),
          }),
        )
      : '';
}

/** Lines in order, each once (two parts on the same basis and scope say the same). */
function unique(lines: Inline[][]): Inline[][] {
  const seen = new Set<string>();
  return lines.filter((line) => {
    const key = JSON.stringify(line);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
