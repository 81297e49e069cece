import { consentSwapGuidance } from '../law/guidance.js';
import type { Messages } from '../i18n/messages.js';
import type { PolicyModel, Purpose } from '../resolve/model.js';
import { basesWords } from './notice-rights.js';
import { formatValue } from './change-words.js';

/** The art. 6 basis that is consent; its art. 9 counterpart (9(2)(a)) is an exception, not a basis, and not covered here. */
const consent = '6(1)(a)';

const basisIds = (purpose: Purpose): string[] => purpose.bases.map((b) => b.basis as string);

/**
 * The purposes, in both versions, whose bases lose consent and gain another basis: a swap from consent,
 * which the EDPB's consent guidelines warn against (law/guidance.ts).
 */
export function consentSwaps(oldModel: PolicyModel, newModel: PolicyModel): Purpose[] {
  return newModel.purposes.filter((purpose) => {
    const before = oldModel.purposes.find((p) => p.id === purpose.id);
    if (!before) return false;
    const was = basisIds(before);
    const is = basisIds(purpose);
    return was.includes(consent) && !is.includes(consent) && is.some((b) => !was.includes(b));
  });
}

/** For the sender: one note per purpose that swaps from consent, with where the EDPB says so. */
export function consentSwapNotes(oldModel: PolicyModel | undefined, newModel: PolicyModel, m: Messages): string[] {
  if (!oldModel) return [];
  const { paragraphs } = consentSwapGuidance;
  return consentSwaps(oldModel, newModel).map((purpose) =>
    m.t('diff:notice.consentSwap', {
      purpose: formatValue({ type: 'name', value: purpose.name }, m),
      bases: basesWords(purpose, m),
      guidance: m.t(`terms:guidance.${consentSwapGuidance.id}`),
      paragraphs,
    }),
  );
}
