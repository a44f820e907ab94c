/**
 * The workbook and the document as they print: `template --sample` and its export rendered to PDF by LibreOffice
 * and read back with pdftotext. Every page of a table starts with its title block and header rows and carries its
 * name and page number in the footer; a table printed on several pages has no last page of a few rows; no table cell
 * of the document leaves a single character on a line; the 绩效目标表's indicators repeat their header. Needs LibreOffice Calc and poppler-utils, which
 * .ci/run installs; where they are absent the tests fail saying so, never pass.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli, useTempDir } from "../support/cli";
import { contentsOf } from "../../src/domain/narrative/contents";
import { builtinPack } from "../../src/domain/packs";

jest.setTimeout(180_000);

const tempDir = useTempDir("print-render-", "all");
const have = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

interface Page {
  lines: string[];
  /** From the footer: the sheet's name and the page number. */
  sheet: string;
  number: number;
  of: number;
}

let pages: Page[] = [];

beforeAll(async () => {
  for (const [cmd, pkg] of [["soffice", "libreoffice-calc-nogui"], ["pdftotext", "poppler-utils"]])
    if (!have(cmd)) throw new Error(`找不到 ${cmd}：请安装 Debian 的 ${pkg}（.ci/run 会安装）`);
  const dir = tempDir();
  const xlsx = path.join(dir, "示例.xlsx");
  expect((await runCli("template", "--sample", "-o", xlsx)).code).toBe(0);
  // A profile of its own: a LibreOffice already running for the user must not take the job.
  execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { stdio: "ignore" });
  const pdf = path.join(dir, "示例.pdf");
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  pages = Array.from({ length: count }, (_, i) => {
    const text = execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", pdf, "-"], { encoding: "utf8" });
    // Words as printed, the spacing between them aside (a page of another scale spaces them otherwise).
    const lines = text.split("\n").map((l) => l.trim().replace(/\s+/g, " ")).filter((l) => l !== "");
    const footer = /^(表\d+ \S+) 第 (\d+) 页，共 (\d+) 页$/.exec(lines[lines.length - 1]);
    return { lines, sheet: footer?.[1] ?? "", number: Number(footer?.[2] ?? 0), of: Number(footer?.[3] ?? 0) };
  });
});

const pagesOf = (sheet: string) => pages.filter((p) => p.sheet === sheet);

test("every page of the 13 tables has the table's name and its page number in the footer", () => {
  const tables = pages.filter((p) => p.sheet !== "");
  expect(new Set(tables.map((p) => p.sheet)).size).toBe(13);
  tables.forEach((p, i) => expect(p.number).toBe(i + 1));
  expect(tables.every((p) => p.of === pages.length)).toBe(true);
});

test.each([
  ["表1 预算收支总表", "预算公开表1", "2023年预算收支总表"],
  ["表4 财政拨款收支总表", "预算公开表4", "2023年财政拨款收支总表"],
  ["表6 基本支出分经济科目表", "预算公开表6", "2023年一般公共预算安排基本支出分经济科目表（不含上年结转）"],
])("every page of %s starts with its title block and header rows", (sheet, number, title) => {
  const printed = pagesOf(sheet);
  expect(printed.length).toBeGreaterThan(0);
  const head = printed[0].lines.slice(0, 5);
  expect(head.slice(0, 3)).toEqual([number, title, "部门名称：晋城市商务局 单位：万元"]);
  for (const p of printed) expect(p.lines.slice(0, 5)).toEqual(head);
});

test("表4 prints on two pages, its last with a real share of rows; 表1 fits one page", () => {
  expect(pagesOf("表1 预算收支总表")).toHaveLength(1);
  for (const sheet of new Set(pages.map((p) => p.sheet).filter(Boolean))) {
    const printed = pagesOf(sheet);
    if (printed.length < 2) continue;
    const last = printed[printed.length - 1];
    // Lines under the repeated title block and header, above the footer.
    const body = last.lines.length - 5 - 1;
    expect({ sheet, body: body >= 5 }).toEqual({ sheet, body: true });
  }
  expect(pagesOf("表4 财政拨款收支总表")).toHaveLength(2);
});

