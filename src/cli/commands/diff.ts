import { formatCompact } from '../../diagnostics/format-diagnostics.js';
import { messagesFor } from '../../i18n/messages.js';
import type { PolicySideSource } from '../../diff/policy-revision.js';
import {
  cli, EXIT_INVALID, EXIT_OK, messageLanguage, readPolicy, relativeTo, reportDiagnostics, UsageError, type Command,
} from '../cli-support.js';

/** Exit code when --fail-on finds a change of the class asked for (for CI gating). */
export const EXIT_CHANGES = 3;

/** --fail-on values: which changes fail the run. */
const failOn: Record<string, (c: { class: string }) => boolean> = {
  material: (c) => c.class === 'material',
  any: () => true,
};

/**
 * `policyc diff <old> <new>`: what changed between two versions of a
 * policy, whether it is material, and a notice for the people concerned.
 * A side is a file, `rev:path`, or (old side) a bare git revision of the new file.
 */
export const diffCommand: Command = {
  name: 'diff',
  formats: ['text', 'markdown', 'html', 'json'],
  flags: { lang: { type: 'string' }, 'fail-on': { type: 'string' }, 'notify-date': { type: 'string' } },
  async run(options, io) {
    const lang = messageLanguage(options);
    const failOnValue = options.values['fail-on'];
    if (typeof failOnValue === 'string' && !failOn[failOnValue]) throw new UsageError(cli.t('diff:error.badFailOn', { value: failOnValue }));
    const notifyDate = options.values['notify-date'];
    const [{ parseSide, readRevision }, { comparePolicies }, { diffRenderers }, { isIsoDate }] = await Promise.all([
      import('../../diff/policy-revision.js'),
      import('../../diff/compare-policies.js'),
      import('../../diff/render-diff.js'),
      import('../../diff/dates.js'),
    ]);
    if (typeof notifyDate === 'string' && !isIsoDate(notifyDate)) throw new UsageError(cli.t('diff:error.badDate', { value: notifyDate }));
    if (options.paths.length !== 2) throw new UsageError(cli.t('diff:error.arguments'));
    const [oldArg, newArg] = options.paths as [string, string];
    const newSide = parseSide(newArg, io.cwd);
    if (!newSide) throw new UsageError(cli.t('diff:error.newSideRevision', { side: newArg }));
    const oldSide = parseSide(oldArg, io.cwd, newSide.file)!;

    /** One side's text and label; a git problem is a usage error, an unreadable file a diagnostic. */
    const read = (side: PolicySideSource, arg: string, which: 'old' | 'new'): ReturnType<typeof readPolicy> & { label: string } => {
      const relative = relativeTo(io, side.file);
      if (side.kind === 'file') return { ...readPolicy(side.file, io, lang), label: relative };
      const shown = readRevision(side.revision, side.file);
      if ('text' in shown) return { text: shown.text, label: `${side.revision}:${relative}`, diagnostics: [] };
      const vars = { which: cli.t(`diff:error.which.${which}`), side: arg, path: relativeTo(io, 'path' in shown ? shown.path : side.file), revision: side.revision };
      throw new UsageError(cli.t(`diff:error.${shown.problem}`, vars));
    };
    const before = read(oldSide, oldArg, 'old');
    const after = read(newSide, newArg, 'new');
    if (before.text === undefined || after.text === undefined) {
      reportDiagnostics([...before.diagnostics, ...after.diagnostics], options, io, lang);
      return EXIT_INVALID;
    }
    const compared = comparePolicies(
      { text: before.text, label: before.label, path: oldSide.file }, { text: after.text, label: after.label, path: newSide.file },
      { messageLanguage: lang, ...(typeof notifyDate === 'string' ? { notifyDate } : {}) },
    );
    if (!compared.value) {
      reportDiagnostics(compared.diagnostics, options, io, lang);
      return EXIT_INVALID;
    }
    if (compared.diagnostics.length) io.stderr(formatCompact(compared.diagnostics, io.cwd) + '\n');
    io.stdout(diffRenderers[options.format]!(compared.value, messagesFor(lang)));
    const failing = typeof failOnValue === 'string' && compared.value.changes.some(failOn[failOnValue]!);
    return failing ? EXIT_CHANGES : EXIT_OK;
  },
};
