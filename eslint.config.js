// eslint (flat config): typescript-eslint's recommended rules without type
// information (fast: a few seconds), and the team's function-length rule for src/.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'lib/**',
      'node_modules/**',
      'src/policy/policy-types.ts',
      'test/fixtures/**',
      'test/golden/**',
      'bench/out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // A disable comment that no longer suppresses anything (a split function, a fixed line) must go.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `const { dropped: _dropped, ...rest } = value` is how the code leaves a property out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Control characters are what the illegal-character check and the reporters' escaping look for.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // "No function over ~60 lines unless it is a data table": a data table says so with
      // `// eslint-disable-next-line max-lines-per-function -- data table: <what>`.
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    // The stages after resolve read the model, not each other: what both the rules and the renderers ask of a
    // policy lives outside them (src/policy/policy-facts.ts, src/policy/retention-minimum.ts; docs/architecture.md).
    // Nor do the modules both stages read (src/policy, src/law) import the check stage; a dynamic import() neither.
    files: ['src/render/**/*.ts', 'src/policy/**/*.ts', 'src/law/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)check/',
              message:
                'render, policy and law do not import the check stage; move a fact both read to src/policy/ or src/law/.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/(^|\\/)check\\//]',
          message: 'render, policy and law do not import the check stage, dynamically either.',
        },
      ],
    },
  },
  {
    // Tests read JSON they did not type (fixtures, schemas); `any` there is a test's business.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-regex-spaces': 'off' },
  },
);
