import type { Language } from '../policy/policy-types.js';
/**
 * Wording in a statement's own texts that the law does not allow, as
 * patterns per language (Dutch and English). The rules in
 * check/wording-rules.ts read them.
 */

/**
 * Refusing to destroy the medical file "for good care". BW 7:455: the care
 * provider destroys the file on request, unless keeping it
 * is reasonably of considerable interest to someone other than the patient, or
 * a statutory provision opposes destruction. The provider's own view of good
 * care is not a ground.
 */
export const goodCareWords =
  /goede zorg|goed hulpverlener|goede hulpverlening|zorgvuldige zorg|kwaliteit van (de )?zorg|good care|proper care|quality of care|good healthcare/i;

/**
 * A sentence where the request or the file is a representative's, per language: a parent, guardian or other
 * representative asks ("Vraag je als ouder om vernietiging", "een verzoek van de wettelijk vertegenwoordiger", "if
 * you ask as a parent", "a request from a minor's legal representative"), or the file is the child's ("het dossier
 * van je kind", "your child's file"). Towards the representative of a child under 12, or of an older child who
 * cannot judge its interests, the care provider does not comply where that does not fit the care of a good care
 * provider: BW 7:465(4), quoted in law/patient-rights.ts (parentsActForChildUnder), and the notice says it
 * (terms:right.erasure.child). A refusal "for good care" in such a sentence is that rule, not a refusal towards the
 * patient (privacy officer's review 8, D6). A mere word for a parent or child is not enough: "Ben je 16 jaar of
 * ouder" is the patient's age, and "een erfelijke aandoening die ook voor je kinderen van belang is" the reason to
 * refuse the patient (secondread9 S1). Dutch "ouder" counts as a parent only after "als", an article or a possessive, and not before "dan" ("ben je ouder
 * dan 16").
 */
const dutchRepresentative = String.raw`(\b(als|de|een|uw|je|jouw|zijn|haar|hun) (gezaghebbende )?ouder(?! (dan|bent|is|wordt|worden)\b)|\bouders|\bvoogd(en)?|\bgezaghebbende|\b(wettelijke? )?vertegenwoordigers?)\b`;
const englishRepresentative = String.raw`\b(parents?|guardians?|(legal )?representatives?)\b`;
export const representativeWords: Readonly<Record<Language, RegExp>> = {
  nl: new RegExp(
    [
      String.raw`${dutchRepresentative}[^.;!?\n]{0,40}?\b(?<!\b(je|uw|jouw) )(vraagt|vragen|vroeg|vraag|verzoek\w*)\b`,
      String.raw`\b(vraagt|vragen|vroeg|vraag|verzoek\w*)\b[^.;!?\n]{0,20}?\b(als|van|door|namens)\b[^.;!?\n]{0,20}?${dutchRepresentative}`,
      String.raw`\b(dossiers?|gegevens) van (uw|je|jouw|het|een|hun|zijn|haar) (minderjarige )?(kind(eren)?|minderjarige)\b`,
    ].join('|'),
    'i',
  ),
  en: new RegExp(
    [
      String.raw`${englishRepresentative}[^.;!?\n]{0,40}?\b(?<!\byour )(asks?|asked|requests?|requested)\b`,
      String.raw`\b(asks?|asked|requests?|requested)\b[^.;!?\n]{0,20}?\b(as|from|by|of|on behalf of)\b[^.;!?\n]{0,20}?${englishRepresentative}`,
      String.raw`\b(child|children|minor)['\u2019]s (medical )?(files?|records?|data)\b`,
      String.raw`\b(files?|records?|data) of (your|a|the|their|his|her) (minor )?(child(ren)?|minors?)\b`,
    ].join('|'),
    'i',
  ),
};

