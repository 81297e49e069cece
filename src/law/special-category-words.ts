import type { SpecialCategoryId } from '../policy/policy-types.js';
import { negationAlternatives } from './negation-words.js';

/**
 * Words that name a special category of GDPR 9(1) in a data category's name or description, per category (Dutch
 * and English). check/special-category-rules.ts (art9/category-undeclared) reads them. Tight on purpose: only words
 * that name the category itself. Health is not read: "zorgverzekering", "health insurance", "health care provider"
 * name no health data. Not "erfelijk" / "hereditary" (a family history of illness is health data; genetic data
 * results from the analysis of a biological sample, art. 4(13)); not "seksueel overdraagbare aandoening" (health).
 */
export const specialCategoryWords: ReadonlyArray<readonly [Exclude<SpecialCategoryId, 'health'>, RegExp]> = [
  ['racial-ethnic-origin', /\b(?:etnisch\w*|etniciteit|ethnic\w*|racial|raciale?|ras)\b/i],
  [
    'political-opinions',
    /\b(?:politieke? (?:voorkeur|opvatting|overtuiging|kleur|partij)\w*|partijlidmaatschap|political (?:opinions?|views|affiliations?|part(?:y|ies)))\b/i,
  ],
  [
    'religious-beliefs',
    /\b(?:godsdienst\w*|religie\w*|religieu\w*|geloofsovertuiging\w*|levensbeschouw\w*|religio\w*|philosophical beliefs?)\b/i,
  ],
  ['trade-union-membership', /\b(?:vakbond\w*|vakvereniging\w*|trade[- ]unions?|union membership)\b/i],
  ['genetic', /\b(?:genetisch\w*|genetic\w*|dna\w*|genoom|genome)\b/i],
  // Not "biometrie" / "biometry" alone: ocular biometry before a cataract operation is a measurement, health data
  // (officer review 2, finding 4); art. 9(1) means biometric data for uniquely identifying a person.
  [
    'biometric',
    /\b(?:biometrische (?:gegevens|kenmerken|identificatie|herkenning)|biometric (?:data|identification|recognition|characteristics)|biometrics|vingerafdruk\w*|fingerprints?|gezichtsherkenning|facial recognition)\b/i,
  ],
  [
    'sex-life-orientation',
    /\b(?:seksuele (?:geaardheid|voorkeur|oriëntatie|gerichtheid)|seksueel gedrag|seksleven|geaardheid|sexual (?:orientation|life|behaviou?r|preference)|sex life)\b/i,
  ],
];

/**
 * Words that say health data itself, read only in the organisation's general texts (introduction, scope, sharing,
 * security, transfers, retention) by art9/health-data-undeclared (officer11 F7: Doctolib's "Persoonlijke
 * Gezondheidsgegevens worden gehost bij Amazon Web Services"). Not in data categories, and not "gezondheid" or
 * "health" alone: "zorgverzekering", "gezondheidssector", "health insurance", "health care provider" name no health
 * data. Not the hosting certificate's name ("Health Data services", HDS), which says where, not that.
 */
export const healthDataWords =
  /\b(?:gezondheidsgegevens|gezondheidsinformatie|medische (?:gegevens|informatie)|\w*gegevens (?:over|betreffende) (?:(?:uw|je|jouw|de|hun) )?gezondheid|health data(?! (?:services?|diensten|hosting))|health information|medical (?:data|information)|data (?:concerning|about|on) (?:(?:your|their) )?health)\b/i;

/**
 * A sentence that names special categories without saying the data is processed: a negation before the special word
 * ("wij verwerken geen gegevens over uw godsdienst", "we do not ask about your religion") or a definition of the
 * special categories (IES: "Gegevens uit speciale categorieën omvatten details over ras of etniciteit, …" after "we
 * verzamelen geen …"). Officer review 2, M2: a negation after the word ("etnische achtergrond (niet verplicht)"), one
 * that is not one ("wel of niet", "whether or not", "niet verplicht", "optional"), and one that "tenzij" / "unless"
 * takes back ("Wij vragen niet naar uw godsdienst, tenzij u dat zelf wilt") do not count.
 */
export const negationWords = new RegExp(String.raw`\b(?:${negationAlternatives('none', 'neither', 'nor')})\b`, 'i');
export const notANegation =
  /\bwel of niet\b|\bwhether or not\b|\bniet (?:verplicht|nodig)\b|\bnot (?:required|mandatory)\b/gi;
export const negationTakenBack = /\b(?:tenzij|unless|behalve als|except (?:if|when|where))\b/i;
export const definesSpecialCategories = /speciale categorie|bijzondere (?:categorie|persoonsgegevens)|special categor/i;
