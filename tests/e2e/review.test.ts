/**
 * A bureau's review of 120 workbooks in one page: `validate DIR --format html --expect 部门名单.csv` on a folder made by
 * scripts/review-folder.ts (Shanxi and Shanghai, every seventh with a planted error, one department that sent
 * nothing), the page opened in headless Chromium from the file (no network): rows sort and filter, the missing
 * department is listed, each workbook's findings are a click away.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { MISSING_DEPARTMENT, writeReviewFolder, type ReviewFolder } from "../../scripts/review-folder";
import { launchChromium } from "../support/browser";
import { runCli } from "../support/cli";

jest.setTimeout(300_000);

let dir: string;
let folder: ReviewFolder;
let browser: Browser;
let page: Page;
let requests: string[];
let run: { code: number; out: string; err: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "review-"));
  folder = await writeReviewFolder(dir, 120);
  run = await runCli("validate", folder.dir, "--format", "html", "--expect", folder.expect, "-o", join(dir, "审核.html"), "--jobs", "1");
  browser = await launchChromium();
  page = await browser.newPage();
  requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`file://${join(dir, "审核.html")}`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = () => page.locator("#workbooks tbody tr:not([hidden])");
const column = (n: number) => rows().evaluateAll((trs, k) => trs.map((tr) => (tr as HTMLTableRowElement).cells[k].textContent ?? ""), n);

test("one file for 120 workbooks, exit 1 for the planted errors; nothing fetched from the network", async () => {
  expect(run.code).toBe(1);
  // The report is in the file; the screen says where, and what it holds.
  expect(run.out).toMatch(/^已写入 .*审核\.html：120 个文件，错误 \d+，警告 \d+，提示 \d+\n$/);
  expect(await rows().count()).toBe(120);
  expect(requests.every((u) => u.startsWith("file://"))).toBe(true);
  await expect(page.locator("#shown").innerText()).resolves.toBe("显示 120 / 120 个工作簿");
});

test("the department that sent nothing is listed, and only it", async () => {
  await expect(page.locator("#missing + ul li").allInnerTexts()).resolves.toEqual([MISSING_DEPARTMENT]);
});

test("sorting by 错误 puts the workbooks with the most errors first, and back", async () => {
  await page.getByRole("button", { name: "错误" }).click();
  const up = (await column(4)).map(Number);
  expect(up).toEqual([...up].sort((a, b) => a - b));
  await page.getByRole("button", { name: "错误" }).click();
  const down = (await column(4)).map(Number);
  expect(down).toEqual([...down].sort((a, b) => b - a));
  expect(down[0]).toBeGreaterThan(0);
  await expect(page.locator("th", { has: page.getByRole("button", { name: "错误" }) }).getAttribute("aria-sort")).resolves.toBe("descending");
});

test("filtering by text and by state; the count says how many are shown", async () => {
  await page.getByLabel("筛选").fill("晋城市");
  const departments = await column(1);
  expect(departments).toHaveLength(folder.files.filter((f) => f.department.startsWith("晋城市")).length);
  expect(departments.every((d) => d.startsWith("晋城市"))).toBe(true);
  await expect(page.locator("#shown").innerText()).resolves.toBe(`显示 ${departments.length} / 120 个工作簿`);

  // 晋城 publishes without an error: the planted ones are the 晋城 workbooks with errors.
  await page.getByLabel("只看").selectOption("error");
  const planted = folder.files.filter((f) => f.department.startsWith("晋城市") && f.planted).map((f) => f.department);
  expect((await column(1)).sort()).toEqual(planted.sort());
  expect(planted.length).toBeGreaterThan(0);

  await page.getByLabel("筛选").fill("");
  await page.getByLabel("只看").selectOption("all");
  expect(await rows().count()).toBe(120);
});

test("per-rule counts, and a workbook's findings by table with their cells", async () => {
  const rules = await page.locator("#rules tbody tr td:first-child").allInnerTexts();
  expect(rules).toEqual(expect.arrayContaining(["A04", "X02"]));
  const first = folder.files.find((f) => f.planted && f.department.startsWith("晋城市"))!;
  await page.getByRole("link", { name: first.file, exact: true }).click();
  const section = page.locator("section:target");
  await expect(section.locator("h3").innerText()).resolves.toContain(first.department);
  await expect(section.locator("h4").first().innerText()).resolves.toMatch(/^表1 预算收支总表（T01）$/);
  await expect(section.locator("td").nth(2).innerText()).resolves.toMatch(/^'表1 预算收支总表'!B\d+$/);
});
