import { thirdParties, type ThirdParty } from '../law/third-parties.js';

/** Looks values up in the catalogue of third parties (src/law/third-parties.ts). */
export interface CatalogueIndex {
  /** The party that serves from this host (the longest matching domain wins). */
  byHost(host: string): ThirdParty | undefined;
  /** The party whose tag ids look like this value. */
  byTagId(value: string): ThirdParty | undefined;
  /** The party whose script API has this name. */
  byGlobal(name: string): ThirdParty | undefined;
  /** The party known to set this cookie. */
  byCookie(name: string): ThirdParty | undefined;
}

/** True when host is domain or one of its sub-domains. */
export function hostMatches(host: string, domain: string): boolean {
  const h = host.toLowerCase();
  const d = domain.toLowerCase().replace(/^\.+/, '');
  return h === d || h.endsWith('.' + d);
}

/** Cookie name against a pattern: exact, or a prefix when the pattern ends in *. */
export function cookieMatches(name: string, pattern: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

export function catalogueIndex(parties: readonly ThirdParty[] = thirdParties): CatalogueIndex {
  const idPatterns = parties.flatMap((p) => (p.ids ?? []).map((source) => ({ party: p, pattern: new RegExp(source) })));
  const globals = new Map(parties.flatMap((p) => (p.globals ?? []).map((g) => [g, p] as const)));
  return {
    byHost(host) {
      let best: { party: ThirdParty; length: number } | undefined;
      for (const party of parties) {
        for (const domain of party.domains) {
          if (hostMatches(host, domain) && domain.length > (best?.length ?? 0)) best = { party, length: domain.length };
        }
      }
      return best?.party;
    },
    byTagId: (value) => idPatterns.find((p) => p.pattern.test(value))?.party,
    byGlobal: (name) => globals.get(name),
    byCookie: (name) => parties.find((p) => p.cookies?.some((c) => cookieMatches(name, c))),
  };
}