/**
 * A retention duty given as the reason to keep data after an erasure request
 * ("als er geen andere reden is om je gegevens te bewaren, zoals een wettelijke
 * plicht"; Dental Clinics). At a care provider the reader takes it to cover the
 * medical file, whose retention term (BW 7:454(3)) is no ground to refuse its
 * destruction (7:455): only a statutory provision that opposes destruction, or
 * a considerable interest of someone else, is. A retention period alone
 * ("voordat de bewaartermijn is verstreken"; iPractice) is not a duty.
 */
export const retentionDutyWords =
  /\bwettelijke (bewaar)?(verplichting|plicht)(en)?\b|\bbewaarplicht(en)?\b|\bwettelijke bewaartermijn(en)?\b|\blegal (obligation|duty|retention (period|obligation))s?\b|\bstatutory (duty|obligation|retention)\b|\bretention (duty|obligation)\b/i;

/**
 * The medical file's own retention term, in the sentence that gives retentionDutyWords as the reason to keep data:
 * the WGBO (or BW 7:454) by name, its twenty years, or a retention term or duty ('bewaartermijn', 'bewaarplicht') in
 * a sentence that names the (medical) file anywhere ("Uw verzoek om vernietiging van uw dossier kunnen wij niet
 * honoreren zolang de wettelijke bewaartermijn van 15 jaar loopt", "een wettelijke bewaarplicht voor uw medisch
 * dossier": secondread9 S2; older statements still give the 15 years of before 2020). Only then is the
 * duty the file's term, which BW 7:455 lets no refusal rest on. A legal duty in general ("als er geen andere reden
 * is om je gegevens te bewaren, zoals een wettelijke plicht"; Dental Clinics) is a ground to refuse erasure: GDPR
 * 17(3)(b), and for the file itself 7:455(2), "het bepaalde bij of krachtens de wet" that opposes destruction
 * (privacy officer's review 8, D1).
 */
const medicalFile = {
  nl: String.raw`\b((medische? |pati[eë]nten|pati[eë]nt|cli[eë]nten|cli[eë]nt)?dossiers?|medische gegevens)\b`,
  en: String.raw`\b((medical|patient|client|health) (files?|records?)|your file)\b`,
};
const fileRetention = {
  nl: String.raw`\bbewaar(termijn|plicht)(en)?\b`,
  en: String.raw`\bretention (period|term|duty|obligation)s?\b`,
};
export const medicalFileTermWords = new RegExp(
  [
    String.raw`\bWGBO\b`,
    String.raw`\bwet (op de )?geneeskundige behandelingsovereenkomst\b`,
    String.raw`\bmedical treatment (contracts? )?act\b`,
    String.raw`\b7:454\b`,
    String.raw`\b(20|twintig) jaar\b`,
    String.raw`\b(20|twenty)[ -]years?\b`,
    String.raw`${medicalFile.nl}[^.;!?\n]*?${fileRetention.nl}|${fileRetention.nl}[^.;!?\n]*?${medicalFile.nl}`,
    String.raw`${medicalFile.en}[^.;!?\n]*?${fileRetention.en}|${fileRetention.en}[^.;!?\n]*?${medicalFile.en}`,
    String.raw`\bretention (period|term) (of|for) (the |your )?(medical |patient |client )?(files?|records?)\b`,
    String.raw`\b(file|record)s?'?s? retention (period|term)\b`,
  ].join('|'),
  'i',
);

/**
 * A cookie category's own text that says its cookies are placed only with consent: consent as the condition for
 * placing them ("alleen als je daarvoor toestemming geeft", "pas nadat je akkoord gaat", "met je toestemming", "only
 * if you give your consent", "with your prior consent", "niet zonder je toestemming"), or as what is asked ("wij
 * vragen eerst je toestemming", "consent is asked", "we ask for your consent"). A consent word after any 'als' or
 * 'when' is not enough: "Wij plaatsen deze cookies als je onze website bezoekt en je kunt je toestemming later
 * intrekken" places them on the visit, and "die je accepteert bij hun diensten" is someone else's terms (secondread9
 * D2). Read one sentence at a time, where explicitConsentNegations (law/dutch-care-law.ts) must not deny it ("zonder
 * je toestemming", "geen toestemming nodig"), nor impliedCookieConsentWords make browsing the consent. Telecommunicatiewet
 * art. 11.7a asks the consent; the text that says so states it as well as consentRequired does (privacy officer's
 * review 8, S7).
 */
