/**
 * The Shanghai pack for 2026, the next version of 2025's: every table it draws is the one the district's 2026
 * templates hold (title and header rows, sheet for sheet), `pack diff` says what changed between the years, a
 * workbook of either year is checked with its own year's pack, and the 万里街道 2025 workbook rolls over into 2026's.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/cli/grids";
import { builtinPack, builtinPacks } from "../../src/domain/packs";
import { choosePack } from "../../src/domain/read/detect";
import { renderTables } from "../../src/domain/render/render";
import { shanghaiWanli2025Sample as W25 } from "../../src/domain/samples";
import { samplePlans } from "../../src/domain/samples/workbook";
import { plansToXlsx } from "../../src/xlsx/write-plans";
import { runCli, useTempDir } from "../support/cli";
import { SEEDS_DIR } from "../support/seed-text";

jest.setTimeout(60_000);
const tempDir = useTempDir("shanghai-2026-");
const p2025 = builtinPack("shanghai-putuo-2025");
const p2026 = builtinPack("shanghai-putuo-2026");

/** A cell as a template prints it: a line break in a header is layout, not text. */
const text = (v: ExcelJS.CellValue): string | null => {
  if (v === null || v === undefined) return null;
  const s = typeof v === "object" && "richText" in v ? v.richText.map((r) => r.text).join("") : String(v);
  return s.replace(/\n/g, "");
};

test("every table of the 2026 pack is drawn as the 2026 template holds it: title and header rows", async () => {
  const template = new ExcelJS.Workbook();
  await template.xlsx.readFile(path.join(SEEDS_DIR, "templates/shanghai-putuo-2026-department-budget-template.xlsx"));
  for (const plan of renderTables(p2026, { department: "", year: 2026 })) {
    const decl = p2026.tables.find((t) => t.id === plan.tableId)!;
    // A template sheet name may end in a space.
    const sheet = template.worksheets.find((w) => w.name.trim() === plan.name)!;
    expect({ table: decl.id, sheet: sheet?.name.trim() }).toEqual({ table: decl.id, sheet: plan.name });
    const top = plan.values.findIndex((r) => r.some((v) => typeof v === "string" && v.startsWith("2026年")));
    const header = plan.values.slice(top + 2, top + 2 + decl.header.rows.length);
    const shown = (r: number, width: number) => Array.from({ length: width }, (_, c) => text(sheet.getCell(r + 1, c + 1).value));
    // The title row, then the header rows: the template repeats a merged caption in each cell it covers.
    expect(text(sheet.getCell(top + 1, 1).value)).toBe(plan.values[top][0]);
    const headerTop = [...Array(8).keys()].map((i) => top + 2 + i).find((r) => shown(r, 1)[0] === header[0][0])!;
    header.forEach((row, i) =>
      row.forEach((v, c) => v !== null && expect({ table: decl.id, row: i, col: c, v: shown(headerTop + i, row.length)[c] }).toEqual({ table: decl.id, row: i, col: c, v })),
    );
  }
});

test("pack diff 2025 → 2026: the id, the name and the year; the layout is the same", async () => {
  const r = await runCli("pack", "diff", "shanghai-putuo-2025", "shanghai-putuo-2026");
  expect(r.out).toBe(
    "shanghai-putuo-2025 1.0.1 → shanghai-putuo-2026 1.0.1，3 处改动：\n" +
      "  编号：shanghai-putuo-2025 → shanghai-putuo-2026\n  名称：上海市普陀区部门预算（2025） → 上海市普陀区部门预算（2026）\n  年度：2025 → 2026\n",
  );
});

test("万里街道 2025 rolls over into 2026's pack and layout; each year's workbook is checked with its own year's pack", async () => {
  const source = path.join(tempDir(), "万里街道2025.xlsx");
  fs.writeFileSync(source, await plansToXlsx(samplePlans(p2025, W25)));
  const out = path.join(tempDir(), "万里街道2026.xlsx");
  const r = await runCli("rollover", source, "--year", "2026", "--pack", "shanghai-putuo-2026", "-o", out);
  expect(r.code).toBe(0);
  for (const [file, pack] of [[source, p2025], [out, p2026]] as const) {
    const read = await readWorkbookFile(file);
    if ("error" in read) throw new Error(read.error);
    expect(choosePack(builtinPacks(), read.grids)?.id).toBe(pack.id);
  }
  const check = await runCli("validate", out, "--format", "json");
  const report = JSON.parse(check.out).files[0];
  expect(report.pack.id).toBe("shanghai-putuo-2026");
  expect(report.tables_found).toHaveLength(9);
});
