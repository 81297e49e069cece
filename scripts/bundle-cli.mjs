// Bundles the compiled CLI (npm run compile runs this after tsc and the
// generators) and trains V8's code cache for it and for the schema validator.
// A cold `policyc check` or `build` then reads two files (the bundle and its
// command's chunk) instead of linking some hundred modules, and skips compiling what the caches hold
// (lib/cli/main.js, the bin, runs the bundle; src/code-cache.ts loads it).
//
// - lib/policyc-bundle.cjs: lib/cli/process-cli.js and everything it imports,
//   as one CommonJS script (a code cache needs a vm.Script), with the id line
//   of src/code-id.ts, except the commands' implementations: argument parsing
//   needs every command's flags (src/cli/commands/index.ts), but a run needs
//   only its command's code.
// - lib/policyc-bundle.<command>.cjs: a chunk for each command module that
//   index.js loads with import(), with what it imports that the bundle does
//   not hold; what the bundle holds, the chunk requires from the bundle that
//   runs it (runChunk in src/code-cache.ts), so that no module runs twice.
//   Lazy `import()`s stay lazy: a module's top level runs
//   on its first import. What the code loads with `require` at run time
//   (Handlebars' runtime, the Markdown stack, momoa, ajv's runtime, the
//   generated validator and templates) stays in node_modules and lib/, and so
//   do the packages in lazyPackages below.
// - lib/validate/policy-schema.validator.cjs (from generate-validator.js)
//   rewritten with the ajv and ajv-formats code it requires inlined.
// - lib/cli/main.cjs: lib/cli/main.js, which runs the bundle, as CommonJS:
//   package.json's bin, which starts without Node's ES module loader.
// - lib/compile-worker.js: the build pool's worker, where the bundled
//   compile-many.js looks for it (beside the code that starts it); it is
//   lib/cli/compile-worker.js, which runs the worker bundle.
// - lib/policyc-worker.cjs: lib/cli/compile-job.js and everything it imports,
//   bundled as the CLI is: what a build's worker thread runs, which would
//   otherwise load some hundred modules, without a code cache, in each worker.
// - the code caches beside the bundle (policyc-bundle.cjs.check.v8cache and
//   .build.v8cache), the check, build and register chunks (policyc-bundle.check.cjs.v8cache,
//   …), the worker bundle (policyc-worker.cjs.v8cache), the validator and the
//   precompiled templates (lib/render/templates.precompiled.cjs.v8cache): what V8
//   compiled while this script ran `check`, or `build`, or `register`, or
//   one compile job, on the Doctolib seed, each in a fresh process so that a
//   check deserialises only what a check runs; a Node with another V8 ignores
//   them.
// The bundle and its chunks sit in lib/, one level below the package root, as lib/paths.js
// does: src/paths.ts finds schema/, templates/ and locales/ from there.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = path.join(root, 'lib');
const bundleFile = path.join(lib, 'policyc-bundle.cjs');
const workerBundleFile = path.join(lib, 'policyc-worker.cjs');
const validatorFile = path.join(lib, 'validate', 'policy-schema.validator.cjs');
const { withIdLine } = await import(path.join(lib, 'code-id.js'));
const { ID_LINE, SHARED_MODULE, runCachedScript, writeCodeCaches } = await import(path.join(lib, 'code-cache.js'));
/** The command table: what it loads with import() are the chunks. */
const commandTable = path.join(lib, 'cli', 'commands', 'index.js');
const chunkFile = (command) => path.join(lib, `policyc-bundle.${command}.cjs`);

/**
 * Dependencies that stay in node_modules, required when the code that imports them first runs: what only
 * `audit-site` imports (parse5, acorn) and Handlebars' compiler (`serve`, or a template edited after
 * `npm run compile`). Handlebars' runtime and the register's writers are bundled: a build starts without
 * resolving them, and test/cold-start.test.ts sees in the compiled modules that a check loads none of them.
 */