export const cookieConsentWords = new RegExp(
  [
    String.raw`\b(alleen|uitsluitend|enkel|pas)\b[^.;!?\n]{0,40}?\b(als|nadat|wanneer|indien|zodra|met)\b(?:(?!\b(en|maar|of)\b)[^.;!?\n]){0,40}?\b(toestemming|akkoord|instem\w*)`,
    String.raw`\b(met|zonder) (je|uw|jouw) (voorafgaande |uitdrukkelijke |expliciete )?toestemming\b`,
    String.raw`\b(nadat|zodra) (je|u) (daarvoor |hiervoor |ons )?(toestemming|akkoord)\b`,
    String.raw`\btoestemming\b[^.;!?\n]{0,40}?\b(gevraagd|vragen|vraagt)\b`,
    String.raw`\b(vragen|vraagt|vroegen)\b[^.;!?\n]{0,30}?\b(je|uw|jouw) (voorafgaande |uitdrukkelijke |expliciete )?toestemming\b`,
    String.raw`\bonly\b[^.;!?\n]{0,40}?\b(if|after|once|when|with)\b(?:(?!\b(and|but|or)\b)[^.;!?\n]){0,40}?\b(consent|accept\w*|agree\w*)`,
    String.raw`\b(with|without) your (prior |explicit |express )?consent\b`,
    String.raw`\bask(s|ed)? (for )?your (prior |explicit |express )?consent\b`,
    String.raw`\bconsent\b[^.;!?\n]{0,40}?\b(asked|requested)\b`,
  ].join('|'),
  'i',
);

/**
 * Browsing or using the site as the consent ("als je verder surft", "door het gebruik van deze website", "if you
 * continue to use our site", "by using"): the cookie wall that Telecommunicatiewet art. 11.7a rules out, as consent is
 * an active, unambiguous act (GDPR 4(11); CJEU C-673/17, Planet49). A sentence with these words never says that a
 * cookie category's consent is asked (cookieConsentWords; secondread9 D2).
 */
export const impliedCookieConsentWords =
  /\bverder (te )?(surf|gaa?t|gaan|klik|brows)\w*|\bdoor (het )?(verdere? )?(gebruik|bezoek|surf)\w*|\b(blijft|blijven) (gebruiken|bezoeken|surfen)\b|\bcontinu\w* (to )?(use|using|browse|browsing|visit\w*)\b|\bby (continuing to )?(use|using|browsing|visiting)\b|\bfurther use\b/i;

/**
 * The EU-US (and Swiss-US) Privacy Shield, which the CJEU invalidated on 16 July 2020 (C-311/18, Schrems II):
 * a text that still relies on it, or offers its arbitration, tells the reader something no longer true.
 */
export const privacyShieldWords = /\bprivacy[\s-]?shield\b/i;

/**
 * A text that only names the Privacy Shield ('EU-US and Swiss-US Privacy Shield Frameworks.', 'EU-VS en Zwitsers-VS
 * Privacy Shield Frameworks.'): as the statement's explanation of the ground, it explains nothing (English review 2,
 * finding 12). The register keeps it beside the ground.
 */
export const privacyShieldNameOnly =
  /^(?:\s|[,.;:]|\b(?:the|het|de|and|en|eu-us|eu-vs|swiss-us|zwitsers-vs|us|vs|privacy[\s-]?shield|frameworks?|principles?|principes)\b)*$/i;

