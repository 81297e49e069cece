/**
 * Ways a statement's own rights texts (rights.howToExercise, rights.notes,
 * rights.additional) narrow what the GDPR grants, as patterns per language
 * (Dutch and English). check/rights-rules.ts (rights/narrowed) reads them,
 * one sentence at a time. Tight on purpose: each kind names the words that
 * make the sentence lawful (`lawfulIf`), and a hit is a warning, since a
 * pattern cannot read the whole statement.
 */

export type NarrowingKind =
  | 'channel'
  | 'fee'
  | 'responseTime'
  | 'responseTimeHedged'
  | 'restrictionGrounds'
  | 'erasureIncorrectOnly'
  | 'objectionBurden';

export interface Narrowing {
  kind: NarrowingKind;
  /** The provisions the narrowing conflicts with, for the message's explanation. */
  article: string;
  /** What the sentence says that narrows the right (quoted in the message). */
  pattern: RegExp;
  /** Words in the sentence that narrows that make it lawful: the finding is not reported. */
  lawfulIf?: RegExp;
  /** Words anywhere in the text that make it lawful (a reason, or an announced delay, may follow in its own sentence). */
  lawfulIfInText?: RegExp;
  /** Only in the text about this right (rights.notes.<right>). */
  right?: string;
}

/** Words that make a way of asking the only one ("alleen", "uitsluitend", "only"). */
const only = String.raw`(?:alleen|uitsluitend|enkel|slechts|only|solely|exclusively)`;

/** Words that name the destruction of the medical file (BW 7:455): the article, or destroying with the file. */
const fileDestruction = String.raw`\b7:455\b|\b(?:vernietig\w*|destroy\w*|destruction)\b[\s\S]*\b(?:dossier|file|record)s?\b|\b(?:dossier|file|record)s?\b[\s\S]*\b(?:vernietig\w*|destroy\w*|destruction)\b`;

/** A request in writing or electronically, in the law's words or as letter and e-mail together. */
const writtenOrElectronic = String.raw`schriftelijk of (?:langs )?elektronisch|in writing or electronically|(?:brief|post|letter) (?:of|or) (?:per |by |via )?e-?mail|e-?mail (?:of|or) (?:per |by |via )?(?:brief|post|letter)`;

/** A sentence about destroying the medical file that asks for a written or electronic request, as 7:455(1) does. */
const fileDestructionInWritingOrElectronically = new RegExp(
  String.raw`^(?=[\s\S]*(?:${fileDestruction}))(?=[\s\S]*(?:${writtenOrElectronic}))`,
  'i',
);

/**
 * A single way to make a request: only in writing, by post, at the desk, in
 * person, through one form. Art. 12(2): the controller facilitates the exercise
 * of the rights; recital 59: it should also provide means for requests to be
 * made electronically. No provision of art. 12–22 prescribes a form for a
 * request. The Autoriteit Persoonsgegevens, for all the privacy rights ('Uw
 * privacyrechten gebruiken',
 * https://autoriteitpersoonsgegevens.nl/themas/basis-avg/privacyrechten-avg/uw-privacyrechten-gebruiken,
 * undated, as quoted in the verify2 review of 2026-12-07): "Tip: verzoek
 * schriftelijk doen. U kunt de organisatie het beste schriftelijk een verzoek
 * doen": writing as advice, for evidence, not as a condition. The EDPB reads
 * the GDPR so for access: it imposes no requirements on the form of the
 * request, and a person need not use a channel the controller offers
 * (Guidelines 01/2022 on the right of access, version 2.1: adopted 28 March
 * 2023, version 2.1 of 30 May 2024 with minor corrections; section 3.1.2 on the
 * form of the request). The notice says the same to a patient where it names
 * nowhere to send a request (notice:rights.anyWay). Verify: the guidelines'
 * paragraph numbers (about 52–55) and their wording were recalled, not read in
 * the document (its stored copies here show only the summary, the table of
 * contents or later paragraphs); the version data was read in a copy of its
 * first page. A limit the summary of version 1.0 by Covington (insideprivacy.com,
 * 28 January 2022; not read in 2.1) reports: a request sent to an address the
 * controller never gave need not be acted on, if an appropriate channel was
 * offered; the notice says "any way" only where it offers none. Not "schriftelijk" alone ("u kunt schriftelijk contact
 * opnemen ... of per e-mail"; Doctolib): a way offered is no way required. Not
 * "persoonlijk" alone ("alleen u persoonlijk kunt een verzoek doen" is about who).
 * Not a sentence on destroying the medical file that asks for a written or
 * electronic request (in the law's words, or by letter or e-mail): BW 7:455(1)
 * asks for that (law/patient-rights.ts). "Alleen per brief" for it still narrows:
 * the law allows an electronic request too.
 */
