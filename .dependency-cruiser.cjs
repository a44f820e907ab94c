// Layering rules of /work/shared/DESIGN.md › "Layers (src/)", checked by `npm run lint:deps`
// (part of `npm test`). Only imports are checked: uses of the `Office`/`Excel` globals are not.
//
// Paths are relative to the directory depcruise runs in (the repo root; the tests in
// tests/unit/layering.test.ts run it in fixture trees shaped like src/). Packages are matched
// on their resolved path (…/node_modules/<name>/…), wherever node_modules lies, and on the bare
// name when the import could not be resolved.

const DOMAIN = "^src/domain/";

/** How every rule's message starts (tests/unit/layering.test.ts looks for it). */
const LAYER_RULE = "Layer rule (DESIGN.md › Layers): ";

/** A to.path regex matching the packages `names` (regex fragments), resolved or not. */
function packages(...names) {
  const alt = names.join("|");
  return `(^|/)node_modules/(${alt})/|^(${alt})(/|$)`;
}

/** A rule forbidding src/domain to import the packages `names` (see packages), with `why` as its message. */
function domainMustNotImport(name, names, why) {
  return { name, comment: LAYER_RULE + why, severity: "error", from: { path: DOMAIN }, to: { path: packages(...names) } };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      // "Nothing in domain/ imports from another layer": arrows point down only. Every folder of src/ but domain is
      // another layer.
      name: "domain-not-to-other-layers",
      comment:
        LAYER_RULE +
        "src/domain must not import from src/excel, src/taskpane, src/preview, src/cli, src/commands or src/xlsx — " +
        "arrows point down only; other layers import domain, never the reverse.",
      severity: "error",
      from: { path: DOMAIN },
      to: { path: "^src/", pathNot: DOMAIN },
    },
    // domain runs the same in Excel, the browser and Node: office.js belongs to src/excel only.
    domainMustNotImport(
      "domain-no-office-js",
      ["@microsoft/office-js", "@types/office-js"],
      "src/domain is pure TypeScript — no office.js. Only src/excel touches office.js; domain talks to the workbook through the WorkbookPort interface.",
    ),
    // UI lives in src/taskpane; domain must run headless (CLI, tests, workers).
    domainMustNotImport(
      "domain-no-react",
      ["react", "react-dom", "@types/react", "@types/react-dom", "@fluentui/[^/]+"],
      "src/domain is pure TypeScript — no React (react, react-dom, @fluentui/*). UI belongs in src/taskpane (or src/preview).",
    ),
    {
      // domain also runs in the task pane (a browser): no fs, path, os, worker_threads, … (with or without node:).
      name: "domain-no-node-builtins",
      comment:
        LAYER_RULE +
        "src/domain is pure TypeScript — no Node APIs (fs, node:fs, path, os, worker_threads, … any core module). Node-only code belongs in src/cli.",
      severity: "error",
      from: { path: DOMAIN },
      to: { dependencyTypes: ["core"] },
    },
    // exceljs is how src/cli/grids.ts reads .xlsx into Grids and src/xlsx writes them; domain works on Grids, not on
    // workbook files.
    domainMustNotImport(
      "domain-no-exceljs",
      ["exceljs"],
      "src/domain must not import exceljs — .xlsx files are read into Grids in src/cli (grids.ts) and written by src/xlsx; domain only sees Grids.",
    ),
    // @resvg/resvg-js is a native Node addon: it cannot run in the task pane.
    domainMustNotImport(
      "domain-no-resvg",
      ["@resvg/[^/]+"],
      "src/domain must not import @resvg/resvg-js — it is a native Node addon and domain must run the same in Excel, the browser and Node.",
    ),
    {
      // The page's parts meet in one place, src/index.tsx: the panes know the port, not the preview host that serves
      // it, and the preview host takes the panes from the root.
      name: "taskpane-preview-through-root",
      comment:
        LAYER_RULE +
        "src/taskpane and src/preview must not import each other — they are joined in the composition root src/index.tsx; shared strings live in src/locale.",
      severity: "error",
      from: { path: "^src/(taskpane|preview)/" },
      to: { path: "^src/(taskpane|preview)/", pathNot: "^src/$1/" },
    },
    {
      // Cycles make load order matter and blur which module owns what. Type-only imports count too
      // (they are imports in the source even though tsc erases them).
      name: "no-circular",
      comment:
        LAYER_RULE + "no circular imports anywhere in src/ (type-only imports included) — move the shared piece into a module both sides import.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
  ],
  options: {
    // Packages are leaves: their own imports are not our layering.
    doNotFollow: { path: "(^|/)node_modules/" },
    // Keep `import type` imports (reported with dependency type "type-only"): they are imports too.
    tsPreCompilationDeps: true,
    // Only what the rules need is analysed (keeps lint:deps fast).
    skipAnalysisNotInRules: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