/** A text that speaks of the Privacy Shield as past, or as the Data Privacy Framework's predecessor: not reported. */
export const privacyShieldPastWords =
  /\b(ongeldig\w*|invalid\w*|niet (meer|langer)|no longer|voorheen|vroeger|formerly|previously|former|data privacy framework)\b/i;

/**
 * An own text that sends the reader to the organisation's own website ('onze website', 'our website'): not any
 * website, as 'de website van de Autoriteit Persoonsgegevens' is not one the notice owes (final read, finding 1).
 */
export const ownWebsiteWords = /\b(?:onze|our)\s+websites?\b/i;

/**
 * An own text that points to a cookie policy elsewhere ('meer lees je in ons cookiebeleid', 'our cookie policy tells
 * you more'): the notice gives its address only from cookies.policyUrl (notice8 review, finding 16: iPractice's
 * pointed nowhere). Not a text that calls the notice itself the cookie statement ('Dit is onze privacy- en
 * cookieverklaring') or says there is no separate one ('Wij hebben geen apart cookiebeleid'; secondread9 D3).
 */
export const cookiePolicyPointer: Readonly<Record<Language, { pointsElsewhere: RegExp; notElsewhere: RegExp }>> = {
  nl: {
    pointsElsewhere: /\b(?:ons|onze|het|de|zie)\s+(?:aparte\s+|afzonderlijke\s+)?cookie-?(?:beleid|verklaring)\b/i,
    notElsewhere:
      /\bgeen\s+(?:apart|afzonderlijk)e?\s+cookie|\b(?:deze|dit is (?:ons|onze|het|de))\s+(?:privacy-\s+en\s+)?cookie-?(?:beleid|verklaring)\b/i,
  },
  en: {
    pointsElsewhere: /\b(?:our|the|see)\s+(?:separate\s+)?cookie[\s-](?:policy|statement|notice)\b/i,
    notElsewhere:
      /\bno\s+(?:separate\s+)?cookie[\s-](?:policy|statement|notice)\b|\b(?:this|this is (?:our|the))\s+(?:privacy and\s+)?cookie[\s-](?:policy|statement|notice)\b/i,
  },
};

/** Words for erasure or destruction, to find the good-care refusal in rights texts that are not about erasure alone. */
export const erasureWords = /vernietig|verwijder|wissen|destroy|destruction|delet|erase|erasure/i;

/**
 * "By continuing to use the site you agree": consent is a clear affirmative
 * act (GDPR 4(11), 7(1)); silence or inactivity is no consent (recital 32;
 * CJEU C-673/17, Planet49). Continued use is not an affirmative act.
 */
export const continuedUseConsent = [
  /\b(door|bij) (het )?(verder(e)? |voortgezet |blijvend )?(gebruik|bezoek)\w*[^.]{0,80}?\b(stem(t|\s)|ga(at)? (je|u)|geef(t)? (je|u))[^.]{0,40}?(akkoord|toestemming|in\b)/i,
  // Only where the sentence says the reader agrees ("… betekent dit dat u akkoord gaat"; IES), for any
  // product: "Als u onze app blijft gebruiken, kunt u uw toestemming intrekken" is no such claim.
  /\bals (je|u) (deze|onze) \w+ (blijft|blijven) (gebruiken|bezoeken)[^.]{0,60}?\b((je|u) akkoord gaat|ga(at)? (je|u) akkoord|stem(t)? (je|u) in|(je|u) instemt|geef(t)? (je|u) (daarmee |hiermee )?toestemming|(je|u) (daarmee |hiermee )?toestemming geeft)/i,
  // "Als je verder surft op onze website, ga je akkoord met deze cookies", "Door verder te klikken geeft u toestemming":
  // the cookie wall in its Dutch words (secondread9, reported by the fix9b helper).
  /\b(als (je|u) (verder (surft|gaat|klikt|navigeert|browst)|doorgaat|doorklikt)|door verder te (surfen|gaan|klikken|navigeren|browsen))\b[^.]{0,80}?\b(ga(at)? (je|u) akkoord|(je|u) akkoord gaat|stem(t)? (je|u) in|(je|u) instemt|geef(t)? (je|u) (daarmee |hiermee )?toestemming|(je|u) (daarmee |hiermee )?toestemming geeft)/i,
  /\bby (continuing to |further )?(us(e|ing)|brows(e|ing)|visit(ing)?)[^.]{0,80}?\byou (hereby )?(agree|consent|accept)/i,
  /\bif you continue (to use|using|to visit|visiting|to browse|browsing)\b[^.]{0,80}?\byou (hereby |thereby )?(agree|consent|accept)/i,
  /\b(continued|further) use of (this|our|the) [^.]{0,60}?(constitutes|means|signifies|implies) (your )?(acceptance|agreement|consent)/i,
];

