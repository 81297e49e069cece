import { consentSwapGuidance } from '../law/guidance.js';
import type { Messages } from '../i18n/messages.js';
import type { Text } from '../policy/policy-types.js';
import { joinList, pick } from '../render/format.js';
import type { PolicyModel, Purpose } from '../resolve/model.js';
import { basesWords } from './notice-rights.js';
import { formatValue } from './change-words.js';

/** The art. 6 basis that is consent, and the art. 9(2) exception that is explicit consent. */
const consent = '6(1)(a)';
const explicitConsent = '9(2)(a)';

/**
 * How a purpose leaves consent: for another basis, for the bases it already had besides, for a basis given
 * only in words (legalBasisStatement: which point of art. 6(1) the words mean cannot be told from them, so the
 * sender is asked), or for another art. 9(2) exception.
 */
type SwapKind = 'consentSwap' | 'consentDropped' | 'consentInWords' | 'explicitConsentSwap';

export interface ConsentSwap {
  purpose: Purpose;
  kind: SwapKind;
  /** What the consent covered, in the old version's words (appliesTo of its consent parts); empty when not said. */
  covered: Text[];
}

const basisIds = (purpose: Purpose): string[] => purpose.bases.map((b) => b.basis as string);

/** The art. 6 side: consent gone while a basis stays or comes; a new basis is a swap, only the old ones a drop. */
function basisSwap(before: Purpose, purpose: Purpose): ConsentSwap | undefined {
  const was = basisIds(before);
  const is = basisIds(purpose);
  if (!was.includes(consent) || is.includes(consent)) return undefined;
  const covered = before.bases.flatMap((b) => (b.basis === consent && b.appliesTo ? [b.appliesTo] : []));
  if (!is.length) return purpose.legalBasisStatement ? { purpose, kind: 'consentInWords', covered } : undefined;
  const kind = is.some((b) => !was.includes(b)) ? 'consentSwap' : 'consentDropped';
  return { purpose, kind, covered };
}

/** The art. 9 side: explicit consent replaced by another art. 9(2) exception. */
function conditionSwap(before: Purpose, purpose: Purpose): ConsentSwap | undefined {
  const was = before.specialCategoryCondition?.condition;
  const is = purpose.specialCategoryCondition?.condition;
  if (was !== explicitConsent || is === undefined || is === explicitConsent) return undefined;
  return { purpose, kind: 'explicitConsentSwap', covered: [] };
}

/**
 * The purposes, in both versions, that leave (explicit) consent for another basis or exception, or keep only
 * the basis they had besides consent: the EDPB's consent guidelines warn against swapping from consent (law/guidance.ts).
 */
export function consentSwaps(oldModel: PolicyModel, newModel: PolicyModel): ConsentSwap[] {
  return newModel.purposes.flatMap((purpose) => {
    const before = oldModel.purposes.find((p) => p.id === purpose.id);
    if (!before) return [];
    return [basisSwap(before, purpose), conditionSwap(before, purpose)].filter((s) => s !== undefined);
  });
}

/** The art. 9(2) exception a purpose relies on, in words; '' for none. */
const conditionWords = (purpose: Purpose, m: Messages): string => {
  const condition = purpose.specialCategoryCondition?.condition;
  return condition ? formatValue({ type: 'specialCondition', value: condition }, m) : '';
};

/** For the sender: one note per swap, with where the EDPB says so and, where the old version said, what consent covered. */
export function consentSwapNotes(oldModel: PolicyModel | undefined, newModel: PolicyModel, m: Messages): string[] {
  if (!oldModel) return [];
  const { paragraphs } = consentSwapGuidance;
  return consentSwaps(oldModel, newModel).map(({ purpose, kind, covered }) => {
    const parts = joinList(
      covered.map((text) => pick(text, m)),
      m,
    );
    const key = `diff:notice.${kind}${parts ? 'Part' : ''}`;
    return m.t(m.has(key) ? key : `diff:notice.${kind}`, {
      purpose: formatValue({ type: 'name', value: purpose.name }, m),
      bases: basesWords(purpose, m),
      condition: conditionWords(purpose, m),
      words: pick(purpose.legalBasisStatement?.text, m),
      parts,
      guidance: m.t(`terms:guidance.${consentSwapGuidance.id}`),
      paragraphs,
    });
  });
}
