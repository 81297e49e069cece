import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { countBySeverity, hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { messagesFor } from '../../i18n/messages.js';
import type { PolicySource } from '../../policy/policy-types.js';
import {
  cli,
  EXIT_INVALID,
  EXIT_OK,
  messageLanguage,
  policyFiles,
  readPolicy,
  diagnosticPath,
  reportDiagnostics,
  UsageError,
  type CliIo,
  type CommonOptions,
} from '../cli-support.js';

/**
 * `policyc audit-site <folder> [policy…]`: reads a built website offline
 * (its HTML and the local scripts and stylesheets it loads) and reports
 * every third party it contacts and every cookie it sets from script that
 * the policies do not declare. Exit 1 on any error (an undeclared party, an
 * invalid policy).
 */
export async function run(options: CommonOptions, io: CliIo): Promise<number> {
  const lang = messageLanguage(options);
  const [folder, ...policyPaths] = options.paths;
  if (folder === undefined) throw new UsageError(cli.t('cli:auditSiteArguments'));
  const root = path.resolve(io.cwd, folder);
  if (!existsSync(root)) throw new UsageError(cli.t('cli:siteNotFound', { folder }));
  if (!statSync(root).isDirectory()) throw new UsageError(cli.t('cli:siteIsFile', { folder }));
  const [{ analyse }, { readSite }, { catalogueIndex }, { siteDeclarations }, { auditSite }] = await Promise.all([
    import('../../pipeline/analyse-policy.js'),
    import('../../audit/read-site.js'),
    import('../../audit/catalogue-index.js'),
    import('../../audit/site-declarations.js'),
    import('../../audit/audit-site.js'),
  ]);
  // A command to run instead names the site folder before the policies: 'policyc audit-site dist .'.
  const files = policyFiles({ ...options, command: `${options.command} ${folder}`, paths: policyPaths }, io);
  const diagnostics: Diagnostic[] = [];
  const policies: PolicySource[] = [];
  for (const file of files) {
    const read = readPolicy(file, io);
    diagnostics.push(...read.diagnostics);
    if (read.text === undefined) continue;
    const analysed = analyse(read.text, diagnosticPath(io, file), { check: false, path: file });
    diagnostics.push(...analysed.diagnostics);
    if (analysed.model) policies.push(analysed.model.source);
  }
  const catalogue = catalogueIndex();
  const scan = readSite(root, catalogue);
  if (!hasErrors(diagnostics)) {
    diagnostics.push(
      ...auditSite(scan, {
        catalogue,
        declarations: siteDeclarations(policies),
        display: (f) => diagnosticPath(io, f),
      }),
    );
  }
  reportDiagnostics(diagnostics, options, io, lang);
  const counts = countBySeverity(diagnostics);
  if (options.format === 'text') {
    io.stderr(
      messagesFor(lang).t('site:summary', {
        pages: scan.htmlFiles.length,
        assets: scan.assetFiles.length,
        policies: files.length,
        errors: counts.error,
        warnings: counts.warning,
        infos: counts.info,
      }) + '\n',
    );
  }
  return hasErrors(diagnostics) ? EXIT_INVALID : EXIT_OK;
}
