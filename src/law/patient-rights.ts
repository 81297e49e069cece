import { researchArticleWgbo } from './dutch-care-law.js';

/**
 * The patient's rights over the medical file under the WGBO (Wet op de
 * geneeskundige behandelingsovereenkomst, Burgerlijk Wetboek book 7,
 * title 7, section 5), as data. For a care provider these take precedence
 * over the general GDPR wording for erasure and access (legal-review.md
 * item 1; UAVG art. 5 does not replace them). The texts live in
 * locales/<lang>/terms.json under patientRight.<id>; sources are the
 * articles of the Burgerlijk Wetboek on wetten.overheid.nl. One right comes
 * from the Wabvpz (electronic access where data is exchanged between care
 * providers), shown only where the policy names an exchange system.
 */
export type PatientRightId =
  | 'destruction'
  | 'statement'
  | 'inspection'
  | 'electronicAccess'
  | 'confidentiality'
  | 'researchObjection'
  | 'minors'
  | 'representatives'
  | 'deceased';

export interface PatientRightFacts {
  id: PatientRightId;
  /** The articles that grant the right (of the Burgerlijk Wetboek, unless another law is named). */
  articles: readonly string[];
  source: string;
  /**
   * Shown only when a purpose cites this provision (by the WGBO's id and an
   * article matching the pattern); otherwise for every care provider.
   */
  whenCited?: RegExp;
  /**
   * Shown only when the policy names an electronic exchange system among its
   * processors or recipients (law/dutch-care-law.ts namesExchangeSystem, as
   * wabvpz/exchange-consent-missing finds it).
   */
  whenExchangeSystem?: boolean;
  /**
   * The form the law gives the patient's request, where it gives one: 'writtenOrElectronic' (BW 7:455(1)). The
   * notice's description of the right says so, and where the notice says that a request may be made in any way
   * (notice:rights.anyWay), it names this right as the exception (notice:rights.anyWayExcept).
   */
  requestForm?: 'writtenOrElectronic';
  /** A fact recalled but not confirmed in a primary source. */
  verify?: string;
}

const bw7 = 'https://wetten.overheid.nl/BWBR0005290/';

