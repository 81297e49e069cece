import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import type { HistoryEntry, Text } from '../policy/policy-types.js';
import type { PolicyModel } from '../resolve/model.js';
import { changeWords } from './change-words.js';
import { comparePolicies } from './compare-policies.js';
import { loadExtended, type SourceReader } from '../load/extends.js';
import { existingFolder, git, revisionReader } from './policy-revision.js';
import { posixPath } from '../paths.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';

/** One commit that changed the policy file: its text then, and the day it was committed (UTC). */
interface FileVersion {
  date: string;
  /** `metadata.effectiveDate` as the commit had it: the day that version applies from. */
  effectiveDate?: string;
  text: string;
  /** Where the file was in its commit (absolute): its bases are found from there. */
  path: string;
  version?: string;
  /** The bases it extends, as they were in its commit. */
  reader: SourceReader;
}

/** Why there is no history: no git, or the file is not in a repository. */
type HistoryProblem = 'gitMissing' | 'notInRepository';

/** 'YYYY-MM-DD' of a commit's committer timestamp, in UTC: the same on every machine. */
const commitDay = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);

/** The policy id a committed text gives, or undefined when it is not JSON (such a commit is kept, without a version). */
function idOf(text: string): { parsed: boolean; id?: unknown } {
  try {
    return { parsed: true, id: (JSON.parse(text) as { id?: unknown }).id };
  } catch {
    return { parsed: false };
  }
}

/**
 * `metadata.version` and `metadata.effectiveDate` (a YYYY-MM-DD date only) as the commit had them, merged with the
 * bases it extended then (a child may inherit them).
 */
function versionOf(text: string, absolute: string, reader: SourceReader): { version?: string; effectiveDate?: string } {
  const metadata = (loadExtended(text, absolute, absolute, [], reader).value?.value as PolicyVersionOnly | undefined)
    ?.metadata;
  const { version, effectiveDate } = metadata ?? {};
  return {
    ...(typeof version === 'string' ? { version } : {}),
    ...(typeof effectiveDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(effectiveDate) ? { effectiveDate } : {}),
  };
}

interface PolicyVersionOnly {
  metadata?: { version?: unknown; effectiveDate?: unknown };
}

/** One record of `git log --name-status`: the commit, its date, how it touched the file and the file's name then. */
function logRecords(stdout: string): Array<{ hash: string; seconds: string; status: string; name?: string }> {
  return stdout
    .split('\0')
    .slice(1)
    .map((record) => {
      const [head = '', change = ''] = record.split('\n').filter(Boolean);
      const [hash = '', seconds = '0'] = head.split(' ');
      const [status = '', ...names] = change.split('\t');
      return { hash, seconds, status, ...(names.length ? { name: names.at(-1)! } : {}) };
    });
}

/**
 * Every committed text of `file`, oldest first, following renames of the
 * policy `id` only: the walk stops at a copy (C: a practice made from another
 * one's file starts there) and before a commit whose text is another policy.
 */
function fileVersions(file: string, id: string): FileVersion[] | HistoryProblem {
  const folder = existingFolder(file);
  const top = git(['rev-parse', '--show-toplevel'], folder);
  if (top.missing) return 'gitMissing';
  if (top.status !== 0) return 'notInRepository';
  const root = top.stdout.trim();
  const inRepo = posixPath(path.join(path.relative(root, realpathSync(folder)), path.basename(file)));
  const log = git(['log', '--follow', '--format=%x00%H %ct', '--name-status', '--', inRepo], root);
  if (log.status !== 0) return [];
  const versions: FileVersion[] = [];
  for (const { hash, seconds, status, name = inRepo } of logRecords(log.stdout)) {
    const reader = revisionReader(root, hash);
    const absolute = path.join(root, name);
    const text = reader.show(absolute);
    if (text === undefined) continue; // the commit deleted the file
    const { parsed, id: committedId } = idOf(text);
    if (parsed && committedId !== id) break;
    const metadata = parsed ? versionOf(text, absolute, reader) : {};
    versions.unshift({ date: commitDay(Number(seconds)), text, path: absolute, ...metadata, reader });
    if (status.startsWith('C')) break;
  }
  return versions;
}

/** What a version changed, in one language: its material changes as the diff words them. */
function summaryIn(m: Messages, before: FileVersion | undefined, after: FileVersion, file: string): string {
  if (!before) return m.t('diff:history.first');
  const compared = comparePolicies(
    { text: before.text, label: file, path: before.path, reader: before.reader },
    { text: after.text, label: file, path: after.path, reader: after.reader },
    // The history summarises what changed; the check's findings are not part of it.
    { findings: false },
  );
  if (!compared.value) return m.t('diff:history.notComparable');
  const material = compared.value.changes.filter((c) => c.class === 'material').map((c) => changeWords(c, m).summary);
  return material.length
    ? m.t('diff:history.material', { changes: material.join(m.t('diff:history.changeSeparator')) })
    : m.t('diff:history.editorial');
}

/**
 * The policy's earlier versions from git, newest first: one entry per
 * version (the commit that changed `metadata.version`), dated by the
 * version's `effectiveDate` as published (its last commit) when it has one,
 * else by the committer date in UTC of the commit that introduced it (review
 * webdev10, finding 12: a version dated before the day it applied from read as
 * if it applied then), summarised by the diff against the version before it.
 * The version being built is not history and is left out.
 */
export function gitHistory(
  file: string,
  model: PolicyModel,
  display: string,
): { entries: HistoryEntry[]; diagnostics: Diagnostic[] } {
  const versions = fileVersions(file, model.source.id);
  if (!Array.isArray(versions)) {
    return {
      entries: [],
      diagnostics: [
        {
          ruleId:
            `build/history-${versions === 'gitMissing' ? 'git-missing' : 'not-in-repository'}` satisfies StageRuleId<'build'>,
          severity: 'warning',
          messageId: `diagnostics:build.history.${versions}`,
          data: { file: display },
          file: display,
          pointer: '',
        },
      ],
    };
  }
  // The last commit of each version is that version as published; it dates from the commit that first gave the version.
  const published: Array<{ first: FileVersion; last: FileVersion }> = [];
  for (const v of versions) {
    if (v.version === undefined) continue;
    const current = published.at(-1);
    if (current && current.last.version === v.version) current.last = v;
    else published.push({ first: v, last: v });
  }
  const { formality } = model.source.metadata;
  const entries = published.map(({ first, last }, i): HistoryEntry => ({
    version: first.version!,
    date: last.effectiveDate ?? first.date,
    summary: Object.fromEntries(
      model.languages.map((lang) => [
        lang,
        summaryIn(messagesFor(lang, formality), published[i - 1]?.last, last, file),
      ]),
    ) as Text,
  }));
  return { entries: entries.filter((e) => e.version !== model.source.metadata.version).reverse(), diagnostics: [] };
}
