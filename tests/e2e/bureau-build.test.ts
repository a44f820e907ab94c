/**
 * A bureau's own build: `webpack --env packs=DIR --env url=…` bundles the bureau's pack (here 太原市's, made from the
 * Shanxi pack) into the task pane, which lists it and inserts its tables; the manifest points at the bureau's server.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import shanxi from "../../src/domain/packs/shanxi-2023.json";
import { usePreviewHost } from "../support/browser";

jest.setTimeout(180_000);

const URL = "https://budget.taiyuan.example.gov.cn/addin";
const packs = mkdtempSync(join(tmpdir(), "bureau-packs-"));
writeFileSync(
  join(packs, "taiyuan-2024.json"),
  JSON.stringify({ ...shanxi, id: "taiyuan-2024", version: "1.0.0", year: 2024, publisher: "太原市财政局", name: "太原市部门预算公开表样（2024）" }),
);
afterAll(() => rmSync(packs, { recursive: true, force: true }));

const host = usePreviewHost(() => ({ packs, url: URL }));

test("the bureau's pack is listed beside the built-in ones, with its version and publisher, and inserts its tables", async () => {
  const page = await host.open("?empty");
  await page.getByRole("combobox", { name: "模板包" }).click();
  const options = await page.getByRole("option").allInnerTexts();
  expect(options).toEqual([
    "山西省部门预算公开表样（2023）",
    "上海市普陀区部门预算（2025）",
    "上海市普陀区单位预算（2025）",
    "上海市普陀区部门预算（2026）",
    "上海市普陀区部门决算（2024 年度，全国统一格式）",
    "太原市部门预算公开表样（2024）",
  ]);
  await page.getByRole("option", { name: "太原市部门预算公开表样（2024）" }).click();
  await page.getByText(/^版本 1\.0\.0，太原市财政局发布，2024 年度；内容摘要 [0-9a-f]{16}$/).waitFor();
  await page.getByLabel("部门名称").fill("太原市商务局");
  const year = page.getByRole("spinbutton", { name: "预算年度" });
  await year.fill("2024");
  await year.press("Tab");
  await page.getByRole("button", { name: "插入表格" }).click();
  await page.getByTestId("template-status").filter({ hasText: /^已插入 13 张表/ }).waitFor();
  expect(page.errors).toEqual([]);
  await page.close();
});

test("the manifest built points every URL at the bureau's server", () => {
  const manifest = readFileSync(join(host.dir(), "manifest.xml"), "utf8");
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain(`<SourceLocation DefaultValue="${URL}/taskpane.html"/>`);
  expect(manifest.match(new RegExp(URL.replace(/\./g, "\\."), "g"))!.length).toBe(10);
});
