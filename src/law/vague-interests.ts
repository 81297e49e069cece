/**
 * A legitimate interest (art. 6(1)(f)) given only as a general phrase, which any organisation could write for any
 * processing: "het verbeteren van onze diensten", "(onze) bedrijfsvoering", "improving our services", "business
 * purposes". Art. 13(1)(d) and 14(2)(b) ask for the legitimate interests pursued. The project's GDPR reference
 * (shared/reference/gdpr-avg.md section 5, after the Article 29 Working Party's transparency guidelines, WP260 rev.01)
 * says to avoid vague purposes such as "to improve our services" and to name the specific legitimate interest; WP260
 * itself gives "to develop new services" as poor practice (para. 12 as recalled, confirmed only in a secondary source).
 *
 * Conservative on purpose: the whole text must be such phrases (one, or several joined by "en" / "and" / a comma),
 * so an interest that adds anything ("het verbeteren van onze diensten en het beveiligen van je gegevens",
 * "fraudepreventie", "beveiliging van ons netwerk") is not read as vague. check/legitimate-interest-rules.ts reads it.
 */
const genericPhrases = [
  // Dutch: improving (our) services or service provision; the operation of the business.
  String.raw`(?:het |de )?(?:(?:continu|voortdurend|steeds) )?(?:verbeteren|verbetering) van (?:onze |de |ons )?(?:diensten|dienstverlening|service|services)`,
  String.raw`(?:onze |de |een goede |een efficiënte |een efficiente )?bedrijfsvoering`,
  String.raw`bedrijfsdoeleinden|zakelijke doeleinden`,
  // English: improving our services; business purposes or operations.
  String.raw`(?:to )?(?:(?:continuously|constantly) )?(?:improve|improving) (?:our |the )?services?`,
  String.raw`(?:the )?improvement of (?:our |the )?services?`,
  String.raw`(?:our |the )?business (?:purposes|operations)`,
].join('|');

/** Before the phrase: "voor", "ten behoeve van", "for". */
const lead = String.raw`(?:(?:voor|ten behoeve van|for) )?`;

/** The whole text (trimmed, its final full stop left off) is one or more general phrases and nothing else. */
export const genericInterest = new RegExp(
  String.raw`^${lead}(?:${genericPhrases})(?:(?:,| en| and|, en|, and) ${lead}(?:${genericPhrases}))*$`,
  'iu',
);
