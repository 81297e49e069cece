import { languages, messagesFor } from '../../i18n/messages.js';
import { cli, type CliIo } from '../cli-support.js';

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