/**
 * Hedging words that leave the reader guessing (GDPR 12(1): clear and plain
 * language; WP260 rev.01 para. 13 lists "may", "might", "some", "often" and
 * "possible" as qualifiers to avoid). The issue asked for these five; other
 * qualifiers are left out to keep false alarms down, and so are uses that
 * are not hedges.
 */
export const vagueWords = new RegExp(
  [
    String.raw`\b(waarschijnlijk|probably)\b`,
    // Not "bij wet bepaalde" or "wettelijk bepaalde" (laid down by law).
    String.raw`(?<!\b(wet\w*|bij \w+|krachtens \w+) )\bbepaalde\b`,
    // Not feasibility ("of behandeling mogelijk is"), "zo snel mogelijk" or "niet mogelijk".
    String.raw`(?<!\b(zo \w+|niet) )\bmogelijk\b(?! (is|zijn|was|wordt)\b)(?!\s*[.,;:)])`,
    // Not "make certain" or "be certain".
    String.raw`(?<!\b(make|be|is|are) )\bcertain\b`,
  ].join('|'),
  'i',
);

/**
 * Hedges that take back what a transfer text says about countries outside the EEA (officer11, item 6: iPractice's
 * "In principe geven we nooit persoonsgegevens door naar landen buiten de EU. Is dat toch nodig, …"): art. 13(1)(f)
 * asks whether data goes there, and on which ground. Read only in the transfer texts: "in principe 20 jaar" is the
 * medical file's own term (BW 7:454(3)), no hedge.
 */
export const transferHedgeWords =
  /\b(in principe|in beginsel|doorgaans|normaal gesproken|in de regel|in principle|as a rule|usually|normally)\b/i;

/** Legal forms in a registered name (Dutch and common foreign ones), and public bodies, that identify a legal entity. */
export const legalFormWords =
  /\b(b\.?\s?v\.?|n\.?\s?v\.?|stichting|vereniging|co[öo]peratie|u\.?a\.?|maatschap|v\.?o\.?f\.?|c\.?v\.?|gemeente|provincie|ggd|ministerie|sas|sa|s\.a\.|gmbh|ag|ltd\.?|limited|llc|inc\.?|plc|bv|nv|vof)\b/i;

/**
 * A referral: data about the person that the care provider receives from
 * the referring GP or other provider, not from the person. Art. 14 applies to
 * data obtained elsewhere, and 14(2)(f) asks for its source (legal review,
 * "Checks missing" item 11). Tight on purpose: "verwijzing" alone also means
 * a link or a cross-reference.
 */
export const referralWords =
  /\bverwijsbrie(f|ven)\b|\bverwijzers?\b|\bverwijzende (huis)?arts(en)?\b|\bverwijzende zorgverlener(s)?\b|\bverwijzing van (je|uw|de) (huisarts|arts|specialist|zorgverlener)\b|\breferral letters?\b|\breferring (GP|doctor|physician|practitioner|care provider)s?\b/i;

