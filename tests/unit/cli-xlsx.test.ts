import ExcelJS from "exceljs";
import type { SheetPlan } from "../../src/domain/render/plan";
import { smallPlan } from "../support/plans";
import { writePlans } from "../../src/xlsx/write-plans";
import { builtinPack } from "../../src/domain/packs";
import { renderTables } from "../../src/domain/render/render";
import { jinchengSample } from "../../src/domain/samples";

const plan = smallPlan("表X", "2010101", 12.5);

/** Written and read back, so what is checked is what Excel gets. */
async function roundTrip(plans: SheetPlan[]) {
  const workbook = new ExcelJS.Workbook();
  writePlans(workbook, plans);
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(await workbook.xlsx.writeBuffer());
  return read;
}

describe("writePlans", () => {
  it("keeps numbers as numbers and codes as text", async () => {
    const sheet = (await roundTrip([plan])).getWorksheet("表X")!;
    expect(sheet.getCell("A4").value).toBe("2010101");
    expect(sheet.getCell("A4").numFmt).toBe("@");
    expect(sheet.getCell("C4").value).toBe(12.5);
    expect(sheet.getCell("C4").numFmt).toBe("#,##0.00");
  });

  it("applies styles in order, a later one changing only what it sets", async () => {
    const sheet = (await roundTrip([plan])).getWorksheet("表X")!;
    const total = sheet.getCell("C5");
    expect(total.font).toMatchObject({ bold: true, name: "宋体" });
    expect(total.numFmt).toBe("#,##0.00");
    expect(total.alignment).toMatchObject({ horizontal: "right", vertical: "middle" });
    expect(total.border).toMatchObject({ top: { style: "thin" }, right: { style: "thin" } });
    expect(sheet.getCell("C4").font.bold).toBeFalsy();
    expect(sheet.getCell("B4").alignment).toMatchObject({ vertical: "middle", wrapText: true });
    expect(sheet.getCell("A3").alignment).toMatchObject({ horizontal: "center", vertical: "middle", wrapText: true });
  });

  it("merges without losing each cell's own style", async () => {
    const sheet = (await roundTrip([plan])).getWorksheet("表X")!;
    expect(sheet.model.merges).toEqual(["A2:C2", "A5:B5"]);
    expect(sheet.getCell("C2").font).toMatchObject({ bold: true, size: 16 });
    // B5, merged into A5, keeps the 合计 row's own style; C5 beside the merge too.
    expect(sheet.getCell("B5").font.bold).toBe(true);
    expect(sheet.getCell("C5").numFmt).toBe("#,##0.00");
    expect(sheet.getCell("A5").value).toBe("合计");
  });

  it("sets widths, frozen rows and print setup; no freeze when freezeRows is 0", async () => {
    const workbook = await roundTrip([plan, { ...plan, name: "表Y", freezeRows: 0 }]);
    const [x, y] = workbook.worksheets;
    expect([1, 2, 3].map((i) => x.getColumn(i).width)).toEqual([12, 30, 16]);
    expect(x.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(x.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(y.views ?? []).not.toContainEqual(expect.objectContaining({ state: "frozen" }));
  });

  it("prints each table like the official one: header rows on every page, footer, one page tall where it fits, row heights", async () => {
    const plans = renderTables(builtinPack(), { department: jinchengSample.department, year: 2023, rows: jinchengSample.rows });
    const workbook = await roundTrip(plans);
    const t01 = workbook.getWorksheet("表1 预算收支总表")!;
    expect(t01.pageSetup.printTitlesRow).toBe("1:5");
    expect(t01.headerFooter.oddFooter).toBe("&L表1 预算收支总表&R第 &P 页，共 &N 页");
    // 表1's 38 rows fit one landscape page at 90 % or more of the width-fit scale; 表4's 42 do not.
    expect(t01.pageSetup.fitToHeight).toBe(1);
    expect(workbook.getWorksheet("表4 财政拨款收支总表")!.pageSetup.fitToHeight).toBe(0);
    expect(t01.pageSetup.margins).toMatchObject({ left: 0.4, top: 0.5 });
    const t12 = workbook.getWorksheet("表12 项目支出表（本年）")!;
    const plan12 = plans[11];
    const tall = plan12.rowHeights!.findIndex((h) => h !== null);
    expect(t12.getRow(tall + 1).height).toBe(plan12.rowHeights![tall]);
  });
});
