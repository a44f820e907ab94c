#!/usr/bin/env node
/**
 * Builds the CLI into dist-cli/ (`npm run build:cli`; run by `npm install`/`npm ci` through `prepare`, and by
 * `npm test`): the command and its two worker threads, each one CommonJS file with its npm dependencies inside,
 * so that `budget-disclosure` starts without transpiling TypeScript or resolving hundreds of files in node_modules.
 * The built-in packs go in already validated.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const esbuild = require("esbuild");

const root = path.resolve(__dirname, "..");
require("tsx/cjs");
const { builtinPacks } = require(path.join(root, "src/domain/packs/index.ts"));

/** Where the entries find exceljs: a file of its own beside them, read only by the commands that open a workbook. */
const excelAlone = {
  name: "exceljs-alone",
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, () => ({ path: "./exceljs.js", external: true }));
  },
};

/**
 * The samples' figures (half of the CLI's code) as JSON files beside it: Node parses them only when `template --sample`
 * or its help asks for them.
 */
const samplesAlone = {
  name: "samples-alone",
  setup(build) {
    build.onResolve({ filter: /\.json$/ }, (args) => {
      const file = path.resolve(args.resolveDir, args.path);
      if (path.dirname(file) !== samplesDir) return undefined;
      return { path: `./samples/${path.basename(file)}`, external: true };
    });
  },
};
const samplesDir = path.join(root, "src/domain/samples");

const common = {
  absWorkingDir: root,
  outdir: "dist-cli",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  minifySyntax: true,
  minifyWhitespace: true,
  keepNames: true,
  // `node --enable-source-maps bin/budget-disclosure.js --debug …` shows stack traces in the sources.
  sourcemap: "linked",
  logLevel: "warning",
};

const built = Promise.all([
  esbuild.build({ ...common, entryPoints: { exceljs: require.resolve("exceljs") } }),
  esbuild.build({
    ...common,
    plugins: [excelAlone, samplesAlone],
    entryPoints: {
      main: "src/cli/main.ts",
      "validate-worker": "src/cli/validate-worker.ts",
      "export-worker": "src/cli/export-worker.ts",
    },
    // A native addon, loaded from node_modules when a chart is drawn; tsx, which only the sources run under.
    external: ["@resvg/resvg-js", "tsx"],
    // import() of exceljs as require(): Node's ESM loader would scan the whole CommonJS file for its exports first.
    supported: { "dynamic-import": false },
    // As JSON text (JSON.parse reads it faster than V8 parses the same data written as code).
    define: { VALIDATED_BUILTIN_PACKS: JSON.stringify(JSON.stringify(builtinPacks())) },
  }),
]);
fs.mkdirSync(path.join(root, "dist-cli/samples"), { recursive: true });
for (const f of fs.readdirSync(samplesDir).filter((f) => f.endsWith(".json")))
  fs.copyFileSync(path.join(samplesDir, f), path.join(root, "dist-cli/samples", f));
// esbuild has printed what went wrong.
built.catch(() => (process.exitCode = 1));
