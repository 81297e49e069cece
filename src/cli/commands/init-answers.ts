import { joinList, languages, messagesFor } from '../../i18n/messages.js';
import { didYouMean } from '../../validate/did-you-mean.js';
import { cli, withDidYouMean, type CliIo } from '../cli-support.js';

/** A policy id init writes: the name of its folder under policies/. */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Whether `id` can be a policy id. */
export function isPolicyId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** An id made from a name ('De Linde' → 'de-linde', 'Café Één' → 'cafe-een'), or undefined when none can be. */
function idFrom(name: string): string | undefined {
  const id = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return isPolicyId(id) ? id : undefined;
}

/**
 * Asks the policy id until the answer is one (Enter: `offered`); an answer that is not is said, and asked again,
 * offering an id made from it ('De Linde': de-linde).
 */
export async function askId(ask: NonNullable<CliIo['prompt']>, io: CliIo, offered: string): Promise<string> {
  for (let offer = offered; ;) {
    const id = (await ask(cli.t('cli:init.askId', { id: offer }))).trim() || offer;
    if (isPolicyId(id)) return id;
    io.stderr(cli.t('cli:init.badId', { id }) + '\n');
    offer = idFrom(id) ?? offer;
  }
}

/** The sector an unknown `sector` most likely means: a near spelling, or the one it begins ('fysio'). */
function sectorGuess(sector: string, sectors: readonly string[]): string | undefined {
  const begun = sectors.filter((s) => sector.length >= 3 && s.startsWith(sector.toLowerCase()));
  return didYouMean(sector, sectors) ?? (begun.length === 1 ? begun[0] : undefined);
}

/** Why `sector` is none of `sectors`, with the one it most likely means (sectorGuess). */
export function unknownSector(sector: string, sectors: readonly string[]): string {
  const guess = sectorGuess(sector, sectors);
  return withDidYouMean(cli.t('cli:init.badSector', { sector, sectors: joinList(sectors, cli, 'or') }), guess);
}

/**
 * Asks the kind of practice until the answer is one of `sectors` (Enter: other); another is said, and asked again
 * with the sector it most likely means as the default, as askId offers an id made from a bad answer ('fysio':
 * Enter takes fysiotherapie).
 */
export async function askSector(
  ask: NonNullable<CliIo['prompt']>,
  io: CliIo,
  sectors: readonly string[],
): Promise<string> {
  const choices = joinList(sectors, cli, 'or');
  for (let offer = 'other'; ;) {
    const sector = (await ask(cli.t('cli:init.askSector', { sectors: choices, sector: offer }))).trim() || offer;
    if (sectors.includes(sector)) return sector;
    io.stderr(unknownSector(sector, sectors) + '\n');
    offer = sectorGuess(sector, sectors) ?? offer;
  }
}

type Formality = 'formal' | 'informal';

/** The words an answer to askFormality may be for `formality` in `lang` (cli:init.<formality>Answers, comma-separated). */
function answerWords(lang: (typeof languages)[number], formality: Formality): string[] {
  return messagesFor(lang)
    .t(`cli:init.${formality}Answers`)
    .split(',')
    .map((word) => word.trim().toLowerCase());
}

/**
 * The form of address an answer gives: Enter the default (formal), else one of the words the question offers in
 * any message language ('je', 'jij', 'informeel', 'informal', …); undefined for any other answer.
 */
export function formalityOf(answer: string): Formality | undefined {
  const word = answer.trim().toLowerCase();
  if (word === '') return 'formal';
  const formalities: readonly Formality[] = ['formal', 'informal'];
  return formalities.find((formality) => languages.some((lang) => answerWords(lang, formality).includes(word)));
}

/** Asks the form of address until the answer is one (Enter: formal); an answer it is not is said, and asked again. */
export async function askFormality(ask: NonNullable<CliIo['prompt']>, io: CliIo): Promise<Formality> {
  for (;;) {
    const answer = await ask(cli.t('cli:init.askFormality'));
    const formality = formalityOf(answer);
    if (formality) return formality;
    io.stderr(cli.t('cli:init.badFormality', { answer: answer.trim() }) + '\n');
  }
}
