import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { fixturesDir } from './support/fixtures.js';

it("the README's library API can be called from the package's public types (tsc, strict, NodeNext)", () => {
  // 'policyc' resolves by the package's own "exports" to lib/index.d.ts, as in a consumer's project.
  const file = path.join(fixturesDir, 'library-types/use-api.ts');
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    skipLibCheck: true,
  });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) => `${d.file ? path.basename(d.file.fileName) : ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
  expect(errors).toEqual([]);
}, 120_000);