/**
 * A purpose that promotes products or services: direct marketing, against
 * which objection is absolute (GDPR 21(2)–(3)). Tight on purpose: service
 * messages ("informeren over wijzigingen in onze dienstverlening"),
 * invitations and commercial references to others are not matched; "promotie"
 * alone is also a doctorate in Dutch.
 */
export const promotionWords = new RegExp(
  [
    String.raw`\bnieuwsbrie(f|ven)\b`,
    String.raw`\bnieuwe (producten|diensten)\b`,
    String.raw`\baanbied(en|ing)\w* van (aanvullende|andere|nieuwe) (producten|diensten)\b`,
    String.raw`\b(aanvullende|andere|nieuwe) (producten|diensten) (aan te )?(aan)?bieden\b`,
    String.raw`\bmarketing`,
    String.raw`\breclame`,
    String.raw`\bpromotione`,
    String.raw`\bnewsletters?\b`,
    String.raw`\bnew (products|services)\b`,
    String.raw`\boffer(ing)? (you )?(additional|other|new) (products|services)\b`,
    String.raw`\bpromot(e|es|ing|ion|ions|ional)\b`,
    String.raw`\badvertis`,
  ].join('|'),
  'i',
);

/**
 * How a Dutch statement names the people it cares for: 'cliënt' (youth and social care, mental-health
 * practices, midwives: Zorgburo, iPractice, BIB) or 'patiënt', also in compounds ('cliëntdossier',
 * 'patiëntenrechten'). Dutch texts only: English 'client' also means software ('client type').
 */
export const clientWords = /(?<![\p{L}\p{N}])cli[eë]nt/iu;
export const patientWords = /(?<![\p{L}\p{N}])pati[eë]nt/iu;

/**
 * A sharing text that says no one but the parties named receives the data: "met niemand anders",
 * "geen gegevens door aan andere partijen", "no one else", "never … to advertisers or other third
 * parties" (IES). Read one sentence at a time, together with othersMayWords and examplesWords: the
 * law asks the recipients (GDPR 13(1)(e)); whether those named are all of them is the author's to say
 * (recipientsComplete), so these only prompt.
 */
export const noOneElseWords = new RegExp(
  [
    String.raw`\bniemand anders\b`,
    String.raw`\bgeen (enkele )?(andere|overige) (derde )?(partij(en)?|derden|ontvangers|organisaties|bedrijven)\b`,
    String.raw`\b(geen|niet|nooit)\b[^.;!?\n]{0,80}?\b((andere|overige) (derde )?(partij(en)?|derden|ontvangers|organisaties|bedrijven)|(aan|met) anderen)\b`,
    String.raw`\b(no one|no-one|nobody) else\b`,
    String.raw`\bno other (third )?(part(y|ies)|recipients|organi[sz]ations|companies)\b`,
    String.raw`\b(not|never|n't)\b[^.;!?\n]{0,80}?\b((any )?other (third )?(part(y|ies)|recipients|organi[sz]ations|companies)|(with|to) (anyone|anybody) else)\b`,
  ].join('|'),
  'i',
);

/** In the same sentence as noOneElseWords: a condition under which others do receive the data ("tenzij", "zonder uw toestemming", "unless"), or "niet alleen" / "not only". */
export const othersMayWords =
  /\b(tenzij|zonder|behalve (als|wanneer|indien)|uitgezonderd|niet alleen|unless|without|except (if|when|where)|not only)\b/i;

/** Anywhere in the sharing text: the parties named are examples ("onder andere", "zoals", "such as"), not all. "zoals hieronder beschreven" ("as described below") is no example. */
export const examplesWords =
  /\b(onder andere|onder meer|o\.a\.|bijvoorbeeld|zoals(?! (hieronder|hierboven|beschreven|vermeld|genoemd))|among others|amongst others|such as|for example|for instance|e\.g\.|including)(?![\p{L}])/iu;

