import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { loadExtended, presetNames } from '../../load/extends.js';
import { writeRefusal } from '../../output/output-ownership.js';
import { listsJoined } from '../../i18n/messages.js';
import { packageRoot, posixRelative, presetsDir, schemaPath } from '../../paths.js';
import { FILL_IN } from '../../validate/fill-in-markers.js';
import {
  cli,
  EXIT_INTERRUPTED,
  EXIT_INVALID,
  EXIT_OK,
  EXIT_USAGE,
  packageName,
  relativeTo,
  reportDiagnostics,
  InputEnded,
  UsageError,
  type CliIo,
  type CommonOptions,
} from '../cli-support.js';
import { initCommand } from '../named-bases.js';
import { chainBase, initBase, thinPolicy, type InitBase } from './init-extends.js';
import { policyFolder } from './init-folder.js';
import { askFormality, askId, askSector, isPolicyId, unknownSector } from './init-answers.js';

/** What init needs to know; asked on a terminal, else from flags and defaults. */
interface InitChoices {
  /** The preset (--sector) the policy is a copy of; none with --extends. */
  sector?: string;
  /** The base (--extends) the policy extends. */
  base?: InitBase;
  /** With --base: the chain's base to write, on the sector's preset, instead of a policy. */
  baseFile?: string;
  id: string;
  formality: 'formal' | 'informal';
  /** Whether --formal or --informal was given: an extending policy states its formality only then. */
  formalityGiven: boolean;
}

/**
 * `policyc init [--sector s | --extends base] [--id id] [--formal|--informal] [--yes]`:
 * writes policies/<id>/policy.json from the sector's preset (presets/<sector>.json,
 * its bases merged in), or as a thin policy extending a base, never over an existing file.
 * `policyc init --base <file> [--sector s]` writes a chain's base there instead, extending the sector's preset.
 */
export async function run(options: CommonOptions, io: CliIo): Promise<number> {
  let choices: InitChoices;
  try {
    choices = await choose(options, io);
  } catch (error) {
    if (!(error instanceof InputEnded)) throw error;
    // Ctrl+D leaves the prompt's line open (Ctrl+C ends it): the sentence starts on a line of its own.
    io.stderr((error.interrupted ? '' : '\n') + cli.t('cli:init.stopped') + '\n');
    return error.interrupted ? EXIT_INTERRUPTED : EXIT_USAGE;
  }
  // Into the config's policies folder of the practices on the same base (policyFolder), else policies/; a chain's
  // base where --base says.
  const target = choices.baseFile
    ? path.resolve(io.cwd, choices.baseFile)
    : path.join(policyFolder(options.config.policies, choices.base, io.cwd), choices.id, 'policy.json');
  const folder = path.dirname(target);
  const skeleton = choices.baseFile
    ? baseSkeleton(choices, folder, io)
    : choices.base
      ? extendingSkeleton(choices, choices.base, folder, io)
      : presetSkeleton(choices, folder, io);
  if ('diagnostics' in skeleton) {
    reportDiagnostics(skeleton.diagnostics, options, io);
    if (!choices.base) return EXIT_INVALID;
    // The base was named on the command line: a usage error, like a --config with errors.
    io.stderr(cli.t('cli:refusal', { detail: cli.t('cli:init.badBase', { file: choices.base.name }) }) + '\n');
    return EXIT_USAGE;
  }
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    // 'wx': fails when the file exists, so a policy is never overwritten, not even by a race.
    writeFileSync(target, skeleton.text, { flag: 'wx' });
  } catch (error) {
    const refusal = writeRefusal(error, folder, relativeTo(io, folder));
    if (refusal) {
      io.stderr(
        cli.t('cli:refusal', { detail: cli.t(`cli:refused.${refusal.key}`, listsJoined(refusal.params, cli)) }) + '\n',
      );
      return EXIT_USAGE;
    }
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A refusal, like a refused --out: exit 2 (README, exit codes).
    const exists = choices.baseFile ? 'cli:init.existsBase' : 'cli:init.exists';
    io.stderr(cli.t('cli:refusal', { detail: cli.t(exists, { file: relativeTo(io, target) }) }) + '\n');
    return EXIT_USAGE;
  }
  const placeholders = skeleton.text.split(`"${FILL_IN}`).length - 1;
  if (choices.baseFile) {
    const file = relativeTo(io, target);
    // Where nothing marks the root, the command as from here: this is where its user gave the base's path from.
    const init = initCommand(target, options, io, false);
    io.stderr(cli.t('cli:init.wroteBase', { file, init, sector: choices.sector, count: placeholders }) + '\n');
    return EXIT_OK;
  }
  io.stderr(
    cli.t('cli:init.wrote', {
      file: relativeTo(io, target),
      sector: choices.base ? cli.t('cli:init.extendsBase', { base: choices.base.name }) : choices.sector,
      count: placeholders,
      folder: relativeTo(io, path.dirname(target)),
    }) + '\n',
  );
  return EXIT_OK;
}