describe("the Word document, rendered by LibreOffice", () => {
  let docPages: string[][] = [];
  beforeAll(async () => {
    const dir = tempDir();
    const out = path.join(dir, "包");
    expect((await runCli("export", path.join(dir, "示例.xlsx"), "-o", out)).code).toBe(0);
    const docx = fs.readdirSync(out).find((f) => f.endsWith(".docx"))!;
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, path.join(out, docx)], {
      stdio: "ignore",
    });
    const pdf = path.join(dir, docx.replace(/\.docx$/, ".pdf"));
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    docPages = Array.from({ length: count }, (_, i) =>
      execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", pdf, "-"], { encoding: "utf8" })
        .split("\n")
        .map((l) => l.trim().replace(/\s+/g, " "))
        .filter((l) => l !== ""),
    );
  });

  test("no cell of the 13 tables wraps leaving a single character on a line (国有资本经营预/算)", () => {
    const from = docPages.findIndex((p, i) => i > 2 && p.some((l) => l.startsWith("第二部分")));
    const to = docPages.findIndex((p, i) => i > from && p.some((l) => l.startsWith("第三部分")));
    expect(from).toBeGreaterThan(0);
    const lone = docPages
      .slice(from, to)
      .flatMap((p, k) => p.map((line) => ({ page: from + k + 1, line })))
      // pdftotext sets a space between a figure and the character after it (2023 年): that is no break.
      .filter(({ line }) => line.replace(/(\d) (?=\p{Script=Han})/gu, "$1").split(" ").some((token) => /^\p{Script=Han}$/u.test(token)));
    expect(lone).toEqual([]);
    expect(docPages.slice(from, to).flat().join(" ")).toContain("国有资本 财政专户");
  });

  test("the 目录 gives each part, table and section the page it starts on, after dot leaders", () => {
    // Lines without their spacing; the page number each page prints in its footer (— 3 —).
    const pages = docPages.map((lines) => {
      const plain = lines.map((l) => l.replace(/\s+/g, ""));
      const number = plain.map((l) => /^—(\d+)—$/.exec(l)).find((m) => m);
      return { plain, number: number ? Number(number[1]) : null };
    });
    // The cover and the 目录 print no page number; the 目录 may run onto a second page.
    const entries = pages.filter((p) => p.number === null).flatMap((p) => p.plain).flatMap((l) => {
      const m = /^(.+?)\.{3,}(\d+)$/.exec(l);
      return m ? [{ heading: m[1], page: Number(m[2]) }] : [];
    });
    // Every line of the 目录: the four parts, the 13 tables, the sections of 第一部分 and 第三部分.
    expect(entries.map((e) => e.heading)).toEqual(contentsOf(builtinPack(), 2023, "晋城市商务局").map((l) => l.replace(/\s+/g, "")));
    for (const { heading, page } of entries) {
      const at = pages.find((p) => p.number !== null && p.plain.some((l, i) => l === heading || l + (p.plain[i + 1] ?? "") === heading));
      expect({ heading, page: at?.number }).toEqual({ heading, page });
    }
  });

  test("a 绩效目标表's indicators carry their header on every page they run onto", () => {
    const header = /^绩效指标 一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值$/;
    const row = /(?:^| )(?:产出指标|效益指标|满意度指标|成本指标)(?: |$)/;
    const pagesWithRows = docPages.map((lines, i) => ({ i, lines })).filter(({ lines }) => lines.some((l) => row.test(l) && !header.test(l)));
    expect(pagesWithRows.length).toBeGreaterThanOrEqual(24);
    for (const { i, lines } of pagesWithRows) {
      const head = lines.findIndex((l) => header.test(l));
      const first = lines.findIndex((l) => row.test(l) && !header.test(l));
      expect({ page: i + 1, header: head >= 0 && head < first }).toEqual({ page: i + 1, header: true });
    }
  });
});

afterAll(() => {
  // The PDF stays for a look when a test failed.
  if (pages.length === 0) return;
  fs.rmSync(path.join(tempDir(), "profile"), { recursive: true, force: true });
});
