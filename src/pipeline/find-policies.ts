import { readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Policy files for the given paths: a file is taken as it is; a folder holding
 * policy.json is that policy; any other folder contributes <sub>/policy.json
 * for each sub-folder. Sorted, so that builds are deterministic. Paths that
 * match nothing are returned in `missing`.
 */
export function findPolicies(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) {
      missing.push(p);
      continue;
    }
    if (statSync(p).isFile()) {
      files.add(p);
      continue;
    }
    const own = path.join(p, 'policy.json');
    if (existsSync(own)) {
      files.add(own);
      continue;
    }
    const found = readdirSync(p, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(path.join(p, e.name, 'policy.json')))
      .map((e) => path.join(p, e.name, 'policy.json'));
    if (found.length === 0) missing.push(p);
    for (const f of found) files.add(f);
  }
  return { files: [...files].sort(), missing };
}