export const patientRights: readonly PatientRightFacts[] = [
  // 7:457, read in the consolidation of 2026-07-01 (vendored as for 7:455 below). Lid 1: "… draagt de hulpverlener
  // zorg, dat aan anderen dan de patiënt geen inlichtingen over de patiënt dan wel inzage in of afschrift van de
  // gegevens uit het dossier worden verstrekt dan met toestemming van de patiënt. […] De verstrekking kan geschieden
  // zonder inachtneming van de beperkingen, bedoeld in de voorgaande volzinnen, indien het bij of krachtens de wet
  // bepaalde daartoe verplicht." Lid 2: "Onder anderen dan de patiënt zijn niet begrepen degenen die rechtstreeks
  // betrokken zijn bij de uitvoering van de behandelingsovereenkomst en degene die optreedt als vervanger van de
  // hulpverlener, voor zover de verstrekking noodzakelijk is voor de door hen in dat kader te verrichten
  // werkzaamheden." Lid 3: "Daaronder zijn evenmin begrepen degenen wier toestemming ter zake van de uitvoering van
  // de behandelingsovereenkomst op grond van de artikelen 450 en 465 is vereist." The notice states all three: it said
  // "only with your consent" alone, beside recipients that get data because a law requires it (patient3 review, F1).
  // It names no example of such a law: which disclosures a law requires (to an insurer, for billing) is not read here.
  // First in the list: the summary's 'Wie ziet uw dossier?' links to the list, and its answer stood fourth, a phone
  // screen below where the link lands (patient4 review, F3).
  { id: 'confidentiality', articles: ['BW 7:457'], source: bw7 },
  // 7:455: destruction on the request; refused only when keeping the file is of considerable importance to someone
  // other than the patient, or a statutory provision prevents it. The 20-year term of 7:454(3) is not such a ground.
  // The request is written or electronic (lid 1, quoted below: "na een daartoe strekkend schriftelijk of elektronisch
  // verzoek"): a request made in person at the desk does not oblige the care provider (verify2 review, item 1). The
  // other rights in this list have no form prescribed: 7:454(2) and 7:456 ("desgevraagd"), 7:458(2)(c) ("niet
  // uitdrukkelijk bezwaar heeft gemaakt") and Wabvpz 15d ("op verzoek van de cliënt"), read in the consolidations
  // named in this file on 2026-12-07; nor have the rights of the GDPR (law/rights-limits.ts, the 'channel' narrowing).
  {
    id: 'destruction',
    articles: ['BW 7:455'],
    source: bw7,
    requestForm: 'writtenOrElectronic',
    // The text in force since 2020-01-01 (BW Boek 7 as consolidated on 2026-07-01, vendored verbatim from
    // wetten.overheid.nl in rubentalstra/FerroEHR docs/law/nl/bw7-geneeskundige-behandelingsovereenkomst/text.html)
    // reads "1. De hulpverlener vernietigt de gegevens uit het dossier na een daartoe strekkend schriftelijk of
    // elektronisch verzoek van de patiënt." and "2. Lid 1 geldt niet voor zover het verzoek gegevens betreft waarvan
    // redelijkerwijs aannemelijk is dat de bewaring van aanmerkelijk belang is voor een ander dan de patiënt, alsmede
    // voor zover het bepaalde bij of krachtens de wet zich tegen vernietiging verzet." The three months of the
    // 1995 text ("binnen drie maanden", as in the 2015 consolidation) are no longer in it, so the notice names no
    // term for the destruction (it said "Wij doen dat binnen drie maanden").
    verify: 'whether GDPR 12(3) sets the term for a request under 7:455 (the text since 2020 sets none) not confirmed',
  },
  // 7:454(2): a statement by the patient about the file is added at the patient's request.
  { id: 'statement', articles: ['BW 7:454(2)'], source: bw7 },
  // 7:456: inspection of and a copy of the file, refused only as far as another person's privacy would be harmed.
  { id: 'inspection', articles: ['BW 7:456'], source: bw7 },
  // Wabvpz art. 15d and 15e (Wet aanvullende bepalingen verwerking persoonsgegevens in de zorg; in force 1 July 2020,
  // added by the Wet cliëntenrechten bij elektronische verwerking van gegevens, Stb. 2016, 373). Read in the text in
  // force from 2025-07-05 (vendored verbatim from https://wetten.overheid.nl/BWBR0023864/2025-07-05 in
  // rubentalstra/FerroEHR docs/law/nl/wabvpz/text.html). 15d(1): "Indien de cliënt verzoekt om inzage of afschrift
  // van het dossier van de desbetreffende cliënt, of van de gegevens betreffende deze cliënt die de zorgaanbieder via
  // een elektronisch uitwisselingssysteem beschikbaar stelt, wordt de inzage of het afschrift op verzoek van de
  // cliënt, met redelijke tussenpozen, door de zorgaanbieder op elektronische wijze verstrekt." 15d(3): "De in het
  // eerste en tweede lid bedoelde elektronische inzage, en de in het eerste lid bedoelde elektronische afschriften,
  // worden kosteloos verschaft." 15e: "Onverminderd het bepaalde in artikel 15 van de Algemene verordening
  // gegevensbescherming, wordt in een afschrift als bedoeld in artikel 15d, eerste lid, op verzoek van de cliënt
  // opgenomen: a. wie bepaalde informatie via het elektronisch uitwisselingssysteem beschikbaar heeft gesteld en op
  // welke datum; b. wie bepaalde informatie heeft ingezien of opgevraagd en op welke datum." AVG Helpdesk Zorg
  // (https://www.avghelpdeskzorg.nl/onderwerpen/wabvpz/zorgverlener) says the Wabvpz concerns exchange systems, not
  // the provider's own record system; 15d(1)'s words ("het dossier ..., of van de gegevens ... die de zorgaanbieder
  // via een elektronisch uitwisselingssysteem beschikbaar stelt") also read as covering the whole file. Shown only
  // where the policy names an exchange system: true under both readings of the scope. (The brief that asked for
  // this put the log in 15d; the text puts it in 15e.)
  {
    id: 'electronicAccess',
    articles: ['Wabvpz 15d', 'Wabvpz 15e'],
    source: 'https://wetten.overheid.nl/BWBR0023864/',
    whenExchangeSystem: true,
    verify:
      'whether 15d(1) covers the whole file or only the data made available through an exchange system is read two ways',
  },
  // 7:458: data for scientific research without consent only if the patient has not objected: the patient is
  // told of the right to object where a purpose relies on this article (researchProvisions in dutch-care-law.ts).
  { id: 'researchObjection', articles: ['BW 7:458'], source: bw7, whenCited: researchArticleWgbo },
  // Minors: under 12 the parents or guardian act (7:465(1)); from 16 the minor acts alone (7:447). From 12 to 15
  // the minor exercises the file rights; whether the parents with authority (or the guardian) may also inspect is
  // read two ways. AVG Helpdesk Zorg (https://www.avghelpdeskzorg.nl/onderwerpen/jeugd/147---inzage): only with the
  // minor's consent, unless they must consent to a treatment themselves (treatment needs the consent of both: 7:450).
  // GGZ Centraal and KNMG-style guidance: the parents may ask as well, and the care provider refuses what conflicts
  // with the care of a good care provider (7:465(4)), for example when a competent minor objects. The notice says
  // only what is true under both readings: the minor exercises the rights; parents may ask; the provider refuses
  // where that does not fit good care (the Dutch privacy lawyer's review of 2026-12-06, item 4). (The wording
  // before that, "the parents inspect only with the child's consent", stated the first reading as fact; the one
  // before it, "child and parents together", was the treatment rule, not the file's.) 7:465(2) (quoted under
  // parentsActForChildUnder below): a child of 12 or older who cannot reasonably judge its interests is also
  // represented by the parents or guardian; the notice says so (patient3 review: the erasure right's pointer for a
  // parent states it, and the bullet said 'from 16 the child exercises its rights alone' without it).
  // 7:457 too: its lid 3 (quoted above) is what lets the parents whose consent a treatment needs (7:450, 7:465) see
  // the file or get a copy ("inzage in of afschrift"), so the list and the access right say 'inzage of een kopie'
  // (patient4 review, F1; the list said 'inzage' alone and cited no 7:457).
  { id: 'minors', articles: ['BW 7:447', 'BW 7:450', 'BW 7:457', 'BW 7:465'], source: bw7 },
  // An adult who cannot judge their own interests (7:465(2)–(5)), read in the consolidation of 2026-07-01 (vendored as
  // for 7:455 above). Lid 2: the same as for a child "indien de patiënt de leeftijd van twaalf jaren heeft bereikt, maar
  // niet in staat kan worden geacht tot een redelijke waardering van zijn belangen ter zake, tenzij zodanige patiënt
  // meerderjarig is en onder curatele staat of ten behoeve van hem het mentorschap is ingesteld, in welke gevallen
  // nakoming jegens de curator of de mentor geschiedt." Lid 3: for an adult without either, "de persoon die daartoe door
  // de patiënt schriftelijk is gemachtigd in zijn plaats op te treden. Ontbreekt zodanige persoon, of treedt deze niet
  // op, dan worden de verplichtingen nagekomen jegens de echtgenoot, de geregistreerde partner of andere levensgezel van
  // de patiënt, tenzij deze persoon dat niet wenst, dan wel, indien ook zodanige persoon ontbreekt, jegens een ouder,
  // kind, broer, zus, grootouder of kleinkind van de patiënt, tenzij deze persoon dat niet wenst." Lid 4: not "indien
  // die nakoming niet verenigbaar is met de zorg van een goed hulpverlener". Lid 5: the representative "betracht de zorg
  // van een goed vertegenwoordiger" and involves the patient "zoveel mogelijk". Lid 3 moves on from the partner to the
  // family 'indien ook zodanige persoon ontbreekt': the notice says that condition ('Is er ook geen partner?') and not
  // whether the family acts where a partner does not wish to, which the text does not say in so many words. The block named who acts for a child only (notice8 review, finding 8).
  { id: 'representatives', articles: ['BW 7:465(2)', 'BW 7:465(3)', 'BW 7:465(4)', 'BW 7:465(5)'], source: bw7 },
  // 7:458a (in force 1 January 2020, Kamerstukken 34 994), read in the consolidation of 2026-07-01 (vendored as for
  // 7:455 above): after death, inspection of or a copy of data from the file (1) for (a) whom the patient gave
  // consent while alive, "indien die toestemming schriftelijk of elektronisch is vastgelegd"; (b) a relative or
  // representative who received an incident notification under art. 10(3) Wkkgz; (c) anyone who has a substantial
  // interest ("zwaarwegend belang") and makes plausible that inspection is necessary for it. (2) Whoever had
  // authority over a patient who died under 16 gets inspection or a copy, "tenzij dit in strijd is met de zorg van een
  // goed hulpverlener". (3) Only the data that concern the ground. (4) For every route of the article: "Op grond van
  // dit artikel worden geen gegevens verstrekt voor zover schriftelijk of elektronisch is vastgelegd dat de overleden
  // patiënt die de leeftijd van twaalf jaar had bereikt en tot een redelijke waardering van zijn belangen ter zake in
  // staat was, deze inzage niet wenst, of daarbij de persoonlijke levenssfeer van een ander wordt geschaad." The
  // notice said the patient's refusal for route (c) only, without lid 2's exception and lid 4's privacy of another
  // (verify2 review, item 8). The presumed consent of the earlier case law is not in the article: the legislator
  // dropped it.
  // 7:458b (in force 1 January 2020 with 7:458a), read in the same consolidation of 2026-07-01 (vendored as for 7:455
  // above): lid 1 "Indien op grond van artikel 458a, lid 1, onderdeel c, om inzage in of afschrift van gegevens uit
  // het dossier van een overleden patiënt wordt gevraagd vanwege een vermoeden van een medische fout en de
  // hulpverlener de gevraagde inzage of het gevraagde afschrift niet verstrekt, verstrekt de hulpverlener op verzoek
  // van degene die om de inzage of het afschrift heeft gevraagd inzage in of afschrift van de gegevens aan een door de
  // verzoeker aangewezen onafhankelijke arts." Lid 2: "De arts, bedoeld in lid 1, beoordeelt of het niet verstrekken
  // van de inzage of het afschrift gerechtvaardigd is. Indien de arts van oordeel is dat het niet verstrekken niet
  // gerechtvaardigd is, verstrekt de hulpverlener alsnog inzage of afschrift aan de verzoeker." Only for route (c), the
  // substantial interest, so the notice names that route; the item did not say what a refused relative could do
  // (notice8 review, finding 7).
  { id: 'deceased', articles: ['BW 7:458a', 'BW 7:458b'], source: bw7 },
];

/**
 * BW 7:465(1): for a patient under this age the care provider meets its obligations (the file rights among them)
 * towards the parents with authority or the guardian. 7:465(2): "Hetzelfde geldt indien de patiënt de leeftijd van
 * twaalf jaren heeft bereikt, maar niet in staat kan worden geacht tot een redelijke waardering van zijn belangen ter
 * zake" (the consolidation of 2026-07-01, vendored as for 7:455 above). 7:465(4): "De hulpverlener komt zijn
 * verplichtingen na jegens de in de leden 1 en 2 bedoelde wettelijke vertegenwoordigers van de patiënt […], tenzij die
 * nakoming niet verenigbaar is met de zorg van een goed hulpverlener." The erasure right's pointer for a parent
 * (terms:right.erasure.child) states all three: a parent's request to destroy the child's file is refused where that
 * does not fit good care for the child (verify2 review, item 4).
 */
export const parentsActForChildUnder = 12;
