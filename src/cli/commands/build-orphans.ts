import path from 'node:path';
import type { KeptOrphan, PruneOptions, UserFiles } from '../../output/output-writer.js';
import { namedSome, resultEntry, type SkipReason } from '../build-result.js';
import { isLanguage, joinItems, listsJoined, messagesFor, type Messages } from '../../i18n/messages.js';
import { relativeTo } from '../cli-support.js';
import { shownPath } from '../../paths.js';
import type { Writer, Build } from './build-state.js';
import { folderOf } from './build-outcome.js';

/**
 * A build of every policy (none named on the command line, all outputs):
 * an organisation folder left by a policy that no longer exists is removed
 * (policyc made it) or kept with a warning (it holds files of someone else's).
 */
export function wholeBuild(build: Build): boolean {
  return !build.groups && build.options.paths.length === 0;
}

/**
 * What a whole build read, by which the writer tells a policy that is really
 * gone from one this build did not read: each policy file with its id (a
 * policy taken from the cache keeps its folder, which was not staged), the
 * inputs and the folders skipped.
 */
export function pruneOptions(build: Build, skipped: ReadonlyMap<number, SkipReason>): PruneOptions {
  const read = new Map(build.found.files.map((file, index) => [path.resolve(file), build.inputs[index]?.id] as const));
  return {
    read,
    failed: new Set([...skipped.keys()].map((place) => path.resolve(build.found.files[place]!))),
    roots: build.found.roots,
    home: path.resolve(build.io.cwd),
    skipped: build.found.skippedFolders,
    show: (file) => relativeTo(build.io, file),
  };
}

/**
 * One line per organisation folder a whole build removed, or kept though its policy seems gone; the folders of
 * another project sharing --out in one line (a chain's builds would otherwise repeat a line for each on every
 * build), and past KEPT_SHOWN folders kept for one reason, the first said in full and the rest in one line. The
 * folders of the policies --keep-going skipped are left without a word (the skipped line names them).
 */
export function reportOrphans(build: Build, result: ReturnType<Writer['commit']>): void {
  const report = messagesFor(build.lang);
  const out = relativeTo(build.io, build.outDir, build.options.out);
  const shown = (org: string) => path.join(out, org);
  for (const org of result.removed) {
    build.io.stderr(report.t('report:orphanRemoved', { folder: shown(org), id: org }) + '\n');
    build.result.removed.push(resultEntry({ id: org, folder: folderOf(build, org) }));
  }
  const kept = result.kept.filter((k) => k.key !== 'failed');
  for (const k of kept)
    build.result.leftInPlace.push({
      ...resultEntry({ id: k.organisation, folder: folderOf(build, k.organisation) }),
      reason: k.key,
    });
  const byReason = new Map<string, KeptOrphan[]>();
  for (const k of kept) {
    if (k.key === 'otherProject') continue;
    const reason = KEPT_REASONS.includes(k.key) ? k.key : 'other';
    byReason.set(reason, [...(byReason.get(reason) ?? []), k]);
  }
  for (const [reason, folders] of byReason) {
    for (const k of folders.slice(0, folders.length > KEPT_SHOWN + 1 ? 1 : KEPT_SHOWN + 1))
      build.io.stderr(keptLine(k, reason, shown, report) + '\n');
    if (folders.length > KEPT_SHOWN + 1) build.io.stderr(sameReason(folders.slice(1), out, report) + '\n');
  }
  const others = kept.filter((k) => k.key === 'otherProject');
  if (others.length) build.io.stderr(otherProjects(others, out, report) + '\n');
}

/** Past this many folders kept for one reason, the first is said in full and the others in one line. */
const KEPT_SHOWN = 3;

/** The line for one folder kept though its policy seems gone, with why. */
function keptLine(kept: KeptOrphan, reason: string, shown: (org: string) => string, report: Messages): string {
  const files = kept.files ? { files: userFiles(kept.files, report) } : {};
  return report.t(`report:orphanKept.${reason}`, {
    folder: shown(kept.organisation),
    id: kept.organisation,
    ...listsJoined(kept.params, report),
    ...files,
  });
}

