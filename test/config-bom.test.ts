import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPolicycInProcess } from './support/cli.js';
import { miniPolicy } from './support/mini-policy.js';
import { tempDirs } from './support/temp-dirs.js';

/**
 * "bom": false in the config file under the excel dialect (the default),
 * which always writes a byte-order mark: a warning at the key, not a setting
 * accepted and silently ignored (safety review of 2026-12-06, improvement 6).
 */
const tmp = tempDirs('policyc-config-bom-');
const BOM = '\ufeff';

function project(config: Record<string, unknown>): string {
  const dir = tmp();
  mkdirSync(path.join(dir, 'policies/alpha'), { recursive: true });
  writeFileSync(path.join(dir, 'policies/alpha/policy.json'), JSON.stringify({ ...miniPolicy(), id: 'alpha' }));
  writeFileSync(path.join(dir, 'policyc.config.json'), JSON.stringify(config, null, 2) + '\n');
  return dir;
}
const csv = (dir: string) => readFileSync(path.join(dir, 'dist/alpha/nl/register.csv'), 'utf8');

describe('"bom": false in the config file', () => {
  it('under the excel dialect is a warning at the key, and the register still starts with a byte-order mark', async () => {
    const dir = project({ languages: ['nl'], bom: false });
    const run = await runPolicycInProcess(['build', '--out', 'dist'], dir);
    expect(run.status, run.stderr).toBe(0);
    // At the key's line and column (line 5: "languages" spans lines 2-4), in the report's columns (their widths follow the widest position).
    const line = run.stderr.split('\n').find((l) => l.includes('config/bom-ignored'));
    expect(line?.replace(/ +/g, ' ')).toBe(
      ' 5:3 warning "bom": false has no effect with the excel CSV dialect (the default): register.csv for Excel always starts with a byte-order mark, without which Excel misreads accented letters. For a file without one, set "csv": "rfc4180" config/bom-ignored',
    );
    expect(run.stderr).toContain('policyc.config.json\n');
    expect(csv(dir).startsWith(BOM)).toBe(true);
  });

  it('with "csv": "rfc4180" holds, without a warning', async () => {
    const dir = project({ languages: ['nl'], bom: false, csv: 'rfc4180' });
    const run = await runPolicycInProcess(['build', '--out', 'dist'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('bom-ignored');
    expect(csv(dir).startsWith(BOM)).toBe(false);
  });

  it('is warned of by register too, in the message language', async () => {
    const dir = project({ languages: ['nl'], bom: false, messageLanguage: 'nl' });
    const run = await runPolicycInProcess(['register', '--out', 'dist'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('"bom": false heeft geen effect met het CSV-dialect excel (de standaard)');
    expect(csv(dir).startsWith(BOM)).toBe(true);
  });
});
