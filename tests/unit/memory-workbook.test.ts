import type { SheetPlan } from "../../src/domain/render/plan";
import { MARK_FILLS, MARK_NOTE_HEAD } from "../../src/domain/render/marks";
import { finding } from "../support/finding";
import { MemoryWorkbook } from "../../src/preview/memory-workbook";
import { typedValue } from "../../src/preview/GridView";

function plan(name: string): SheetPlan {
  return {
    name,
    tableId: name,
    values: [
      ["标题", null, null],
      ["a", 1, 2],
      ["b", 3, 4],
    ],
    merges: [],
    styles: [{ range: "A1:C1", style: "title" }],
    columnWidths: [10, 10, 10],
    freezeRows: 1,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  };
}

async function workbook(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await wb.apply([plan("表1"), plan("表2")]);
  const [t1, t2] = wb.sheets;
  t1.fills.set("1,1", "#FFFF00");
  t1.notes.set("2,1", "用户自己的批注");
  t2.fills.set("0,0", "#00FF00");
  wb.syncs = 0;
  return wb;
}

/** Everything mark() may touch, copied. */
const looks = (wb: MemoryWorkbook) => wb.sheets.map((s) => ({ fills: new Map(s.fills), notes: new Map(s.notes), cells: structuredClone(s.cells) }));

describe("MemoryWorkbook marks", () => {
  it("fills each cell by its worst severity and adds a note, leaving the user's own note, in two syncs", async () => {
    const wb = await workbook();
    await wb.mark([finding("A01", "warning", "表1", "B2"), finding("A04", "error", "表1", "B2"), finding("S09", "info", "表1", "B3")]);
    const t1 = wb.sheets[0];
    expect(wb.syncs).toBe(2);
    expect(t1.fills.get("1,1")).toBe(MARK_FILLS.error);
    expect(t1.fills.get("2,1")).toBe(MARK_FILLS.info);
    expect(t1.notes.get("1,1")?.split("\n")).toEqual([MARK_NOTE_HEAD, "A04 收支总表平衡（错误）：A04 的说明", "A01 行内合计等于各列之和（警告）：A01 的说明"]);
    expect(t1.notes.get("2,1")).toBe("用户自己的批注");
  });

  it("clearMarks restores exactly what was there, after marking twice, in two syncs", async () => {
    const wb = await workbook();
    const before = looks(wb);
    await wb.mark([finding("A04", "error", "表1", "B2"), finding("S09", "info", "表1", "B3")]);
    await wb.mark([finding("A04", "warning", "表1", "B2"), finding("X01", "error", "表2", "A1"), finding("X01", "error", "表2", "C3")]);
    expect(wb.sheets[0].fills.get("1,1")).toBe(MARK_FILLS.warning);
    expect(wb.sheets[0].notes.get("1,1")).toBe(`${MARK_NOTE_HEAD}\nA04 收支总表平衡（警告）：A04 的说明`);
    wb.syncs = 0;

    await wb.clearMarks();

    expect(wb.syncs).toBe(2);
    expect(looks(wb)).toEqual(before);
  });

  it("refuses a finding on a missing sheet before marking anything", async () => {
    const wb = await workbook();
    const before = looks(wb);
    await expect(wb.mark([finding("A04", "error", "表1", "B2"), finding("A04", "error", "表9", "A1")])).rejects.toThrow("表9");
    expect(looks(wb)).toEqual(before);
  });

  it("a new workbook forgets the marks", async () => {
    const wb = await workbook();
    await wb.mark([finding("A04", "error", "表1", "B2")]);
    wb.clear();
    wb.syncs = 0;
    await wb.clearMarks();
    expect(wb.syncs).toBe(1);
  });

  it("select shows the related cells, with the sheets' own names, until the user clicks elsewhere", async () => {
    const wb = await workbook();
    await wb.select({ sheet: "表1", cell: "C3" }, [
      { sheet: "表2", cell: "A1" },
      { sheet: "表1", cell: "B2" },
    ]);
    expect(wb.activeSheet).toBe("表1");
    expect(wb.selection).toEqual({ sheet: "表1", row: 2, col: 2 });
    expect(wb.related).toEqual([
      { sheet: "表2", cell: "A1" },
      { sheet: "表1", cell: "B2" },
    ]);
    wb.focus("表1", 0, 0);
    expect(wb.related).toEqual([]);
  });
});

describe("what a value typed in the preview is stored as, by the cell's format (as Excel does)", () => {
  test.each([
    ["500", "#,##0.00", 500],
    ["12345", "#,##0.00", 12345],
    ["900", "#,##0.00", 900],
    ["1,234.50", "#,##0.00", 1234.5],
    ["-3.2", "#,##0.00", -3.2],
    // A code column is text-formatted: its codes stay text, whatever their length.
    ["201", "@", "201"],
    ["2011301", "@", "2011301"],
    // Without a format: a subject code stays text, another number is a number.
    ["2011301", undefined, "2011301"],
    ["12345.6", undefined, 12345.6],
    ["一般公共服务支出", "#,##0.00", "一般公共服务支出"],
    ["1,23", "#,##0.00", "1,23"],
    ["  ", "#,##0.00", null],
  ])("%j in a cell formatted %j → %j", (typed, format, stored) => {
    expect(typedValue(typed, format)).toEqual(stored);
  });
});