const channelWords = String.raw`(?:schriftelijk|per (?:post|brief|aangetekende brief|aangetekend schrijven|fax)|aan de balie|in persoon|ter plaatse|op (?:de|onze) (?:praktijk|locatie|vestiging)|via (?:het|ons) (?:aanvraagformulier|webformulier|formulier|portaal)|in writing|by (?:post|mail|letter|registered (?:letter|mail)|fax)|in person|at (?:our|the) (?:office|practice|desk|reception)|on site|(?:via|through|using) (?:our|the) (?:form|web form|request form|portal))`;

/** A count and a unit of time: "zes weken", "30 working days", "a month" (officer review 2, M3) (the count and the unit captured, for termDays). */
const countedTerm = String.raw`(\d+|een|één|an?|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(werkdagen|dagen|weken|maanden|maand|week|dag|working days|business days|days|weeks|months|month|week|day)\b`;

/** A term stated for an answer: "binnen zes weken", "no later than 30 working days" (count in group 1, unit in 2). */
export const statedTerm = new RegExp(
  String.raw`\b(?:binnen|uiterlijk|within|no later than)\b[^.;!?]{0,20}?\b${countedTerm}`,
  'i',
);

/**
 * Words that make a term a wish rather than a promise: "waar mogelijk", "indien mogelijk", "zo mogelijk", "where
 * possible", "if possible", "we aim to", "we streven ernaar". Not "zo snel mogelijk" / "as soon as possible": that
 * speeds the answer up, it does not make the term optional.
 */
const hedgeWords = String.raw`(?:(?:waar|indien|zo|voor zover)\s+(?:dat\s+|het\s+)?mogelijk|(?:where|if|wherever|whenever)\s+(?:it is\s+)?possible|(?:we|wij)\s+(?:aim|strive|try|endeavou?r)\s+to|(?:we|wij)\s+(?:streven|proberen|trachten)\b|(?:streven|proberen|trachten)\s+(?:we|wij)\b)`;

/** "binnen de termijn", "within the period below", "binnen een maand": the term of an answer, by name or counted. */
const termOfAnswer = String.raw`\b(?:binnen|within)\b[^.;!?]{0,40}?(?:\b(?:termijn|periode|period|deadline|time limit)\b|\b${countedTerm})`;

/**
 * What may stand between a hedge and the term it governs: at most 40 characters of the same clause (Dental Clinics'
 * "Where possible, we also settle your request within the period" has 30), and no "anders" / "otherwise" that turns
 * to a second, firm promise ("Indien mogelijk krijgt u uw dossier direct mee, anders binnen een maand"; officer
 * review 2, finding 1). A hedge further off governs something else ("Where possible we send the data through a
 * secure connection, within one month").
 */
const hedgeReach = String.raw`(?:(?!\b(?:anders|zo niet|otherwise|if not|or else)\b)[^.;!?]){0,40}?`;

/** "binnen die maand", "within the first month": the month of the answer, referred back to. */
const withinThatMonth = String.raw`\b(?:binnen|within)\s+(?:die|dezelfde|deze|de eerste|that|the same|this|the first)\s+(?:maand|month)\b`;

/** The reason for a delay: "met de reden", "waarom", "we tell you why", "the reasons". */
const delayReason = String.raw`\b(?:reden|redenen|waarom|why|reasons?)\b`;

/**
 * A delay announced as art. 12(3) allows it: within the first month, with the reason, in one clause-run of the same
 * sentence ("lukt dat niet, dan hoort u dat binnen die maand met de reden"; "if we cannot, we tell you why within that
 * month"). Not a delay without the month ("lukt dat niet, dan hoort u dat") or without the reason: those still leave
 * the term a wish.
 */
const announcedDelay = new RegExp(
  String.raw`${withinThatMonth}[^.;!?]{0,60}?${delayReason}|${delayReason}[^.;!?]{0,60}?${withinThatMonth}`,
  'i',
);