const lazyPackages = ['parse5', 'acorn', 'acorn-walk', 'handlebars'];
/** Each of lazyPackages itself, not its subpaths (esbuild's `external` takes both): handlebars/runtime.js is bundled. */
const keepExternal = {
  name: 'keep-external',
  setup(build) {
    const filter = new RegExp(`^(${lazyPackages.join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, external: true }));
  },
};

/**
 * A default import of a Node built-in in the compiled modules (`import path from 'node:path'`, as tsc writes it)
 * bound to what require returns, written so before esbuild reads the module. esbuild gives such an import a copy
 * of the built-in instead (__toESM: a getter defined for each of its exports, made in every module that imports
 * it), some twenty copies of node:path in a cold build: a ms or two of its start.
 */
const builtinsAsRequired = {
  name: 'builtins-as-required',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) =>
      args.path.startsWith(lib + path.sep)
        ? {
            contents: readFileSync(args.path, 'utf8').replace(
              /^import (\w+) from '(node:[\w/]+)';$/gm,
              (_, name, builtin) => `const ${name} = require('${builtin}');`,
            ),
            loader: 'js',
            resolveDir: path.dirname(args.path),
          }
        : undefined,
    );
  },
};

/**
 * The command modules, as the command table imports them: in the bundle, each import() runs the command's
 * chunk (which requires the bundle's modules from `shared`, by path); without `chunks`, they stay out.
 */
const commandChunks = (found, chunks) => ({
  name: 'command-chunks',
  setup(build) {
    build.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) => {
      if (args.importer !== commandTable || args.kind !== 'dynamic-import') return undefined;
      const command = path.basename(args.path, '.js');
      found.add(command);
      return chunks ? { path: command, namespace: 'command-chunk' } : { path: args.path, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: 'command-chunk' }, ({ path: command }) => {
      const { id, shared } = chunks.get(command);
      const modules = shared.map((m) => `${JSON.stringify(m)}: () => require(${JSON.stringify(path.join(root, m))})`);
      const file = JSON.stringify(path.basename(chunkFile(command)));
      return {
        resolveDir: root,
        contents: `const { runChunk } = require(${JSON.stringify(path.join(lib, 'code-cache.js'))});
          module.exports = runChunk(require("node:path").join(__dirname, ${file}), ${JSON.stringify(id)}, { ${modules.join(', ')} });`,
      };
    });
  },
});

/** In a chunk: each module that the bundle holds (`bundled`: paths from the root), required from the bundle instead. */
const sharedWithBundle = (bundled) => ({
  name: 'shared-with-bundle',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === 'shared' || args.kind === 'entry-point' || args.path.startsWith('node:'))
        return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'shared',
      });
      if (resolved.errors.length || resolved.external) return undefined;
      const module = path.relative(root, resolved.path).split(path.sep).join('/');
      return bundled.has(module) ? { path: module, namespace: 'shared' } : undefined;
    });
    // A CommonJS stand-in, so that an import() of a shared module, too, becomes a require.
    build.onLoad({ filter: /.*/, namespace: 'shared' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(SHARED_MODULE + args.path)});`,
    }));
    build.onResolve({ filter: new RegExp(`^${SHARED_MODULE}`) }, (args) => ({ path: args.path, external: true }));
  },
});

/**
 * The CLI's bundle and its chunks: first which modules the bundle holds without the commands, then each
 * command's chunk without those, then the bundle, whose command table runs the chunks.
 */
async function bundleCli() {
  const commands = new Set();
  const { metafile } = await bundleScript('lib/cli/process-cli.js', bundleFile, [commandChunks(commands)], false);
  const bundled = new Set(Object.keys(metafile.inputs));
  const chunks = new Map();
  for (const command of commands) {
    const file = chunkFile(command);
    const chunk = await bundleScript(`lib/cli/commands/${command}.js`, file, [sharedWithBundle(bundled)]);
    const shared = Object.values(chunk.metafile.inputs)
      .flatMap((input) => input.imports)
      .filter((i) => i.external && i.path.startsWith(SHARED_MODULE))
      .map((i) => i.path.slice(SHARED_MODULE.length));
    chunks.set(command, { id: ID_LINE.exec(chunk.text)[1], shared: [...new Set(shared)].sort() });
  }
  await bundleScript('lib/cli/process-cli.js', bundleFile, [commandChunks(new Set(), chunks)]);
}

/**
 * The modules of `entry` (in lib/) and what they import as one CommonJS script, written to `outfile` (in lib/)
 * unless `write` is false; returns its text and esbuild's metafile.
 */
async function bundleScript(entry, outfile, plugins = [], write = true) {
  const { outputFiles, metafile } = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    metafile: true,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    outfile,
    logLevel: 'warning',
    // Less to read and parse on every start; names stay, so stack traces still name the functions.
    minifyWhitespace: true,
    minifySyntax: true,
    // Every module's import.meta.url becomes the bundle's: it sits in lib/, as lib/paths.js does.
    define: { 'import.meta.url': '__policycBundleUrl' },
    banner: { js: 'var __policycBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [keepExternal, builtinsAsRequired, ...plugins],
  });
  if (!write) return { metafile };
  refuseDynamicImports(metafile);
  const text = withIdLine(outputFiles[0].text);
  writeFileSync(outfile, text);
  return { metafile, text };
}

