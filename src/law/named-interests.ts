import type { Language } from '../policy/policy-types.js';

/**
 * Interests the GDPR itself names as legitimate interests of the controller, and the words that, in a purpose's
 * name or description, say the purpose is that interest. Recital 47: "The processing of personal data strictly
 * necessary for the purposes of preventing fraud also constitutes a legitimate interest of the data controller
 * concerned." Recital 49: processing "strictly necessary and proportionate for the purposes of ensuring network and
 * information security […] constitutes a legitimate interest of the data controller concerned", for example
 * "preventing unauthorised access to electronic communications networks and malicious code distribution and
 * stopping 'denial of service' attacks and damage to computer and electronic communication systems". (Recital
 * texts of Regulation (EU) 2016/679, OJ L 119 of 4 May 2016, read on privasy.eu and, in Dutch, privacy-regulation.eu.)
 *
 * The words are specific on purpose: security of data in general ("we keep your data secure", "beveiligen van je
 * gegevens"), safety ("veiligheid") and camera surveillance are not network and information security, and
 * "security alerts" sent to a customer is a message, not the purpose. art6/legitimate-interest-missing lowers its
 * error to a warning for such a purpose: the notice must still state the interest (13(1)(d)).
 */
interface NamedInterest {
  id: 'fraud' | 'security';
  recital: number;
  words: Readonly<Record<Language, RegExp>>;
}

export const namedInterests: readonly NamedInterest[] = [
  {
    id: 'fraud',
    recital: 47,
    // Dutch compounds carry the word inside: computerfraude, fraudepreventie, fraudebestrijding.
    words: { nl: /\w*fraude\w*|\bfrauduleu\w*/i, en: /\bfraud(?:ulent|sters?)?\b/i },
  },
  {
    id: 'security',
    recital: 49,
    words: {
      nl: /\b(?:netwerk|informatie|it|ict|cyber)-?\s?beveiliging\b|cyberaanval\w*|\bhack\w*|\bddos\b|denial[- ]of[- ]service|\bmalware\b|kwaadaardige (?:code|software)|(?:onbevoegde|ongeautoriseerde) toegang tot (?:onze )?(?:systemen|netwerk\w*|servers?)/i,
      en: /\b(?:network|information|IT|ICT|cyber|computer)[- ]?security\b|\bhack(?:s|ed|ing|ers?)?\b|\bDDoS\b|denial[- ]of[- ]service|\bmalware\b|malicious (?:code|software)|cyber[- ]?attacks?|unauthori[sz]ed access to (?:our )?(?:systems?|networks?|servers?)/i,
    },
  },
];