export const narrowings: readonly Narrowing[] = [
  {
    kind: 'channel',
    article: 'GDPR 12(2); recital 59',
    lawfulIf: fileDestructionInWritingOrElectronically,
    pattern: new RegExp(
      [
        String.raw`\b${only}\b[^.;:!?]{0,30}?\b${channelWords}`,
        String.raw`\b${channelWords}\s+${only}\b`,
        String.raw`\b(?:niet|never|not) (?:per|via|by) e-?mail\b`,
      ].join('|'),
      'i',
    ),
  },
  {
    // Art. 15(3): the first copy is free; only for further copies may a reasonable fee based on administrative
    // costs be charged. Art. 12(5): actions under art. 15-22 are free, except manifestly unfounded or excessive
    // (repetitive) requests. A fee named for a copy, without "free" and not for a further copy, narrows the right.
    // Not a copy of an identity document (Doctolib asks for one to identify the requester).
    kind: 'fee',
    article: 'GDPR 12(5), 15(3)',
    pattern:
      /\b(?:kopie|kopieën|afschrift(?:en)?|cop(?:y|ies))\b[^.;!?]{0,80}?(?:\b(?:kosten|vergoeding|tarief|administratiekosten|fee|fees|charge[sd]?)\b|€\s?\d|\bEUR\s?\d)|(?:\b(?:kosten|vergoeding|tarief|administratiekosten|fee|fees|charge[sd]?)\b|€\s?\d|\bEUR\s?\d)[^.;!?]{0,80}?\b(?:kopie|kopieën|afschrift(?:en)?|cop(?:y|ies))\b/i,
    lawfulIf:
      /\b(?:gratis|kosteloos|kosteloze|zonder kosten|geen kosten|free|no charge|without charge|at no cost|no cost)\b|\b(?:tweede|extra|aanvullende|verdere|volgende|meerdere|second|additional|further|subsequent|extra) (?:kopie|kopieën|afschrift(?:en)?|cop(?:y|ies))\b|kennelijk ongegrond|buitensporig|manifestly unfounded|excessive|identiteitsbewijs|paspoort|identity (?:document|card)|passport/i,
  },
  {
    // Art. 12(3): an answer within one month of receipt; two months more only where needed for the complexity and
    // number of requests, with the reason told within the first month. A term longer than a month stated without
    // that reason narrows the right. Not destruction of the medical file: BW 7:455 (the text since 2020) sets no term
    // of its own, and whether 12(3) governs a request under it is not confirmed (law/patient-rights.ts).
    kind: 'responseTime',
    article: 'GDPR 12(3)',
    pattern: statedTerm,
    lawfulIfInText:
      /complex|ingewikkeld|aantal verzoeken|number of requests|verleng|extend|extension|uitstel|vernietig|destroy|destruction|7:455/i,
  },
  {
    // Art. 12(3): the answer comes without undue delay and in any event within one month; the term is the law's, not
    // a wish. "Indien mogelijk binnen de termijn" / "where possible … within the period" (Dental Clinics), "we aim to
    // answer within one month" make it optional. The hedge before the term in the sentence, or right after it ("binnen
    // een maand, waar mogelijk"). Not a hedged term shorter than a month (check/rights-rules.ts: a faster service aim
    // beside the law's term), nor a sentence that also states a firm limit ("in any event", "uiterlijk"), nor a text
    // that says what happens when the month is not met as art. 12(3) does: the person hears it within that month,
    // with the reason (announcedDelay; the v4 probe: "Wij proberen binnen een maand te reageren; lukt dat niet, dan
    // hoort u dat binnen die maand met de reden").
    kind: 'responseTimeHedged',
    article: 'GDPR 12(3)',
    pattern: new RegExp(
      String.raw`\b${hedgeWords}${hedgeReach}${termOfAnswer}|${termOfAnswer}\s*,?\s*${hedgeWords}`,
      'i',
    ),
    lawfulIf: /in (?:elk|ieder) geval|uiterlijk|at the latest|in any (?:event|case)|no later than/i,
    lawfulIfInText: announcedDelay,
  },
  {
    // Art. 18(1): restriction in four cases: (a) accuracy contested, (b) processing unlawful, (c) the data needed
    // by the person for legal claims, (d) objection pending. A note that gives the right "only" in some of them
    // (Doctolib: three, not the objection) narrows it. Counted by groundWords below.
    kind: 'restrictionGrounds',
    article: 'GDPR 18(1)',
    right: 'restriction',
    pattern: new RegExp(String.raw`\b${only}\b`, 'i'),
  },
  {
    // Art. 17(1): erasure in six cases (no longer necessary, consent withdrawn, an objection, unlawful processing,
    // a legal obligation, a child's online service); inaccurate data is art. 16 (rectification) and 18(1)(a). An
    // erasure text that gives the right on condition that the data is incorrect, naming none of those cases
    // (the cosmetic clinic: "Blijkt dat gegevens over u onjuist zijn, dan hebt u het recht die … te laten
    // verwijderen"), narrows it. Not a text that names another case too: then incorrect data is one case more.
    kind: 'erasureIncorrectOnly',
    article: 'GDPR 17(1)',
    right: 'erasure',
    pattern:
      /\b(?:als|indien|wanneer|blijkt|if|where|when|should)\b[^.;!?]{0,60}?\b(?:onjuist|incorrect|inaccurate|wrong|niet (?:juist|correct))\w*\b[^.;!?]{0,80}?\b(?:verwijder|wis|vernietig|remov|delet|eras|destroy)\w*/i,
    lawfulIfInText:
      /niet (?:meer )?nodig|no longer (?:necessary|needed)|toestemming|consent|onrechtmatig|unlawful|bezwaar|object|wettelijke (?:plicht|verplichting) (?:om|tot) (?:te )?(?:wissen|verwijderen)|legal obligation to (?:erase|delete)/i,
  },
  {
    // Art. 21(1): the person objects on grounds relating to their particular situation, and the controller then
    // stops unless it demonstrates compelling legitimate grounds that override them; against direct marketing
    // (21(2), (3)) no reason at all is needed. A text that stops the processing only if the person has "a valid
    // reason" (Dental Clinics) or believes the organisation lacks the proper grounds (IES) puts on the person
    // what the law puts on the organisation.
    kind: 'objectionBurden',
    article: 'GDPR 21(1)',
    right: 'objection',
    pattern: new RegExp(
      [
        String.raw`\b(?:als|indien|wanneer) (?:je|u) (?:een )?(?:geldige|goede|gegronde|gerechtvaardigde|zwaarwegende|dwingende) (?:reden|redenen|grond|gronden) (?:hebt|heeft|heb|kunt (?:geven|aantonen|noemen))`,
        String.raw`\b(?:als|indien|wanneer) (?:je|u) (?:van mening bent|vindt|meent|denkt) dat (?:wij|we) [^.;!?]{0,25}?\b(?:niet|geen)\b[^.;!?]{0,30}?\b(?:gronden|grond|grondslag|grondslagen|redenen|reden)\b`,
        String.raw`\bif you (?:have|can (?:give|show|demonstrate|provide)) (?:a )?(?:valid|good|legitimate|justified|compelling|sound) (?:reasons?|grounds?)`,
        String.raw`\bif you (?:believe|think|consider|feel) (?:that )?we (?:do not|don't|did not|lack)\b[^.;!?]{0,30}?\b(?:grounds?|basis|reasons?)\b`,
      ].join('|'),
      'i',
    ),
  },
];

