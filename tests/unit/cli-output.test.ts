/**
 * Outputs are written whole or not at all: a write that fails halfway (a full disk, injected here) leaves nothing
 * under the final name and no temporary file; the leftover of a run that was killed is removed by the next run,
 * which succeeds; an existing file is still refused without --force, and a report replaced whole.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli, useTempDir } from "../support/cli";

jest.setTimeout(60_000);
const tempDir = useTempDir("cli-output-");

afterEach(() => jest.restoreAllMocks());

/** Node's own fs module (the namespace import is a read-only view of it), where the CLI's writes go. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs: typeof fs = require("node:fs");

/** Makes every write of a temporary file stop halfway with "disk full", as a full disk does. */
function diskFullOnPartials(): void {
  const write = nodeFs.writeFileSync;
  jest.spyOn(nodeFs, "writeFileSync").mockImplementation((file, data, options) => {
    if (String(file).endsWith(".partial")) {
      const bytes = typeof data === "string" ? Buffer.from(data) : Buffer.from(data as Uint8Array);
      write(file, bytes.subarray(0, bytes.length >> 1), options);
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    }
    return write(file, data, options);
  });
}

test("a write that fails halfway leaves nothing under the final name, and says why", async () => {
  const out = path.join(tempDir(), "示例.xlsx");
  diskFullOnPartials();
  const r = await runCli("template", "--sample", "-o", out);
  expect(r.code).toBe(2);
  expect(r.err).toBe(`错误：无法写入 ${out}：磁盘空间不足\n`);
  expect(fs.readdirSync(tempDir())).toEqual([]);
  jest.restoreAllMocks();
  expect((await runCli("template", "--sample", "-o", out)).code).toBe(0);
  expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
});

test("a killed run's temporary file is removed by the next run, which writes the file", async () => {
  const out = path.join(tempDir(), "包.zip");
  // What a run killed while writing leaves: its pid (long gone) in the name, half a file.
  const leftover = path.join(tempDir(), ".包.zip.2147483646.partial");
  fs.writeFileSync(leftover, "PK半个文件");
  const template = path.join(tempDir(), "示例.xlsx");
  expect((await runCli("template", "--sample", "-o", template)).code).toBe(0);
  expect((await runCli("export", template, "-o", out)).code).toBe(0);
  expect(fs.existsSync(leftover)).toBe(false);
  expect(fs.readdirSync(tempDir()).sort()).toEqual(["包.zip", "示例.xlsx"]);
});

test("a report written with -o replaces the earlier one whole; a failed write keeps the earlier one", async () => {
  const template = path.join(tempDir(), "示例.xlsx");
  expect((await runCli("template", "--sample", "-o", template)).code).toBe(0);
  const report = path.join(tempDir(), "报告.json");
  fs.writeFileSync(report, "上次的报告");
  diskFullOnPartials();
  expect((await runCli("validate", template, "--format", "json", "-o", report)).code).toBe(2);
  expect(fs.readFileSync(report, "utf8")).toBe("上次的报告");
  jest.restoreAllMocks();
  expect((await runCli("validate", template, "--format", "json", "-o", report)).code).toBe(0);
  expect(JSON.parse(fs.readFileSync(report, "utf8")).files).toHaveLength(1);
});
