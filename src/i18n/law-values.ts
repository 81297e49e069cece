import { idCopyAdvice } from '../law/guidance.js';
import { largeScaleCare } from '../law/legal-thresholds.js';

/**
 * Figures and lists of the law (src/law/) that messages in locales/ name, given to every message by name (i18next's
 * default variables), so that each lives once, in the law data with its source: `{{largeScalePatients, number}}`
 * (written as each language writes numbers: 10.000, 10,000) and `{{largeScaleSectors, careSectors}}` (the kinds of
 * care provider, as terms:careSectorPlural, joined with terms:list.and); the addresses of guidance that rules cite
 * (`{{idCopyAdviceUrl}}`, `{{kopieIdUrl}}`).
 */
export const lawValues = {
  largeScalePatients: largeScaleCare.patientsAbove,
  largeScaleSectors: [...largeScaleCare.sectors],
  idCopyAdviceUrl: idCopyAdvice.url,
  kopieIdUrl: idCopyAdvice.appUrl,
} as const;
