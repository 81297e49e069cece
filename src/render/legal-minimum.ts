import type { Messages } from '../i18n/messages.js';
import type { RetentionMinimum } from '../law/retention-minimums.js';
import { isStatedMinimum, minimumsFailedBy } from '../policy/retention-minimum.js';
import type { PolicyModel, RetentionRule } from '../resolve/model.js';
import { careRecipientKey } from './notice-context.js';
import { formatMinimumArticle, formatMinimumTerm } from './retention-phrase.js';

/*
 * The remark on a retention rule that ends before a legal minimum, from the law data (src/law/retention-minimums.ts):
 * the notice's retention table and the register's retention cells say it in the same words, so the two cannot
 * disagree (officer11 F6/R3).
 */

/**
 * What the law requires of a rule that ends before a legal minimum (retention/*-too-short): '6 maanden' beside
 * 'zo lang als de wet ons verplicht' would leave the patient with the shorter term (English review, finding 1).
 * The minimum with what the law counts it from and the law's 'or longer where good care requires it', where
 * the law data gives them ('20 jaar na de laatste wijziging in het dossier'; 20 years from collection is
 * shorter); a minimum whose start the data does not know names none.
 * Not for a minimum still to be confirmed (`verify`): the notice states no law that is not sure. `glossed`: the
 * notice says which code 'BW' is; the register, for readers who know, does not (English review 1, finding 13).
 */
export function legalMinimumLines(model: PolicyModel, rule: RetentionRule, m: Messages, glossed = true): string[] {
  return minimumsFailedBy(model, rule)
    .filter(isStatedMinimum)
    .map((min) =>
      m.t(`layout:retention.${min.longerForCare ? 'legalMinimumLongerForCare' : 'legalMinimumEnd'}`, {
        requirement: requirementOf(min, model, m, glossed),
      }),
    );
}

/** 'De wet (artikel 7:454, lid 3, BW) vraagt dat een medisch dossier ten minste 20 jaar na … wordt bewaard'. */
export function requirementOf(min: RetentionMinimum, model: PolicyModel, m: Messages, glossed = true): string {
  return m.t(minimumKey(min, model), {
    article: formatMinimumArticle(min, m, glossed),
    minimum: formatMinimumTerm(min, m),
  });
}

/** The sentence's key; the medical file in the policy's word for it ('dossier' where it says client). */
function minimumKey(min: RetentionMinimum, model: PolicyModel): string {
  const key = `layout:retention.legalMinimum.${min.ruleId.replace(/^retention\//, '')}`;
  return min.appliesTo.medicalFile ? careRecipientKey(key, model.source) : key;
}