/** Days in each unit of a term the responseTime pattern finds; one month is at most 31 days (responseTimeLimitDays). */
export const termUnitDays: Readonly<Record<string, number>> = {
  dag: 1,
  dagen: 1,
  day: 1,
  days: 1,
  werkdagen: 7 / 5,
  'working days': 7 / 5,
  'business days': 7 / 5,
  week: 7,
  weken: 7,
  weeks: 7,
  maand: 30,
  maanden: 30,
  month: 30,
  months: 30,
};

/** Numbers written as words, as the responseTime pattern finds them. */
export const numberWords: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  een: 1,
  één: 1,
  one: 1,
  twee: 2,
  two: 2,
  drie: 3,
  three: 3,
  vier: 4,
  four: 4,
  vijf: 5,
  five: 5,
  zes: 6,
  six: 6,
  zeven: 7,
  seven: 7,
  acht: 8,
  eight: 8,
  negen: 9,
  nine: 9,
  tien: 10,
  ten: 10,
  twaalf: 12,
  twelve: 12,
};

/** The four cases of art. 18(1), as the words a note uses for each. */
export const restrictionGroundWords: readonly RegExp[] = [
  /juist|nauwkeurig|accura|correctness|incorrect/i,
  /onrechtmatig|onwettig|unlawful|illegal|niet rechtmatig/i,
  /rechtsvordering|rechtszaak|in rechte|juridische procedure|legal claims?|legal proceedings|defen[cs]e of/i,
  /bezwaar|object/i,
];
