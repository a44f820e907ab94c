/**
 * The CLI as users run it: bin/budget-disclosure.js over the compiled files of dist-cli/ (scripts/build-cli.js, run by
 * `npm test` before jest and by `npm install`). It must load no TypeScript and no tsx, read exceljs only for commands
 * that open a workbook, run its worker threads from their own compiled files, and hold the same built-in packs as the
 * sources.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import { runCli, useTempDir } from "../support/cli";

const ROOT = path.join(__dirname, "../..");
const BIN = path.join(ROOT, "bin/budget-disclosure.js");
/** Preloaded into the CLI's process: prints every CommonJS module it loaded, on exit. */
const LOADED = path.join(ROOT, "tests/support/print-loaded.js");

const tempDir = useTempDir("cli-compiled-", "all");

/** The CLI as a process; `modules`: the files it loaded, relative to the repo. */
async function bin(args: string[], env: NodeJS.ProcessEnv = process.env) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["-r", LOADED, BIN, ...args], { encoding: "utf8", env });
    return { code: 0, ...split(stdout, stderr) };
  } catch (e) {
    const { code, stdout, stderr } = e as { code: number; stdout: string; stderr: string };
    return { code, ...split(stdout, stderr) };
  }
}

function split(out: string, stderr: string) {
  const [err, list] = stderr.split("\nLOADED ");
  return { out, err, modules: (JSON.parse(list) as string[]).map((f) => path.relative(ROOT, f)) };
}

/** A JSON report without the time it was made. */
const untimed = (json: string) => json.replace(/"checked_at": "[^"]*"/, "");

const sample = () => path.join(tempDir(), "晋城.xlsx");

beforeAll(async () => {
  expect(fs.existsSync(path.join(ROOT, "dist-cli/main.js"))).toBe(true);
  expect((await runCli("template", "--sample", "-o", sample())).code).toBe(0);
}, 120_000);

describe("the compiled CLI", () => {
  it("says its version without loading TypeScript, tsx, exceljs or the samples", async () => {
    const r = await bin(["--version"]);
    expect(r.out).toBe(`${(require("../../package.json") as { version: string }).version}\n`);
    expect(r.modules).toContain("dist-cli/main.js");
    expect(r.modules.filter((m) => m.endsWith(".ts") || m.includes("node_modules/tsx"))).toEqual([]);
    expect(r.modules).not.toContain("dist-cli/exceljs.js");
    expect(r.modules.filter((m) => m.startsWith("dist-cli/samples/"))).toEqual([]);
  });

  it("reads a sample's figures from their own file when asked for (not bundled into main.js)", async () => {
    const r = await bin(["template", "--sample", "-o", path.join(tempDir(), "示例.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.modules).toContain("dist-cli/samples/jincheng-2023.json");
  });

  it("validates a workbook as the sources do, exceljs read from its own compiled file", async () => {
    const compiled = await bin(["validate", sample(), "--format", "json"]);
    const sources = await runCli("validate", sample(), "--format", "json");
    expect(compiled.code).toBe(sources.code);
    expect(untimed(compiled.out)).toBe(untimed(sources.out));
    expect(compiled.modules).toContain("dist-cli/exceljs.js");
    expect(compiled.modules.filter((m) => m.includes("node_modules/"))).toEqual([]);
  });

  it("holds the built-in packs as the sources validate them (same content hashes)", async () => {
    for (const id of ["shanxi-2023", "shanghai-putuo-2025", "shanghai-putuo-2025-unit", "shanghai-putuo-2026"]) {
      const compiled = await bin(["pack", "info", id]);
      expect(compiled.code).toBe(0);
      expect(compiled.out).toBe((await runCli("pack", "info", id)).out);
    }
  });

  it("runs validate's workers from their compiled file (--jobs 2)", async () => {
    const second = path.join(tempDir(), "晋城二.xlsx");
    fs.copyFileSync(sample(), second);
    const r = await bin(["validate", sample(), second, "--jobs", "2"]);
    expect(r.code).toBe(0);
    expect(r.out.match(/找到 13\/13 张表；错误 0/g)).toHaveLength(2);
    expect(r.err).toBe("");
  });

  it("exports through its compiled worker thread", async () => {
    const zip = path.join(tempDir(), "公开.zip");
    // Only node on the PATH: no LibreOffice run to number the 目录, which this test is not about.
    const r = await bin(["export", sample(), "-o", zip], { ...process.env, PATH: path.dirname(process.execPath) });
    expect(r.code).toBe(0);
    const names = Object.keys(unzipSync(fs.readFileSync(zip)));
    expect(names.some((n) => n.endsWith(".docx"))).toBe(true);
    expect(names.some((n) => n.endsWith(".xlsx"))).toBe(true);
  }, 120_000);
});