/**
 * A health insurer, the party a care provider sends its claims to (BIB verloskundigen: "Declareren bij de
 * zorgverzekeraars"). Not a liability, life, car or travel insurer ("aansprakelijkheidsverzekeraar" is one word and
 * not matched either).
 */
export const insurerWords =
  /\b(zorg)?verzekeraars?\b|(?<!\b(liability|indemnity|life|car|travel) )\binsurers?\b|\binsurance (compan(y|ies)|funds?)\b/i;

/** Claiming or invoicing: with insurerWords in one sentence, a purpose that bills the insurer. */
export const billingWords =
  /\bdeclar\w*|\bfactu\w*|\bnota'?s?\b|\brekening(en)?\b|\binvoic\w*|\bbill(s|ed|ing)?\b|\bclaims?\b|\bclaiming\b/i;

/**
 * In the same sentence as insurerWords and billingWords: the patient claims from their own insurer ("de factuur
 * dient u zelf in bij uw zorgverzekeraar", "which you can claim from your insurer"), or the provider does not bill
 * the insurer ("wij declareren niet bij uw zorgverzekeraar"). The insurer then receives nothing from the provider.
 * "Zelf" counts only after the patient ("wij declareren zelf bij uw zorgverzekeraar" is the provider billing), and
 * a negation only with the billing ("wat niet vergoed wordt door uw verzekeraar, factureren wij aan u" still bills).
 */
export const notInsurerBillingWords = new RegExp(
  [
    String.raw`\b(u|je|jij)\b[^.;!?\n]{0,30}?\bzelf\b`,
    String.raw`\byou\b[^.;!?\n]{0,30}?\byourself\b`,
    String.raw`\b(u|je|jij)\s+(kunt|kan|moet|dient|declareert|stuurt)\b`,
    String.raw`\b(die|deze|dat)\s+(u|je|jij)\b[^.;!?\n]{0,50}?\b(kunt|kan|moet|dient)\s+(declareren|indienen|insturen|opsturen|sturen)\b`,
    String.raw`\byou\s+((can|may|must|should|then)\s+)?(claim|submit|send|forward)\b`,
    String.raw`\b(niet|nooit|geen|not|never|no)\b[^.;!?\n]{0,30}?\b(declar|factu|stuur|stur|bill|invoic|send|claim)\w*[^.;!?\n]{0,40}?\b((zorg)?verzekeraars?|insurers?)\b`,
    String.raw`\b(declar|factur|stuur|stur)\w*(\s+(wij|we))?\s+(niet|nooit|geen)\b[^.;!?\n]{0,40}?\b(zorg)?verzekeraars?\b`,
  ].join('|'),
  'i',
);

/**
 * A copy of an identity document asked for with a rights request (Doctolib: "identificeer u met een kopie van een
 * identiteitsbewijs (identiteitskaart of paspoort)"). The Autoriteit Persoonsgegevens advises a masked copy, BSN and
 * photo made unreadable, where no law requires a full one (law/guidance.ts, idCopyAdvice).
 */
export const idCopyWords = new RegExp(
  [
    String.raw`\b(kopie|kopietje|scan|foto|afschrift)\b[^.;!?\n]{0,30}?\b(identiteitsbewijs|legitimatiebewijs|legitimatie|identiteitskaart|id-kaart|id-bewijs|paspoort|rijbewijs|identiteitsdocument)(en)?\b`,
    String.raw`\bkopie[\s-]?(id|paspoort|identiteitsbewijs|legitimatie)\b`,
    String.raw`\b(copy|copies|scan|photo(graph)?)\b[^.;!?\n]{0,30}?\b(identity (document|card)|ID( card| document)?|passport|driving licen[cs]e|driver'?s licen[cs]e)s?\b`,
  ].join('|'),
  'i',
);

