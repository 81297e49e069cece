import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli.js';
import { readFixture } from './support/fixtures.js';
import { policyOutputs } from './support/policy-outputs.js';

/**
 * Issue 10, "nothing authored is dropped": walk the schema, give every text
 * field of a full fixture a unique marker, compile it, and find every marker
 * in the notice, the register or the JSON-LD. A text field is a $defs/text or
 * $defs/markdown value, or a plain string without enum, format or pattern.
 * Fields the schema marks `x-not-rendered` (metadata such as authoringNotes)
 * are exempt. A new text field the fixture does not fill fails the test too.
 */
type Schema = Record<string, any>;
const schema: Schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/policy.schema.json'), 'utf8'));

const deref = (node: Schema): Schema => (node.$ref ? deref(schema.$defs[node.$ref.replace('#/$defs/', '')]) : node);
const isTextDef = (node: Schema): boolean => node.$ref === '#/$defs/text' || node.$ref === '#/$defs/markdown';
const isFreeString = (node: Schema): boolean =>
  node.type === 'string' && !node.enum && !node.format && !node.pattern && !node.$ref;

/** Every text-field path in the schema ('*' for array items and free keys), except those marked x-not-rendered. */
function textPaths(node: Schema, at: string, out: Set<string>, seen: string[] = []): void {
  if (node['x-not-rendered']) return;
  if (isTextDef(node) || isFreeString(node)) {
    out.add(at);
    return;
  }
  if (node.$ref) {
    if (seen.includes(node.$ref)) return;
    textPaths(deref(node), at, out, [...seen, node.$ref]);
    return;
  }
  if (node.then) textPaths(node.then, at, out, seen);
  if (
    node.else &&
    !deref(node.else).enum &&
    (node.type === 'string' || (Array.isArray(node.type) && node.type.includes('string')))
  )
    out.add(at);
  for (const [key, child] of Object.entries<Schema>(node.properties ?? {})) textPaths(child, `${at}/${key}`, out, seen);
  for (const child of Object.values<Schema>(node.patternProperties ?? {})) textPaths(child, `${at}/*`, out, seen);
  if (node.items) textPaths(node.items, `${at}/*`, out, seen);
}

/** Replaces every text in `value` (walking it along the schema) by a marker; returns the paths it filled. */
function mark(node: Schema, value: any, at: string, markers: string[], filled: Set<string>): any {
  if (node['x-not-rendered']) return value;
  const next = (): string => {
    markers.push(`zq${markers.length}qz`);
    return markers[markers.length - 1]!;
  };
  if (isTextDef(node)) {
    filled.add(at);
    return Object.fromEntries(Object.keys(value).map((lang) => [lang, next()]));
  }
  // A text-or-name (processor names: an object is a Text, else a string); not a name-or-list of codes (special).
  if (typeof value === 'string' && (isFreeString(node) || (node.else && node.then && !deref(node.else).enum))) {
    filled.add(at);
    return next();
  }
  if (node.$ref) return mark(deref(node), value, at, markers, filled);
  if (node.then && typeof value === 'object') return mark(node.then, value, at, markers, filled);
  if (Array.isArray(value)) return value.map((item) => mark(node.items ?? {}, item, `${at}/*`, markers, filled));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => {
        const sub =
          node.properties?.[key] ??
          (node.patternProperties ? Object.values<Schema>(node.patternProperties)[0] : undefined);
        return [
          key,
          sub ? mark(sub, child, node.properties?.[key] ? `${at}/${key}` : `${at}/*`, markers, filled) : child,
        ];
      }),
    );
  }
  return value;
}

describe('every authored text reaches an output (schema walk)', () => {
  const fixture = JSON.parse(readFixture('full/policy.json'));
  // An acknowledgement's reason reaches the register when it matches a finding (the fixture has this one:
  // a data category no retention rule covers, which the markers leave as it is).
  fixture.metadata.acknowledged = [{ rule: 'retention/missing', reason: { nl: 'Afgewogen.', en: 'Weighed.' } }];
  // A DPO's details and the reason none is appointed exclude each other: the second policy has the reason.
  const notAppointed = { appointed: false, reason: { nl: 'Niet verplicht.', en: 'Not required.' } };
  const noDpo = {
    ...fixture,
    dpo: notAppointed,
    controllers: fixture.controllers.map((c: object) => ({ ...c, dpo: notAppointed })),
  };
  const filled = new Set<string>();
  const variants = [fixture, noDpo].map((policy) => {
    const markers: string[] = [];
    return { markers, marked: mark(schema, policy, '', markers, filled) };
  });

  it('the full fixture fills every text field the schema defines', () => {
    const all = new Set<string>();
    textPaths(schema, '', all);
    expect([...all].filter((p) => !filled.has(p)).sort()).toEqual([]);
  });

  it('every marker is found in the notice, the register or the JSON-LD', () => {
    expect(variants[0]!.markers.length).toBeGreaterThan(100);
    for (const { markers, marked } of variants) {
      const out = policyOutputs(marked);
      const everything = [out.notice.nl, out.notice.en, out.register.nl, out.register.en, out.jsonld].join('\n');
      const missing = markers.filter((marker) => !everything.includes(marker));
      expect(missing.map((marker) => pathOf(marked, marker))).toEqual([]);
    }
  });
});

/** The JSON pointer of the value holding `marker`, to name a dropped field. */
function pathOf(value: any, marker: string, at = ''): string | undefined {
  if (value === marker) return at;
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = pathOf(child, marker, `${at}/${key}`);
      if (found) return found;
    }
  }
  return undefined;
}
