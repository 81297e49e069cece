import type { PolicySource, Text } from '../policy/policy-types.js';
import type { ThirdParty } from '../law/third-parties.js';
import { cookieMatches, hostMatches } from './catalogue-index.js';

/**
 * What the policies say about the site, as audit-site compares it: the
 * parties they name, the domains they give them, the cookie names they list,
 * and the organisation's own hosts (never third parties).
 */
export interface SiteDeclarations {
  /** Names of processors and recipients (every language) and of their parent and contracting companies. */
  names: string[];
  /** `domains` of processors and recipients. */
  domains: string[];
  /** `names` of cookie categories. */
  cookies: string[];
  /** 'used' when a policy says the site uses cookies; 'unused' when it says it does not; 'absent' without a cookies section. */
  cookieUse: 'used' | 'unused' | 'absent';
  /** Hosts of the controller's website, contact page and cookie pages, without a leading www. */
  ownHosts: string[];
}

const texts = (name: string | Text | undefined): string[] =>
  name === undefined ? [] : typeof name === 'string' ? [name] : Object.values(name).filter((v): v is string => !!v);

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** The declarations of one or more policies together (a site may serve several organisations). */
export function siteDeclarations(policies: readonly PolicySource[]): SiteDeclarations {
  const declarations: SiteDeclarations = { names: [], domains: [], cookies: [], cookieUse: 'absent', ownHosts: [] };
  for (const policy of policies) {
    for (const party of [...(policy.processors ?? []), ...(policy.recipients ?? [])]) {
      declarations.names.push(...texts(party.name));
      if ('parentCompany' in party)
        declarations.names.push(...texts(party.parentCompany?.name), ...texts(party.contractingEntity?.name));
      declarations.domains.push(...(party.domains ?? []));
    }
    for (const category of policy.cookies?.categories ?? []) declarations.cookies.push(...(category.names ?? []));
    if (policy.cookies?.used) declarations.cookieUse = 'used';
    else if (policy.cookies && declarations.cookieUse === 'absent') declarations.cookieUse = 'unused';
    const urls = [
      policy.controller.website,
      policy.controller.contact?.url,
      policy.cookies?.policyUrl,
      policy.cookies?.consentUrl,
    ];
    declarations.ownHosts.push(...urls.map(hostOf).filter((h): h is string => h !== undefined));
  }
  return declarations;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A catalogue party is declared when a policy gives one of its domains, or names it (whole words, any case). */
export function declaresParty(declarations: SiteDeclarations, party: ThirdParty): boolean {
  if (declarations.domains.some((d) => party.domains.some((pd) => hostMatches(pd, d) || hostMatches(d, pd))))
    return true;
  const patterns = party.names.map((n) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(n)}($|[^\\p{L}\\p{N}])`, 'iu'));
  return declarations.names.some((name) => patterns.some((p) => p.test(name)));
}

export function declaresHost(declarations: SiteDeclarations, host: string): boolean {
  return declarations.domains.some((d) => hostMatches(host, d));
}

export function isOwnHost(declarations: SiteDeclarations, host: string): boolean {
  return declarations.ownHosts.some((own) => hostMatches(host, own));
}

export function declaresCookie(declarations: SiteDeclarations, name: string): boolean {
  return declarations.cookies.some((pattern) => cookieMatches(name, pattern));
}