async function choose(options: CommonOptions, io: CliIo): Promise<InitChoices> {
  const { values } = options;
  if (values.formal && values.informal) throw new UsageError(cli.t('cli:init.bothFormalities'));
  if (typeof values.extends === 'string' && typeof values.sector === 'string')
    throw new UsageError(cli.t('cli:init.extendsAndSector'));
  const baseFile = typeof values.base === 'string' ? values.base : undefined;
  if (baseFile === '') throw new UsageError(cli.t('cli:init.baseEmpty'));
  if (baseFile !== undefined && (typeof values.extends === 'string' || typeof values.id === 'string'))
    throw new UsageError(cli.t('cli:init.baseAndExtends'));
  const ask = values.yes || !io.prompt ? undefined : io.prompt;
  // A policy extending a base takes its kind of practice and its u or je from the base: init asks only its id.
  const base = typeof values.extends === 'string' ? initBase(values.extends, io) : undefined;
  const sector = base ? undefined : await chooseSector(values.sector, ask, io);
  const fallbackId = sector === undefined || sector === 'other' ? 'practice' : sector;
  let id = typeof values.id === 'string' ? values.id : undefined;
  if (id === undefined && ask && baseFile === undefined) id = await askId(ask, io, fallbackId);
  id ??= fallbackId;
  if (!isPolicyId(id)) throw new UsageError(cli.t('cli:init.badId', { id }));
  let formality: InitChoices['formality'] | undefined = values.informal
    ? 'informal'
    : values.formal
      ? 'formal'
      : undefined;
  const formalityGiven = formality !== undefined;
  if (formality === undefined && ask && !base) formality = await askFormality(ask, io);
  return { sector, base, ...(baseFile ? { baseFile } : {}), id, formality: formality ?? 'formal', formalityGiven };
}

/** The sector: --sector (an unknown one is a usage error), else asked on a terminal, else 'other'. */
async function chooseSector(given: unknown, ask: CliIo['prompt'] | undefined, io: CliIo): Promise<string> {
  const sectors = presetNames();
  if (typeof given !== 'string') return ask ? askSector(ask, io, sectors) : 'other';
  if (!sectors.includes(given)) throw new UsageError(unknownSector(given, sectors));
  return given;
}

/** A thin policy extending the base: its own keys, the controller's details and the base's open placeholders. */
function extendingSkeleton(
  choices: InitChoices,
  base: InitBase,
  folder: string,
  io: CliIo,
): { text: string } | { diagnostics: Diagnostic[] } {
  const own = {
    $schema: schemaReference(folder),
    id: choices.id,
    ...(choices.formalityGiven ? { metadata: { formality: choices.formality } } : {}),
  };
  const thin = thinPolicy(base, folder, own, io);
  if ('diagnostics' in thin) return thin;
  return { text: compactLists(JSON.stringify(inSchemaOrder(thin.policy), null, 2)) + '\n' };
}

/**
 * A chain's base on the sector's preset: its u or je, and the preset's placeholders the chain fills in once; no id
 * and none of the practice's own details, which each practice's `init --extends` asks for.
 */
function baseSkeleton(
  choices: InitChoices,
  folder: string,
  io: CliIo,
): { text: string } | { diagnostics: Diagnostic[] } {
  const own = { $schema: schemaReference(folder), metadata: { formality: choices.formality } };
  const base = chainBase(initBase(`preset:${choices.sector!}`, io), own, io);
  if ('diagnostics' in base) return base;
  return { text: compactLists(JSON.stringify(inSchemaOrder(base.policy), null, 2)) + '\n' };
}

/** The preset with its bases merged in, as the text of a policy of its own. */
function presetSkeleton(
  choices: InitChoices,
  target: string,
  io: CliIo,
): { text: string } | { diagnostics: Diagnostic[] } {
  const file = path.join(presetsDir, `${choices.sector!}.json`);
  const loaded = loadExtended(readFileSync(file, 'utf8'), relativeTo(io, file), file);
  if (!loaded.value) return { diagnostics: loaded.diagnostics };
  const merged = loaded.value.value as Record<string, unknown>;
  const policy: Record<string, unknown> = {
    ...merged,
    $schema: schemaReference(target),
    id: choices.id,
    metadata: { ...(merged.metadata as object), formality: choices.formality },
  };
  delete policy.extends;
  delete policy.remove;
  return { text: compactLists(JSON.stringify(inSchemaOrder(policy), null, 2)) + '\n' };
}

/**
 * The schema, as `$schema` in a policy in `folder` refers to it: through the nearest `node_modules/<package>` above
 * the folder that is this package, as installed (a symbolic link, as pnpm makes, or a linked node_modules, is not
 * followed: its target moves with each upgrade), else where the package is.
 */
function schemaReference(folder: string): string {
  const name = packageName();
  const real = realpathSync(schemaPath);
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    const installed = path.join(dir, 'node_modules', name, path.relative(packageRoot, schemaPath));
    if (realpathIfAny(installed) === real) return posixRelative(folder, installed);
    if (path.dirname(dir) === dir) return posixRelative(folder, schemaPath);
  }
}

function realpathIfAny(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** Lists of short strings on one line (["nl", "en"]), as the seeds are written. */
function compactLists(json: string): string {
  return json.replace(/\[\n\s+("[^"\n]*"(?:,\n\s+"[^"\n]*")*)\n\s+\]/g, (whole, items: string) => {
    const line = `[${items.split(/,\n\s+/).join(', ')}]`;
    return line.length <= 80 ? line : whole;
  });
}

/** Top-level keys in the order the schema lists them, as a person would write them. */
function inSchemaOrder(policy: Record<string, unknown>): Record<string, unknown> {
  const order = Object.keys((JSON.parse(readFileSync(schemaPath, 'utf8')) as { properties: object }).properties);
  return Object.fromEntries(order.filter((k) => k in policy).map((k) => [k, policy[k]]));
}