/**
 * The bundle runs as a vm.Script (src/code-cache.ts), where `import()` throws ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING
 * when it runs: esbuild turns an import() of bundled code into a require, but keeps one of an external module
 * (a node: built-in, lazyPackages). Such code must use createRequire.
 */
function refuseDynamicImports(metafile) {
  const dynamic = Object.values(metafile.inputs).flatMap((input) =>
    input.imports.filter((i) => i.kind === 'dynamic-import' && i.external).map((i) => i.path),
  );
  if (dynamic.length > 0)
    throw new Error(`bundle-cli: import() of ${dynamic.join(', ')} fails in the bundle; use createRequire`);
}

/**
 * The generated validator with what it requires at run time (ajv's runtime helpers, ajv-formats' formats)
 * inlined: one file to read and nothing to resolve when a check starts.
 */
async function inlineValidatorRequires() {
  const { outputFiles } = await build({
    absWorkingDir: root,
    entryPoints: [validatorFile],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    outfile: validatorFile,
    allowOverwrite: true,
    logLevel: 'warning',
    // Generated code, never read by people: its local names shortened too.
    minify: true,
  });
  writeFileSync(validatorFile, withIdLine(outputFiles[0].text));
}

/**
 * In a fresh process (`--train <variant>`): runs `check`, `register` or `build` of a seed policy in the bundle,
 * then stores what V8 compiled, as the bundle's cache of that variant (lib/cli/main.js picks one by the command),
 * the command's chunk's and the validator's.
 */
async function trainCodeCache(variant) {
  if (variant === 'worker') return trainWorkerCodeCache();
  // register trains its chunk only: the bundle runs with its build cache for every command but check.
  const bundleVariant = variant === 'register' ? 'build' : variant;
  const bundle = runCachedScript(bundleFile, readFileSync(bundleFile, 'latin1'), bundleVariant).exports;
  const work = mkdtempSync(path.join(os.tmpdir(), 'policyc-train-'));
  try {
    cpSync(path.join(root, 'policies', 'doctolib'), path.join(work, 'policies', 'doctolib'), { recursive: true });
    const io = { cwd: work, stdout: () => {}, stderr: () => {}, color: false };
    await bundle.runCli(variant === 'check' ? ['check'] : [variant, '--out', path.join(work, 'dist')], io);
    if (variant !== 'register') writeCodeCaches(); // the bundle (this script ran it)
    bundle.writeCodeCaches(); // the command's chunk and the validator (the bundle ran them)
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** In a fresh process (`--train worker`): compiles the seed policy in the worker bundle, then stores its cache. */
async function trainWorkerCodeCache() {
  const bundle = runCachedScript(workerBundleFile, readFileSync(workerBundleFile, 'latin1')).exports;
  const file = path.join(root, 'policies', 'doctolib', 'policy.json');
  await bundle.runCompileJob({ index: 0, file, displayPath: 'policies/doctolib/policy.json' });
  writeCodeCaches();
}

/** The code caches, and the chunks: a command that is gone leaves none behind. */
function removeEarlierCaches() {
  for (const dir of [lib, path.join(lib, 'validate'), path.join(lib, 'render')])
    for (const name of readdirSync(dir))
      if (name.endsWith('.v8cache') || /^policyc-bundle\..+\.cjs$/.test(name)) rmSync(path.join(dir, name));
}

/** lib/cli/main.js as CommonJS with src/code-cache.ts inlined (the bin: no ES module loader before the bundle runs). */
async function commonJsLauncher() {
  await build({
    absWorkingDir: root,
    entryPoints: ['lib/cli/main.js'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: path.join(lib, 'cli', 'main.cjs'),
    logLevel: 'warning',
    define: { 'import.meta.url': '__policycLauncherUrl' },
    banner: { js: 'var __policycLauncherUrl = require("node:url").pathToFileURL(__filename).href;' },
    // The compiled modules, for when there is no bundle: imported from lib/cli/ as they are.
    external: ['./process-cli.js'],
    plugins: [builtinsAsRequired],
  });
}

if (process.argv[2] === '--train') await trainCodeCache(process.argv[3]);
else {
  removeEarlierCaches();
  await inlineValidatorRequires();
  await bundleCli();
  await bundleScript('lib/cli/compile-job.js', workerBundleFile);
  await commonJsLauncher();
  writeFileSync(path.join(lib, 'compile-worker.js'), "import './cli/compile-worker.js';\n");
  // build after register: the validator's and the templates' caches are the last ones trained.
  for (const variant of ['check', 'register', 'build', 'worker']) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--train', variant], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`training the code cache for ${variant} failed`);
  }
}
