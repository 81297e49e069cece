import type { Diagnostic, MessageRef } from '../diagnostics/diagnostic.js';
import { joinPointer } from '../load/json-pointer.js';
import { didYouMean, didYouMeanHint } from '../validate/did-you-mean.js';

/**
 * Names web developers give config keys (after other tools' configs, or the
 * flag's name), by their plain form (lower case, no "-" or "_"), and the
 * key policyc reads instead.
 */
const aliases: Readonly<Record<string, string>> = {
  lang: 'languages',
  langs: 'languages',
  language: 'languages',
  locale: 'languages',
  locales: 'languages',
  outdir: 'out',
  output: 'out',
  outputdir: 'out',
  outputdirectory: 'out',
  outputfolder: 'out',
  outfolder: 'out',
  dist: 'out',
  dest: 'out',
  destination: 'out',
  target: 'out',
  src: 'policies',
  source: 'policies',
  sources: 'policies',
  input: 'policies',
  inputs: 'policies',
  include: 'policies',
  files: 'policies',
  paths: 'policies',
  policy: 'policies',
  policydir: 'policies',
  messagelang: 'messageLanguage',
  messagelanguages: 'messageLanguage',
  warnings: 'maxWarnings',
  rule: 'rules',
  severity: 'rules',
  ignore: 'acknowledged',
  acknowledge: 'acknowledged',
  acknowledgements: 'acknowledged',
};

/** Flags that only the command line takes: no config key stands in for them. */
const commandLineOnly: readonly string[] = [
  'format',
  'jobs',
  'force',
  'watch',
  'fail-on',
  'notify-date',
  'port',
  'host',
  'config',
];

const plain = (name: string): string => name.toLowerCase().replace(/[-_]/g, '');

/**
 * The config key a name stands for by one of its aliases, also misspelled (`ouput` → `output` → `out`): the
 * command line guesses a flag from it when no flag's own name is close (`--ouput`: did you mean --out?).
 */
export function aliasedKey(name: string): string | undefined {
  const key = plain(name);
  return aliases[key] ?? aliases[didYouMean(key, Object.keys(aliases)) ?? ''];
}

/** What an unknown key of the config file most plausibly means: a key policyc reads, or a command-line option. */
function configKeyHint(key: string, keys: readonly string[]): MessageRef | undefined {
  const flag = commandLineOnly.find((f) => plain(f) === plain(key));
  if (flag) return { messageId: 'diagnostics:config.commandLineOnly', data: { option: `--${flag}` } };
  const guess = aliases[plain(key)] ?? keys.find((k) => plain(k) === plain(key)) ?? didYouMean(key, keys);
  return guess ? didYouMeanHint(guess) : undefined;
}

/** The schema's unknown-property errors at the top of the config file, with the key meant as their hint. */
export function withConfigKeyHints(diagnostics: readonly Diagnostic[], keys: readonly string[]): Diagnostic[] {
  return diagnostics.map((d) => {
    const key = d.data?.property;
    if (d.ruleId !== 'schema/unknown-property' || typeof key !== 'string' || d.pointer !== joinPointer('', key))
      return d;
    const hint = configKeyHint(key, keys);
    return hint ? { ...d, hint } : d;
  });
}
