import ExcelJS from "exceljs";
import type { SheetPlan } from "../../src/domain/render/plan";
import { writePlans } from "../../src/xlsx/write-plans";

const plan: SheetPlan = {
  name: "表X",
  tableId: "T99",
  values: [
    ["标题", null, null],
    ["科目编码", "科目名称", "金额"],
    ["2010101", "行政运行", 12.5],
    ["合计", null, 12.5],
  ],
  merges: ["A1:C1", "A4:B4"],
  styles: [
    { range: "A1:C1", style: "title" },
    { range: "A2:C2", style: "header" },
    { range: "A3:A4", style: "code" },
    { range: "B3:B4", style: "label" },
    { range: "C3:C4", style: "amount" },
    { range: "A4:C4", style: "total" },
  ],
  columnWidths: [12, 30, 14],
  freezeRows: 2,
  print: { orientation: "landscape", paper: "A4", fitToWidth: true },
};

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
    expect(sheet.getCell("A3").value).toBe("2010101");
    expect(sheet.getCell("A3").numFmt).toBe("@");
    expect(sheet.getCell("C3").value).toBe(12.5);
    expect(sheet.getCell("C3").numFmt).toBe("#,##0.00");
  });

  it("applies styles in order, a later one changing only what it sets", async () => {
    const sheet = (await roundTrip([plan])).getWorksheet("表X")!;
    const total = sheet.getCell("C4");
    expect(total.font).toMatchObject({ bold: true, name: "宋体" });
    expect(total.numFmt).toBe("#,##0.00");
    expect(total.alignment).toMatchObject({ horizontal: "right", vertical: "middle" });
    expect(total.border).toMatchObject({ top: { style: "thin" }, right: { style: "thin" } });
    expect(sheet.getCell("C3").font.bold).toBeFalsy();
    expect(sheet.getCell("B3").alignment).toMatchObject({ vertical: "middle", wrapText: true });
    expect(sheet.getCell("A2").alignment).toMatchObject({ horizontal: "center", vertical: "middle", wrapText: true });
  });

  it("merges without losing each cell's own style", async () => {
    const sheet = (await roundTrip([plan])).getWorksheet("表X")!;
    expect(sheet.model.merges).toEqual(["A1:C1", "A4:B4"]);
    expect(sheet.getCell("C1").font).toMatchObject({ bold: true, size: 16 });
    // B4 is a label under a code cell: it keeps its own alignment, not A4's.
    expect(sheet.getCell("B4").alignment.wrapText).toBe(true);
    expect(sheet.getCell("A4").value).toBe("合计");
  });

  it("sets widths, frozen rows and print setup; no freeze when freezeRows is 0", async () => {
    const workbook = await roundTrip([plan, { ...plan, name: "表Y", freezeRows: 0 }]);
    const [x, y] = workbook.worksheets;
    expect([1, 2, 3].map((i) => x.getColumn(i).width)).toEqual([12, 30, 14]);
    expect(x.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(x.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(y.views ?? []).not.toContainEqual(expect.objectContaining({ state: "frozen" }));
  });
});
