/**
 * Workbooks and packs a reviewer may receive that are built to hurt: the 晋城 sample with a stray cell at XFD1048576,
 * with a merge to the sheet's last cell, with 表2 twice (the copy after or before the table), with 表2 on a hidden
 * sheet, with a 100,000-digit amount; and the Shanxi pack saved as GB18030, with a misspelt key, with 600,000 fixed
 * rows. Made here, not committed: the hostile-input tests and anyone trying the CLI make theirs with it.
 * Run: npx tsx scripts/hostile-inputs.ts DIR
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { builtinPack } from "../src/domain/packs";
import { renderTables, type TableRows } from "../src/domain/render/render";
import type { SheetPlan } from "../src/domain/render/plan";
import { jinchengSample as J } from "../src/domain/samples";
import { writePlans } from "../src/xlsx/write-plans";

const pack = builtinPack("shanxi-2023");
const PACK_SOURCE = join(__dirname, "../src/domain/packs/shanxi-2023.json");

/** The 晋城 sample as a workbook: `arrange` may add sheets to its plans, `edit` is applied before it is written. */
async function sampleWith(edit: (workbook: ExcelJS.Workbook) => void, arrange = (plans: SheetPlan[]) => plans): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  writePlans(workbook, arrange(renderTables(pack, { department: J.department, year: J.year, rows: J.rows })));
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 表2 once more on a sheet of its own, its first figure raised by 100. */
function changedT02(): SheetPlan {
  const rows: TableRows = JSON.parse(JSON.stringify(J.rows));
  rows.T02![0][2] = (rows.T02![0][2] as number) + 100;
  const [plan] = renderTables(pack, { department: J.department, year: J.year, rows, tables: ["T02"] });
  return { ...plan, name: "旧版表2" };
}

const none = () => {};

/**
 * A merge from B40 to the sheet's last cell, on a sheet of its own. exceljs cannot write one (it would visit every
 * cell), so it goes into the sheet's XML of a written file: after the cells, where the schema puts it, or before them.
 */
async function withGiantMerge(place: "after" | "before"): Promise<Buffer> {
  const data = await sampleWith((workbook) => (workbook.addWorksheet("说明").getCell("A1").value = "见各表"));
  const files = unzipSync(data);
  const last = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).sort((a, b) => a.length - b.length || a.localeCompare(b)).at(-1)!;
  const xml = strFromU8(files[last]);
  const merges = '<mergeCells count="1"><mergeCell ref="B40:XFD1048576"/></mergeCells>';
  files[last] = strToU8(place === "after" ? xml.replace("</sheetData>", `</sheetData>${merges}`) : xml.replace("<sheetData", `${merges}<sheetData`));
  return Buffer.from(zipSync(files));
}

/** The Shanxi pack with its name in GB18030 bytes: Node cannot encode GB18030, and one word is enough not to be UTF-8. */
function gb18030Pack(): Buffer {
  const text = readFileSync(PACK_SOURCE, "utf8");
  const name = /"name":\s*"([^"]*)"/.exec(text)!;
  const at = name.index + name[0].length - name[1].length - 1;
  // "模板包" in GB18030.
  return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc4, 0xa3, 0xb0, 0xe5, 0xb0, 0xfc]), Buffer.from(text.slice(at + name[1].length))]);
}

type Json = Record<string, unknown>;

function packWith(edit: (pack: Json & { tables: Json[] }) => void): string {
  const data = JSON.parse(readFileSync(PACK_SOURCE, "utf8"));
  data.id = "hostile";
  edit(data);
  return JSON.stringify(data);
}

/** Each input's file name and how it is made. */
export const HOSTILE_INPUTS = {
  "远处单元格.xlsx": () => sampleWith((workbook) => (workbook.addWorksheet("备注").getCell("XFD1048576").value = "备注")),
  "巨大合并.xlsx": () => withGiantMerge("after"),
  // The same merge before the cells, out of the schema's order: the sheet is then searched whole, not only after its cells.
  "巨大合并-在单元格前.xlsx": () => withGiantMerge("before"),
  // Values every 900 rows and 14 columns down to the last cell: no gap to cut at, so the sheet is too large to read.
  "稀疏对角.xlsx": () =>
    sampleWith((workbook) => {
      const sheet = workbook.addWorksheet("草稿");
      for (let k = 0; k * 900 < 1_048_576 && k * 14 < 16_384; k++) sheet.getCell(k * 900 + 1, k * 14 + 1).value = k;
    }),
  "重复表-副本在后.xlsx": () => sampleWith(none, (plans) => [...plans, changedT02()]),
  "重复表-副本在前.xlsx": () => sampleWith(none, (plans) => [changedT02(), ...plans]),
  "隐藏工作表.xlsx": () => sampleWith((workbook) => (workbook.getWorksheet("表2 预算收入总表")!.state = "hidden")),
  "超长数字.xlsx": () =>
    sampleWith((workbook) => {
      // The 合计 of 表2's first row, as text of 100,000 digits.
      const sheet = workbook.getWorksheet("表2 预算收入总表")!;
      sheet.getCell("C6").value = "9".repeat(100_000);
    }),
  "模板包-GB18030.json": async () => gb18030Pack(),
  // An optional key misspelt: 表2's first column's width.
  "模板包-拼错键.json": async () =>
    packWith((p) => {
      const [column] = (p.tables[1] as { columns: Json[] }).columns;
      column.widht = column.width;
      delete column.width;
    }),
  // 表1 with 600,000 fixed rows more.
  "模板包-60万行.json": async () =>
    packWith((p) => {
      const { rows } = (p.tables[0] as { body: { rows: unknown[] } }).body;
      for (let i = 0; i < 600_000; i++) rows.push({ cells: [`第${i + 1}行`, null, null, null, null, null] });
    }),
} satisfies Record<string, () => Promise<Buffer | string>>;

export type HostileInput = keyof typeof HOSTILE_INPUTS;

/** Writes every input into `dir`; returns their paths by name. */
export async function writeHostileInputs(dir: string): Promise<Record<HostileInput, string>> {
  mkdirSync(dir, { recursive: true });
  const paths = {} as Record<HostileInput, string>;
  for (const [name, make] of Object.entries(HOSTILE_INPUTS) as [HostileInput, () => Promise<Buffer | string>][]) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], await make());
  }
  return paths;
}

if (require.main === module) {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    console.error("用法：npx tsx scripts/hostile-inputs.ts 目录");
    process.exit(2);
  }
  writeHostileInputs(dir).then(
    (paths) => console.log(`已写出 ${Object.keys(paths).length} 个文件到 ${dir}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
