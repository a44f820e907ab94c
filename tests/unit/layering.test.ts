/**
 * `npm run lint:deps` (dependency-cruiser with .dependency-cruiser.cjs) is the layering check of DESIGN.md › Layers,
 * run by `npm test` before jest. These tests prove it can fail: the repo's config, with the reporter of lint:deps
 * (err-long, whose exit code is the number of errors), runs over fixture trees under tests/fixtures/layering/, each
 * shaped like the repo's src/ (dependency-cruiser runs inside the tree, so paths read `src/domain/...`). Each must
 * fail naming the right rule, or pass for the clean tree.
 * dependency-cruiser is ESM-only, which Jest's CommonJS runtime cannot load, so its API (`cruise`, and
 * `extract-depcruise-options` as its CLI reads --config) runs in one child process for all trees: one start-up
 * instead of one per tree.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const CONFIG = path.join(ROOT, ".dependency-cruiser.cjs");
const FIXTURES = path.join(ROOT, "tests/fixtures/layering");
const SCRIPTS = (require(path.join(ROOT, "package.json")) as { scripts: Record<string, string> }).scripts;

/** Cruises `src` in each tree given (absolute paths), one after another; prints { [tree]: { exitCode, output } }. */
const CRUISE_TREES = `
import { cruise } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
const [config, outputType, ...trees] = process.argv.slice(1);
const results = {};
for (const tree of trees) {
  process.chdir(tree);
  const { output, exitCode } = await cruise(["src"], { ...(await extractDepcruiseOptions(config)), outputType });
  results[tree] = { exitCode, output };
}
process.stdout.write(JSON.stringify(results));
`;

interface Run {
  /** Exit code of lint:deps: the number of errors. */
  code: number;
  /** The report, whitespace collapsed (err-long wraps the rule comments). */
  text: string;
  /** One per reported error: the rule and the "from → to" (a cycle: "a → b → a"). */
  errors: { rule: string; path: string }[];
}

const FIXTURE_NAMES = ["to-react", "to-office-js", "to-node-fs", "to-exceljs", "to-resvg", "to-excel", "pane-preview", "cycle", "clean"] as const;
const runs = new Map<string, Run>();

beforeAll(async () => {
  const outputType = /--output-type (\S+)/.exec(SCRIPTS["lint:deps"])![1];
  const trees = FIXTURE_NAMES.map((name) => path.join(FIXTURES, name));
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ["--input-type=module", "-e", CRUISE_TREES, CONFIG, outputType, ...trees],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, timeout: 55_000 },
      (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
    ),
  );
  const results = JSON.parse(stdout) as Record<string, { exitCode: number; output: string }>;
  FIXTURE_NAMES.forEach((name, i) => {
    const { exitCode, output } = results[trees[i]];
    // Colours are on where CI is set (picocolors reads CI): strip them before reading the report.
    const text = output
      .replace(/\x1b\[[0-9;]*m/g, "")
      .replace(/\s+/g, " ")
      .trim();
    const errors = [...text.matchAll(/\berror ([\w-]+): (.+?) Layer rule/g)].map((m) => ({ rule: m[1], path: m[2] }));
    runs.set(name, { code: exitCode, text, errors });
  });
}, 60000);

/** The run of a fixture that must fail with exactly `paths.length` errors, all of `rule`. */
function expectFailure(fixture: string, rule: string, paths: RegExp[], message: string): void {
  const run = runs.get(fixture)!;
  expect(run.errors.map((e) => e.rule)).toEqual(paths.map(() => rule));
  paths.forEach((p, i) => expect(run.errors[i].path).toMatch(p));
  expect(run.code).toBe(paths.length);
  expect(run.text).toContain(`Layer rule (DESIGN.md › Layers): ${message}`);
}

describe("layering check (npm run lint:deps)", () => {
  it("fails on src/domain importing react: domain-no-react", () => {
    expectFailure(
      "to-react",
      "domain-no-react",
      [/^src\/domain\/view\.ts → \S*node_modules\/react\/index\.js$/],
      "src/domain is pure TypeScript — no React",
    );
  });

  it("fails on src/domain importing @microsoft/office-js, resolved or not: domain-no-office-js", () => {
    expectFailure(
      "to-office-js",
      "domain-no-office-js",
      [/^src\/domain\/host\.ts → @microsoft\/office-js$/, /^src\/domain\/host\.ts → \S*node_modules\/@microsoft\/office-js\/dist\/office\.js$/],
      "src/domain is pure TypeScript — no office.js",
    );
  });

  it("fails on src/domain importing node:fs: domain-no-node-builtins", () => {
    expectFailure("to-node-fs", "domain-no-node-builtins", [/^src\/domain\/load\.ts → (node:)?fs$/], "src/domain is pure TypeScript — no Node APIs");
  });

  it("fails on src/domain importing exceljs: domain-no-exceljs", () => {
    expectFailure(
      "to-exceljs",
      "domain-no-exceljs",
      [/^src\/domain\/book\.ts → \S*node_modules\/exceljs\/excel\.js$/],
      "src/domain must not import exceljs",
    );
  });

  it("fails on src/domain importing @resvg/resvg-js: domain-no-resvg", () => {
    expectFailure(
      "to-resvg",
      "domain-no-resvg",
      [/^src\/domain\/png\.ts → \S*node_modules\/@resvg\/resvg-js\/index\.js$/],
      "src/domain must not import @resvg/resvg-js",
    );
  });

  it("fails on src/domain importing ../excel/x: domain-not-to-other-layers", () => {
    expectFailure(
      "to-excel",
      "domain-not-to-other-layers",
      [/^src\/domain\/uses-excel\.ts → src\/excel\/x\.ts$/],
      "src/domain must not import from src/excel",
    );
  });

  it("fails on src/taskpane and src/preview importing each other, not through src/index: taskpane-preview-through-root", () => {
    expectFailure(
      "pane-preview",
      "taskpane-preview-through-root",
      [/^src\/taskpane\/pane\.ts → src\/preview\/memory\.ts$/, /^src\/preview\/host\.ts → src\/taskpane\/pane\.ts$/],
      "src/taskpane and src/preview must not import each other",
    );
  });

  it("fails on a cycle in src/, type-only imports included: no-circular", () => {
    expectFailure(
      "cycle",
      "no-circular",
      [/^src\/domain\/(a\.ts → src\/domain\/b\.ts → src\/domain\/a|b\.ts → src\/domain\/a\.ts → src\/domain\/b)\.ts$/],
      "no circular imports anywhere in src/",
    );
  });

  it("passes a tree that keeps the layers (domain → domain and npm; excel → domain and office.js)", () => {
    const run = runs.get("clean")!;
    expect(run.errors).toEqual([]);
    expect(run.text).toMatch(/no dependency violations found \(5 modules, 4 dependencies cruised\)/);
    expect(run.code).toBe(0);
  });

  it("runs in npm test after validate, before jest", () => {
    const at = (step: string) => SCRIPTS.test.indexOf(step);
    expect(at("npm run validate")).toBeGreaterThanOrEqual(0);
    expect(at("npm run lint:deps")).toBeGreaterThan(at("npm run validate"));
    expect(at("jest")).toBeGreaterThan(at("npm run lint:deps"));
  });
});
