/**
 * Benchmark (npm run bench): how the insert path scales — render, Excel round-trips (office-addin-mock
 * counting context.sync()), preview host, and the CLI's .xlsx write and read-back — for the 晋城 sample
 * and for a large synthetic department (2,000 functional rows, 5,000 projects).
 */
import ExcelJS from "exceljs";
import { writePlans } from "../src/cli/xlsx";
import type { CellValue } from "../src/domain/grid";
import { builtinPack } from "../src/domain/packs";
import { renderTables, type TableRows } from "../src/domain/render/render";
import { jinchengSample } from "../src/domain/samples";
import { createExcelPort } from "../src/excel/workbook";
import { MemoryWorkbook } from "../src/preview/memory-workbook";
import { MockWorkbook } from "../tests/support/excel-mock";

const pack = builtinPack();

/** A large department: 2,000 项 rows (with their 类/款) in T02/T03/T05 and 5,000 projects in T12. */
function largeRows(): TableRows {
  const codes: string[] = [];
  for (let k = 0; codes.length < 2000; k++) {
    const cls = 201 + (k % 30);
    codes.push(`${cls}${String(10 + (k % 80)).padStart(2, "0")}${String(1 + Math.floor(k / 2400) * 50 + (k % 50)).padStart(2, "0")}`);
  }
  const unique = [...new Set(codes)].sort();
  const codeTable = (width: number) => [
    ["合计", null, ...new Array<CellValue>(width - 2).fill(unique.length * 1.5)],
    ...unique.map((c, i) => [c, `科目${i}`, ...new Array<CellValue>(width - 2).fill(1.5)]),
  ];
  const projects = Array.from({ length: 5000 }, (_, i) => [`项目${i + 1}`, 12.34, 12.34, null, null, null, null]);
  return { ...jinchengSample.rows, T02: codeTable(9), T03: codeTable(5), T05: codeTable(5), T12: projects };
}

function time<T>(runs: number, f: () => T): { ms: number; result: T } {
  let result = f();
  const start = performance.now();
  for (let i = 0; i < runs; i++) result = f();
  return { ms: (performance.now() - start) / runs, result };
}

async function timeAsync<T>(f: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await f();
  return { ms: performance.now() - start, result };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function measure(label: string, rows: TableRows, renderRuns: number) {
  const options = { department: jinchengSample.department, year: 2023, rows };
  const render = time(renderRuns, () => renderTables(pack, options));
  const plans = render.result;
  const cells = plans.reduce((n, p) => n + p.values.length * p.columnWidths.length, 0);

  const book = new MockWorkbook([{ name: "Sheet1" }]);
  const excel = await timeAsync(() => createExcelPort(book.run, () => true).apply(plans));

  const memory = new MemoryWorkbook();
  const preview = await timeAsync(() => memory.apply(plans));

  const write = await timeAsync(async () => {
    const wb = new ExcelJS.Workbook();
    writePlans(wb, plans);
    return wb.xlsx.writeBuffer();
  });
  const read = await timeAsync(() => new ExcelJS.Workbook().xlsx.load(write.result));

  console.log(`\n== ${label}：${plans.length} 张表，${cells.toLocaleString()} 个单元格 ==`);
  console.log(`生成表样 (render)              ${fmt(render.ms)}（${renderRuns} 次平均）`);
  console.log(`Excel 插入 context.sync() 次数  ${book.syncs}（每张表 ${(book.syncs / plans.length).toFixed(2)} 次）`);
  console.log(`Excel 插入（模拟对象，含排队）  ${fmt(excel.ms)}`);
  console.log(`预览宿主插入                    ${fmt(preview.ms)}`);
  console.log(`CLI 写出 .xlsx (exceljs)        ${fmt(write.ms)}，${(write.result.byteLength / 1024).toFixed(0)} KiB`);
  console.log(`exceljs 读回同一文件（下限）    ${fmt(read.ms)}；写出/读回 = ${(write.ms / read.ms).toFixed(2)}`);
  return { syncs: book.syncs };
}

async function main() {
  await measure("晋城示例", jinchengSample.rows, 50);
  await measure("大型部门（2,000 个功能科目行，5,000 个项目）", largeRows(), 3);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
