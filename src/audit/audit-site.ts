import type { Diagnostic, MessageRef, MessageValue, Severity } from '../diagnostics/diagnostic.js';
import type { StageRuleId } from '../diagnostics/stage-rule-ids.js';
import { hasMessage } from '../i18n/messages.js';
import type { ThirdParty } from '../law/third-parties.js';
import type { CatalogueIndex } from './catalogue-index.js';
import type { SiteScan } from './read-site.js';
import { declaresCookie, declaresHost, declaresParty, isOwnHost, type SiteDeclarations } from './site-declarations.js';
import type { SiteReference } from './site-reference.js';

export interface AuditContext {
  catalogue: CatalogueIndex;
  declarations: SiteDeclarations;
  /** How a file is named in diagnostics (relative to the working folder). */
  display: (file: string) => string;
}

/** Article references per finding kind. */
const articles = {
  party: 'GDPR 13(1)(e)',
  consent: 'Tw 11.7a',
  cookie: 'Tw 11.7a',
  /** An undeclared party that needs consent: both, cited as the rules' articles are ('GDPR 9(3); UAVG 30(3)(a)'). */
  partyNeedingConsent: 'GDPR 13(1)(e); Tw 11.7a',
} as const;

function hostOfUrl(url: string): string | undefined {
  try {
    return new URL(url.startsWith('//') ? 'https:' + url : url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** A country's name in the message language (terms:country.<code>), else its code. */
function country(code: string): MessageValue {
  const key = `terms:country.${code}`;
  return hasMessage(key) ? { message: { messageId: key } } : code;
}

/** 'Company: Google Ireland Limited, Ireland (parent company: Google LLC, the United States).' */
function companyText(party: ThirdParty): MessageRef {
  const values = { company: party.company, country: country(party.country) };
  if (!party.parent) return { messageId: 'site:company', data: values };
  return {
    messageId: 'site:companyWithParent',
    data: { ...values, parent: party.parent.company, parentCountry: country(party.parent.country) },
  };
}

function consentText(party: ThirdParty): MessageRef {
  return { messageId: party.consent === 'depends' ? `site:depends.${party.id}` : `site:consent.${party.consent}` };
}

/** Sentences written one after the other: one message ('site:sentences') whose value is the list. */
function sentences(...parts: MessageRef[]): MessageRef {
  return { messageId: 'site:sentences', data: { sentences: { list: parts.map((message) => ({ message })) } } };
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
      ruleId: 'site/unreadable-script' satisfies StageRuleId<'audit'>,
      severity: 'warning',
      file: context.display(problem.file),
      pointer: '',
      line: problem.line,
      column: problem.column,
      messageId: 'site:unreadableScript',
      data: { detail: problem.detail },
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
      ...message,
      article,
      file: context.display(ref.file),
      pointer: '',
      line: ref.line,
      column: ref.column,
      ...(suggestion ? { hint: suggestion } : {}),
    });
  };
}

/** What one reference found in the site means: a cookie, a known party (by tag id, global or host), or an unknown host. */
function referenceFinding(ref: SiteReference, context: AuditContext, report: Report): void {
  const { catalogue, declarations } = context;
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
      { messageId: 'site:unknownHost', data: { host } },
      articles.party,
      { messageId: 'site:declareDomain', data: { domain: host } },
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
  const { declarations } = context;
  if (party.alternative && ref.kind === 'url') {
    report(
      ref,
      `alternative:${party.id}`,
      'warning',
      'site/privacy-enhanced-mode',
      {
        messageId: 'site:alternative',
        data: { party: party.names[0]!, host: found, alternative: party.alternative },
      },
      articles.consent,
    );
  }
  if (declaresParty(declarations, party)) return;
  const message = sentences(
    { messageId: `site:undeclared.${ref.kind}`, data: { party: party.names[0]!, found } },
    companyText(party),
    consentText(party),
  );
  const article = party.consent === 'required' ? articles.partyNeedingConsent : articles.party;
  report(ref, `party:${party.id}`, 'error', 'site/undeclared-party', message, article, {
    messageId: 'site:declareDomain',
    data: { domain: party.domains[0]! },
  });
}

type Report = (
  ref: SiteReference,
  key: string,
  severity: Severity,
  ruleId: StageRuleId<'audit'>,
  message: MessageRef,
  article: string,
  suggestion?: MessageRef,
) => void;

function cookieFinding(ref: SiteReference, context: AuditContext, report: Report): void {
  const { declarations, catalogue } = context;
  if (ref.value === '') {
    report(ref, 'cookie:', 'info', 'site/computed-cookie', { messageId: 'site:computedCookie' }, articles.cookie);
    return;
  }
  if (declarations.cookieUse === 'used' && declaresCookie(declarations, ref.value)) return;
  const party = catalogue.byCookie(ref.value);
  const setter: MessageValue = party
    ? { message: { messageId: 'site:cookieOf', data: { party: party.names[0]! } } }
    : '';
  const message = sentences(
    { messageId: `site:undeclaredCookie.${declarations.cookieUse}`, data: { name: ref.value, setter } },
    { messageId: 'site:cookieConsent' },
  );
  report(
    ref,
    `cookie:${ref.value}`,
    declarations.cookieUse === 'used' ? 'warning' : 'error',
    'site/undeclared-cookie',
    message,
    articles.cookie,
    declarations.cookieUse === 'used' ? { messageId: 'site:declareCookie', data: { name: ref.value } } : undefined,
  );
}
