/**
 * The task pane as `npm run build` ships it (production mode; the other e2e tests use the development build): the
 * first script leaves out reading a pack file (zod and the schemas), which still loads when a clerk opens one.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import shanghai2026 from "../../src/domain/packs/shanghai-putuo-2026.json";
import { usePreviewHost } from "../support/browser";

// A production build (minified) takes a minute or more on a loaded two-core machine.
jest.setTimeout(300_000);

const host = usePreviewHost(undefined, "production");
const files = mkdtempSync(join(tmpdir(), "prod-packs-"));
afterAll(() => rmSync(files, { recursive: true, force: true }));

/** zod names its error class in a string, which minifying keeps. */
const ZOD = "ZodError";

test("the first script holds no pack schema; the chunk that reads pack files does", () => {
  const scripts = readdirSync(host.dir()).filter((f) => f.endsWith(".js"));
  const withZod = scripts.filter((f) => readFileSync(join(host.dir(), f), "utf8").includes(ZOD));
  expect(withZod.length).toBeGreaterThan(0);
  expect(withZod).not.toContain("taskpane.js");
});

test("the built-in packs are listed and insert their tables; a pack file extending one loads, a bad one is refused by field", async () => {
  const page = await host.open("?empty");
  await page.getByLabel("部门名称").fill("某某局");
  await page.getByRole("button", { name: "插入表格" }).click();
  const status = page.getByTestId("template-status");
  await status.filter({ hasText: /^已插入 13 张表/ }).waitFor();

  const good = join(files, "putuo-variant.json");
  writeFileSync(good, JSON.stringify({ ...shanghai2026, id: "putuo-variant", name: "普陀区某街道预算（2026）" }));
  await page.getByTestId("pack-file").setInputFiles(good);
  await status.filter({ hasText: "已载入模板包：普陀区某街道预算（2026）" }).waitFor();

  const bad = join(files, "bad.json");
  writeFileSync(bad, JSON.stringify({ id: "bad", version: "1", name: "坏模板", unit: "万元", emptyNote: "注", tables: [{ id: "X1" }] }));
  await page.getByTestId("pack-file").setInputFiles(bad);
  await status.filter({ hasText: /^模板包格式错误：.*tables\[0\]\.id/ }).waitFor();
  expect(page.errors).toEqual([]);
  await page.close();
});
