import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The package root: where schema/, templates/ and locales/ live. This file
 * compiles to lib/paths.js and runs as src/paths.ts under vitest; both are
 * one level below the root.
 */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const schemaPath = path.join(packageRoot, 'schema', 'policy.schema.json');
/** The JSON Schema of policyc.config.json. */
export const configSchemaPath = path.join(packageRoot, 'schema', 'policyc.config.schema.json');
/** Sector presets: policy skeletons for `policyc init` and bases for `extends`. */
export const presetsDir = path.join(packageRoot, 'presets');
export const templatesDir = path.join(packageRoot, 'templates');
export const localesDir = path.join(packageRoot, 'locales');
/** The ahead-of-time schema validator that `npm run compile` writes. */
export const generatedValidatorPath = path.join(packageRoot, 'lib', 'validate', 'policy-schema.validator.cjs');
