import type { Messages } from '../i18n/messages.js';
import { endsBeforeLegalMinimum, minimumsFailedBy } from '../policy/retention-minimum.js';
import type { PolicyModel, RetentionRule } from '../resolve/model.js';
import { joinList } from './format.js';
import { formatMinimumArticle, formatMinimumTerm } from './retention-phrase.js';

/**
 * A rule's period with the law's minimum beside it where the rule ends before one. On a notice's purpose card:
 * '15 years (the law requires at least 20 years after the last change to the file)'. '(shorter than the law
 * requires)' seemed to qualify the card's 'or longer where good care requires it' and did not say what the law
 * requires (English review 2, finding 11). In the register, for the officer, with the article: '15 jaar; opgegeven
 * grond: WGBO. Let op: korter dan de wettelijke bewaartermijn (artikel 7:454, lid 3, BW: ten minste 20 jaar …)' —
 * the register left out the shortfall the notice stated (Dutch review 4, finding 2). A minimum still to be
 * confirmed (`verify`) is not named, as in the notice's table; a rule that fails only such a minimum keeps the
 * bare remark.
 */
export function withLegalMinimum(
  period: string,
  rule: RetentionRule,
  model: PolicyModel,
  m: Messages,
  where: 'card' | 'register' = 'card',
): string {
  if (!endsBeforeLegalMinimum(model, rule)) return period;
  const prefix = where === 'card' ? 'layout:retention' : 'register:cell';
  const minimums = minimumsFailedBy(model, rule).filter((min) => min.verify === undefined);
  if (!minimums.length) return m.t(`${prefix}.shorterThanLaw`, { period });
  const minimum = joinList(
    minimums.map((min) =>
      where === 'card'
        ? formatMinimumTerm(min, m)
        : m.t('register:cell.legalMinimum', { article: formatMinimumArticle(min, m), term: formatMinimumTerm(min, m) }),
    ),
    m,
  );
  return m.t(`${prefix}.shorterThanLawMinimum`, { period, minimum });
}
