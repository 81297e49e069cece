import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { Messages } from '../i18n/messages.js';
import type { ThirdParty } from '../law/third-parties.js';
import { countryName } from '../render/format.js';
import type { CatalogueIndex } from './catalogue-index.js';
import type { SiteScan } from './read-site.js';
import { declaresCookie, declaresHost, declaresParty, isOwnHost, type SiteDeclarations } from './site-declarations.js';
import type { SiteReference } from './site-reference.js';

export interface AuditContext {
  catalogue: CatalogueIndex;
  declarations: SiteDeclarations;
  messages: Messages;
  /** How a file is named in diagnostics (relative to the working folder). */
  display: (file: string) => string;
}

/** Article references per finding kind. */
const articles = {
  party: 'GDPR 13(1)(e)',
  consent: 'Tw 11.7a',
  cookie: 'Tw 11.7a',
} as const;

function hostOfUrl(url: string): string | undefined {
  try {
    return new URL(url.startsWith('//') ? 'https:' + url : url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** 'Company: Google Ireland Limited, Ireland (parent company: Google LLC, the United States).' in the message language. */
function companyText(party: ThirdParty, m: Messages): string {
  const values = { company: party.company, country: countryName(party.country, m) };
  if (!party.parent) return m.t('site:company', values);
  return m.t('site:companyWithParent', {
    ...values,
    parent: party.parent.company,
    parentCountry: countryName(party.parent.country, m),
  });
}

function consentText(party: ThirdParty, m: Messages): string {
  return party.consent === 'depends' ? m.t(`site:depends.${party.id}`) : m.t(`site:consent.${party.consent}`);
}

/**
 * Compares what a site loads and sets with what its policies declare:
 * every third party it contacts or embeds must be a processor or recipient
 * of a policy (by name or by `domains`), every cookie written from script
 * must be listed in a cookie category's `names`. One finding per party (or
 * host, or cookie) per file, at its first position there.
 */
export function auditSite(scan: SiteScan, context: AuditContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = reporter(diagnostics, context);
  const sorted = [...scan.references].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
  );
  for (const ref of sorted) referenceFinding(ref, context, report);
  for (const problem of scan.problems) {
    diagnostics.push({
      ruleId: 'site/unreadable-script',
      severity: 'warning',
      file: context.display(problem.file),
      pointer: '',
      line: problem.line,
      column: problem.column,
      message: context.messages.t('site:unreadableScript', { detail: problem.detail }),
    });
  }
  return diagnostics;
}

/** Adds a finding to `diagnostics`, once per file and key (a party, host or cookie). */
function reporter(diagnostics: Diagnostic[], context: AuditContext): Report {
  const reported = new Set<string>();
  return (ref, key, severity, ruleId, message, article, suggestion) => {
    if (reported.has(`${ref.file}\0${key}`)) return;
    reported.add(`${ref.file}\0${key}`);
    diagnostics.push({
      ruleId,
      severity,
      message,
      article,
      file: context.display(ref.file),
      pointer: '',
      line: ref.line,
      column: ref.column,
      ...(suggestion ? { suggestion } : {}),
    });
  };
}

/** What one reference found in the site means: a cookie, a known party (by tag id, global or host), or an unknown host. */
function referenceFinding(ref: SiteReference, context: AuditContext, report: Report): void {
  const { catalogue, declarations, messages: m } = context;
  if (ref.kind === 'cookie') return cookieFinding(ref, context, report);
  if (ref.kind === 'tag-id') return partyFinding(ref, catalogue.byTagId(ref.value)!, ref.value, context, report);
  if (ref.kind === 'global') return partyFinding(ref, catalogue.byGlobal(ref.value)!, ref.value, context, report);
  const host = hostOfUrl(ref.value);
  if (host === undefined || isOwnHost(declarations, host)) return;
  const party = catalogue.byHost(host);
  if (party) partyFinding(ref, party, host, context, report);
  else if (!declaresHost(declarations, host)) {
    report(
      ref,
      `host:${host}`,
      'warning',
      'site/unknown-third-party',
      m.t('site:unknownHost', { host }),
      articles.party,
      m.t('site:declareDomain', { domain: host }),
    );
  }
}

/** A known third party: undeclared in every policy is an error; one with a privacy-enhanced alternative gets a hint. */
function partyFinding(
  ref: SiteReference,
  party: ThirdParty,
  found: string,
  context: AuditContext,
  report: Report,
): void {
  const { declarations, messages: m } = context;
  if (party.alternative && ref.kind === 'url') {
    report(
      ref,
      `alternative:${party.id}`,
      'warning',
      'site/privacy-enhanced-mode',
      m.t('site:alternative', { party: party.names[0], host: found, alternative: party.alternative }),
      articles.consent,
    );
  }
  if (declaresParty(declarations, party)) return;
  const message = [
    m.t(`site:undeclared.${ref.kind}`, { party: party.names[0], found }),
    companyText(party, m),
    consentText(party, m),
  ].join(' ');
  const article = party.consent === 'required' ? `${articles.party}; ${articles.consent}` : articles.party;
  report(
    ref,
    `party:${party.id}`,
    'error',
    'site/undeclared-party',
    message,
    article,
    m.t('site:declareDomain', { domain: party.domains[0] }),
  );
}

type Report = (
  ref: SiteReference,
  key: string,
  severity: Severity,
  ruleId: string,
  message: string,
  article: string,
  suggestion?: string,
) => void;

function cookieFinding(ref: SiteReference, context: AuditContext, report: Report): void {
  const { declarations, catalogue, messages: m } = context;
  if (ref.value === '') {
    report(ref, 'cookie:', 'info', 'site/computed-cookie', m.t('site:computedCookie'), articles.cookie);
    return;
  }
  if (declarations.cookieUse === 'used' && declaresCookie(declarations, ref.value)) return;
  const party = catalogue.byCookie(ref.value);
  const setter = party ? m.t('site:cookieOf', { party: party.names[0] }) : '';
  const message = [
    m.t(`site:undeclaredCookie.${declarations.cookieUse}`, { name: ref.value, setter }),
    m.t('site:cookieConsent'),
  ].join(' ');
  report(
    ref,
    `cookie:${ref.value}`,
    declarations.cookieUse === 'used' ? 'warning' : 'error',
    'site/undeclared-cookie',
    message,
    articles.cookie,
    declarations.cookieUse === 'used' ? m.t('site:declareCookie', { name: ref.value }) : undefined,
  );
}