/** The one line for the other folders kept for the reason the line before gives. */
function sameReason(kept: readonly KeptOrphan[], out: string, report: Messages): string {
  const ids = kept.map((k) => k.organisation);
  const named = namedSome(ids, OTHER_IDS_SHOWN, report);
  return report.t('report:orphanKept.sameReason', { count: kept.length, out, ids: named });
}

/** The files kept in a folder of a policy that is gone, each with why (changed, or added). */
function userFiles(files: UserFiles, report: Messages): string {
  const named = [
    ...files.changed.map((file) => ({ file, key: 'changedFile' })),
    ...files.added.map((file) => ({ file, key: 'addedFile' })),
  ].sort((a, b) => (a.file < b.file ? -1 : 1));
  return joinItems(
    named.map(({ file, key }) => report.t(`report:orphanKept.${key}`, { file: printable(file) })),
    report,
  );
}

/** A file name someone else chose, with its control characters as \\u escapes: none reaches the terminal. */
function printable(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** How many of the folders made from another project's policies the line names. */
const OTHER_IDS_SHOWN = 5;

/** The one line for the folders that share the output folder and were made from another project's policies. */
function otherProjects(others: readonly KeptOrphan[], out: string, report: Messages): string {
  const first = others[0]!;
  const params = {
    folder: path.join(out, first.organisation),
    id: first.organisation,
    out,
    ...listsJoined(first.params, report),
  };
  const ids = namedSome(
    others.map((kept) => kept.organisation),
    OTHER_IDS_SHOWN,
    report,
  );
  return report.t('report:orphanKept.otherProject', { ...params, count: others.length, ids });
}

/** Why a folder was kept, each with its sentence in report.json's orphanKept (any other refusal: 'other'). */
const KEPT_REASONS: readonly string[] = ['oldManifest', 'noHashes', 'notRead', 'skipped', 'sourcePresent', 'userFiles'];

/**
 * One line per organisation folder the build replaced that lost files it no longer makes (webdev10: `build --lang
 * nl` after a build of both languages removed en/ without a word): a language folder as one item with its count,
 * other files by name; with --lang, how to make them again. Listed in the build result's removedFiles.
 */
export function reportDropped(build: Build, result: ReturnType<Writer['commit']>): void {
  const report = messagesFor(build.lang);
  const out = relativeTo(build.io, build.outDir, build.options.out);
  const context = languagesContext(build);
  // 'this build', or 'this run of register': register removes only the registers of a language it no longer makes.
  const run = report.t(`report:filesDroppedBy.${build.options.command === 'register' ? 'register' : 'build'}`);
  for (const { organisation, files } of result.dropped) {
    const folder = path.join(out, organisation);
    const params = { folder, files: droppedItems(files, report), run, ...context };
    build.io.stderr(report.t('report:filesDropped', params) + '\n');
    build.result.removedFiles.push({
      ...resultEntry({ id: organisation, folder: folderOf(build, organisation) }),
      files,
    });
  }
}

/** Where the build's narrower languages came from: --lang, or the config file's "languages" (none: the policy's). */
function languagesContext(build: Build): Record<string, string> {
  const { lang, fromConfig, config } = build.options;
  if (lang === undefined) return {};
  if (!fromConfig?.includes('lang') || config.file === undefined) return { context: 'lang', lang };
  return { context: 'config', lang, file: shownPath(build.io.cwd, config.file) };
}

/** The files removed from one folder as the line names them: each language folder once, with its count. */
function droppedItems(files: readonly string[], report: Messages): string {
  const byFolder = new Map<string, number>();
  const single: string[] = [];
  for (const file of files) {
    const [folder = '', ...rest] = file.split('/');
    if (rest.length > 0 && isLanguage(folder)) byFolder.set(folder, (byFolder.get(folder) ?? 0) + 1);
    else single.push(printable(file));
  }
  const folders = [...byFolder].map(([folder, count]) => report.t('report:filesDroppedFolder', { folder, count }));
  return joinItems([...folders, ...single], report);
}
