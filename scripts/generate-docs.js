// Writes docs/rules.md from the rule catalogue (run via `npm run docs`, after compiling to lib/).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRulesDoc } from '../lib/check/rules-doc.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(path.join(root, 'docs'), { recursive: true });
writeFileSync(path.join(root, 'docs', 'rules.md'), renderRulesDoc());
