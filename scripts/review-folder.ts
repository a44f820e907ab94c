/**
 * A bureau's folder to review: N workbooks made from the six samples (Shanxi and Shanghai), each under the name of
 * another department of the sample's city, every seventh with an error planted — a figure of its first table raised
 * by 100; 7 and the 6 samples are coprime, so each sample gets some — and the list of departments expected: those N
 * and one that sent nothing.
 * Run: npx tsx scripts/review-folder.ts DIR [N]   (N defaults to 120). The e2e test and the bench make theirs with it.
 */
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { builtinPack } from "../src/domain/packs";
import { renderTables, type TableRows } from "../src/domain/render/render";
import { SAMPLES, type Sample } from "../src/domain/samples";
import { writePlans } from "../src/xlsx/write-plans";

const BUREAUS = [
  "教育局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局",
  "交通运输局", "水务局", "农业农村局", "文化和旅游局", "卫生健康委员会", "应急管理局", "审计局", "市场监督管理局", "统计局",
  "医疗保障局", "体育局",
];

/** The budget samples: their tables print the department a reviewer's list is matched by (决算 tables print none). */
const BUDGETS = SAMPLES.filter((s) => builtinPack(s.pack).family === "预算");

/** The department that is expected and sends nothing. */
export const MISSING_DEPARTMENT = "某某市退役军人事务局";

export interface ReviewFolder {
  dir: string;
  /** The workbooks, in the order written, with the department each is of and whether an error was planted. */
  files: { file: string; department: string; planted: boolean }[];
  /** The expected departments' list (CSV). */
  expect: string;
}

/** The city or district a sample's department belongs to: 晋城市, 上海市普陀区 … */
const placeOf = (s: Sample) => (/^.*?区/.exec(s.department) ?? /^.*?市/.exec(s.department))?.[0] ?? "某某市";

/** A place's departments in turn: its bureaus, then its streets. */
const NAMES = [...BUREAUS, ...Array.from({ length: 200 }, (_, i) => `第${i + 1}街道办事处`)];

/** The rows with the first figure of the first table that has one raised by 100. */
function withError(rows: TableRows, tableIds: string[]): TableRows {
  const copy: TableRows = JSON.parse(JSON.stringify(rows));
  for (const id of tableIds)
    for (const row of copy[id] ?? [])
      for (let c = 1; c < row.length; c++)
        if (typeof row[c] === "number") {
          row[c] = (row[c] as number) + 100;
          return copy;
        }
  return copy;
}

export async function writeReviewFolder(dir: string, count = 120): Promise<ReviewFolder> {
  const folder = join(dir, "各部门");
  mkdirSync(folder, { recursive: true });
  const files: ReviewFolder["files"] = [];
  const taken = new Map<string, number>();
  for (let k = 0; k < count; k++) {
    const sample = BUDGETS[k % BUDGETS.length];
    const pack = builtinPack(sample.pack);
    const place = placeOf(sample);
    const n = taken.get(place) ?? 0;
    taken.set(place, n + 1);
    const department = `${place}${NAMES[n % NAMES.length]}`;
    const planted = k % 7 === 3;
    const rows = planted ? withError(sample.rows, pack.tables.map((t) => t.id)) : sample.rows;
    const workbook = new ExcelJS.Workbook();
    writePlans(workbook, renderTables(pack, { department, year: sample.year, rows }));
    const file = join(folder, `${String(k + 1).padStart(3, "0")}-${department}.xlsx`);
    await workbook.xlsx.writeFile(file);
    files.push({ file, department, planted });
  }
  const expect = join(dir, "部门名单.csv");
  writeFileSync(expect, `\uFEFF部门名称\r\n${[...files.map((f) => f.department), MISSING_DEPARTMENT].join("\r\n")}\r\n`);
  return { dir: folder, files, expect };
}

if (require.main === module) {
  const [dir, n] = process.argv.slice(2);
  if (!dir) {
    console.error("用法：npx tsx scripts/review-folder.ts 目录 [工作簿数，默认 120]");
    process.exit(2);
  }
  writeReviewFolder(dir, n ? Number(n) : 120).then(
    (f) => console.log(`已写出 ${f.files.length} 个工作簿到 ${f.dir}，部门名单 ${f.expect}`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
