/** The committed workbooks of tests/fixtures/ (written by scripts/make-fixtures.ts) still hold what they claim. */
import ExcelJS from "exceljs";
import { join } from "path";
import { builtinPack } from "../../src/domain/packs";
import { tableTitle } from "../../src/domain/render/render";

const pack = builtinPack();
const titles = pack.tables.map((t) => tableTitle(t, 2023));

async function open(name: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(__dirname, "..", "fixtures", `${name}.xlsx`));
  return workbook;
}

const mergeCount = (workbook: ExcelJS.Workbook) => workbook.worksheets.reduce((n, s) => n + s.model.merges.length, 0);

describe("fixture workbooks", () => {
  it.each([
    ["jincheng-official", "部门名称：晋城市商务局", 5307.69],
    ["datong-official", "部门名称：大同市商务局", 2178],
  ])("%s: 13 sheets as the add-in inserts them", async (name, meta, income) => {
    const workbook = await open(name);
    expect(workbook.worksheets.map((s) => s.getCell("A2").value)).toEqual(titles);
    const t01 = workbook.worksheets[0];
    expect(t01.getCell("A3").value).toBe(meta);
    // 一、一般公共预算, under the two header rows.
    expect(t01.getCell("A6").value).toBe("一、一般公共预算");
    expect(t01.getCell("B6").value).toBe(income);
    expect(mergeCount(workbook)).toBeGreaterThan(0);
  });

  it("jincheng-one-sheet: the 13 tables stacked on one sheet from column C", async () => {
    const workbook = await open("jincheng-one-sheet");
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["预算公开表"]);
    const sheet = workbook.worksheets[0];
    const found: string[] = [];
    sheet.eachRow((row) => {
      const v = row.getCell(3).value;
      if (typeof v === "string" && titles.includes(v)) found.push(v);
      expect([row.getCell(1).value, row.getCell(2).value]).toEqual([null, null]);
    });
    expect(found).toEqual(titles);
    // Two blank rows, 预算公开表1, then the title.
    expect(sheet.getCell("C3").value).toBe("预算公开表1");
    expect(sheet.getCell("C4").value).toBe(titles[0]);
    expect(sheet.getCell("D8").value).toBe(5307.69);
  });

  it("jincheng-unmerged: no merges, 单位 on its own row under 部门名称", async () => {
    const workbook = await open("jincheng-unmerged");
    expect(workbook.worksheets).toHaveLength(13);
    expect(mergeCount(workbook)).toBe(0);
    const t01 = workbook.worksheets[0];
    expect(t01.getCell("A3").value).toBe("部门名称：晋城市商务局");
    expect(t01.getCell("F3").value).toBeNull();
    expect(t01.getCell("F4").value).toBe("单位：万元");
    // Header texts stay in the top-left cells of what were merges.
    expect([t01.getCell("A5").value, t01.getCell("B5").value, t01.getCell("C5").value]).toEqual(["收入", null, "支出"]);
    expect(t01.getCell("B7").value).toBe(5307.69);
  });

  it("jincheng-messy: T02 amounts typed as text, full-width and dashes; names with a stray space", async () => {
    const workbook = await open("jincheng-messy");
    expect(workbook.worksheets).toHaveLength(13);
    const t02 = workbook.worksheets[1];
    expect(t02.getCell("A2").value).toBe(titles[1]);
    expect(["C6", "C7", "C8", "C9", "E9", "E10", "B7"].map((a) => t02.getCell(a).value)).toEqual([
      "5,307.69",
      "2,636.14",
      "2, 636. 14",
      "７１２．６５",
      "-",
      "—",
      "一般公共服 务支出",
    ]);
    expect(t02.getCell("D9").value).toBe(712.65);
    expect(workbook.worksheets[0].getCell("B6").value).toBe(5307.69);
  });
});