/** Anywhere in a text with idCopyWords: the copy is to be masked ("BSN en pasfoto afschermen", "KopieID", "mask"). */
export const idCopyMaskedWords =
  /\b(afscherm\w*|afgeschermd\w*|onleesbaar|doorstre\w*|doorgestreept|kopieid|mask\w*|black(ed)? out|redact\w*|unreadable|cover(ed)? (up )?(your|the) (bsn|photo))\b/i;

/** In the same sentence as idCopyWords: no copy is asked for ("geen kopie", "no copy", "you do not need to send a copy"). */
export const noIdCopyWords =
  /\b(geen (kopie|scan|foto)|niet (om )?een (kopie|scan|foto)|no (copy|scan|photo)|not (ask|need|have) (for |to send )?a (copy|scan|photo))\b/i;

/**
 * A link's whole text that says nothing of where it goes ('hier', 'klik hier', 'lees meer'), read out alone in a
 * screen reader's list of links (WCAG 2.2 2.4.4 and 2.4.9; art. 12(1): clear and plain language). Matched against
 * the link's text, trimmed, without closing punctuation.
 */
export const vagueLinkTexts =
  /^(?:(?:klik )?hier|lees (?:hier )?meer|deze link|(?:click )?here|read more|this link|more|meer)$/i;

/**
 * A note that continues the line before it rather than standing as a sentence: only a condition ('Indien nodig.',
 * 'Where needed.'), or a phrase that opens with a preposition or a conjunction ('Voor overdrachten aan verwerkers.',
 * 'For transfers to processors.'; not 'als', 'if' and the like, which open full sentences as often). It goes on that
 * line after a comma, not after a full stop of its own: '… AVG). Indien nodig.' (Doctolib's transfer grounds, notice8
 * review, finding 15) and '… (artikel 47 AVG). Voor overdrachten aan verwerkers' (IES, patient10 review, F12) read as
 * fragments.
 */
export const continuationWords = new RegExp(
  String.raw`^(?:(?:indien|waar|als|wanneer)\s+(?:nodig|noodzakelijk|vereist|van toepassing)|zo\s+nodig|(?:if|where|when)\s+(?:needed|necessary|required|applicable))\.?$|` +
    String.raw`^(?:voor|aan|bij|met|naar|tijdens|tenzij|mits|zolang|alleen|uitsluitend|behalve|for|to|with|during|unless|provided|only|except)\s`,
  'i',
);

/**
 * A note that opens like a continuation but is a clause of its own: it names a subject or a finite verb of the
 * small closed set a privacy statement uses ('Voor overdrachten naar de Verenigde Staten nemen wij ook aanvullende
 * maatregelen.', 'For transfers to the United States we also take supplementary measures.'; secondread10, finding 8),
 * so it stays a sentence of its own; '… AVG), voor overdrachten naar de Verenigde Staten nemen wij …' is a run-on.
 * Not 'je', which is as often 'your' ('Alleen met je toestemming'). A word too many only keeps a phrase a sentence of
 * its own, as all notes were before continuationWords.
 */
export const clauseWords =
  /(?:^|[^\p{L}])(?:wij|we|u|jij|zij|ze|ik|hij|is|zijn|was|waren|wordt|worden|werd|werden|heeft|hebben|had|hadden|kan|kun|kunt|kunnen|mag|mogen|moet|moeten|zal|zullen|wil|willen|geldt|gelden|neemt|nemen|gebruikt|gebruiken|sluit|sluiten|treft|treffen|biedt|bieden|geeft|geven|deelt|delen|maakt|maken|vraagt|vragen|zorgt|zorgen|staat|staan|valt|vallen|you|they|he|she|i|are|were|has|have|can|may|must|will|shall|would|should|could|does|do|take|takes|use|uses|apply|applies|make|makes|ensure|ensures|rely|relies|share|shares|give|gives|ask|asks)(?![\p{L}])/iu;

/** The most words a note that continues its line may have: a longer one reads as a sentence of its own. */
export const continuationMaxWords = 8;
