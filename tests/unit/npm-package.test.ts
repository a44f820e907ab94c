/**
 * A reviewer's command without the source tree: the package `npm pack` makes (the compiled CLI, its one native
 * dependency) installed under a temporary global prefix gives a `budget-disclosure` command that validates a
 * workbook from another folder. `npm test` has built dist-cli already: the pack does not build it again (other
 * suites run it meanwhile).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { useTempDir } from "../support/cli";

jest.setTimeout(300_000);

const root = path.join(__dirname, "..", "..");
const tempDir = useTempDir("npm-package-", "all");

function run(command: string, args: string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false" } });
  if (r.error) throw r.error;
  return r;
}

test("npm pack → npm install -g into a temporary prefix → budget-disclosure template and validate from another folder", () => {
  const packs = path.join(tempDir(), "packs");
  fs.mkdirSync(packs);
  const packed = run("npm", ["pack", "--ignore-scripts", "--pack-destination", packs, "--json"], root);
  expect(packed.status).toBe(0);
  const [{ filename, files }] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  // The compiled CLI and what it reads at run time; no sources, no tests.
  expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(["bin/budget-disclosure.js", "dist-cli/main.js", "dist-cli/exceljs.js"]));
  expect(files.some((f) => f.path.startsWith("src/") || f.path.startsWith("tests/"))).toBe(false);

  const prefix = path.join(tempDir(), "prefix");
  const installed = run("npm", ["install", "-g", "--prefix", prefix, "--prefer-offline", path.join(packs, filename)], tempDir());
  expect(installed.status).toBe(0);
  const command = path.join(prefix, "bin", "budget-disclosure");

  const elsewhere = path.join(tempDir(), "审核");
  fs.mkdirSync(elsewhere);
  expect(run(command, ["template", "--pack", "shanghai-putuo-2024-final", "--sample", "-o", "决算.xlsx"], elsewhere).status).toBe(0);
  const checked = run(command, ["validate", "决算.xlsx", "--format", "json"], elsewhere);
  // The two real slips of the published 决算 text: errors, exit 1 — the report is whole.
  expect(checked.status).toBe(1);
  const report = JSON.parse(checked.stdout);
  expect(report.files[0].pack.id).toBe("shanghai-putuo-2024-final");
  expect(report.files[0].findings.filter((f: { severity: string }) => f.severity === "error").map((f: { rule: string }) => f.rule)).toEqual(["X17", "X17"]);
});
