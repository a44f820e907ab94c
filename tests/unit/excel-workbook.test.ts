import type { CellRef } from "../../src/domain/finding";
import { applyExplanations, explanationsFromXml, explanationsToXml, type Explanation } from "../../src/domain/explanations";
import { SheetExistsError, type PackStamp } from "../../src/domain/port";
import { MARK_FILLS, MARK_NOTE_HEAD } from "../../src/domain/render/marks";
import { finding } from "../support/finding";
import { builtinPack } from "../../src/domain/packs";
import { renderTables } from "../../src/domain/render/render";
import { jinchengSample } from "../../src/domain/samples";
import { MockWorkbook, NO_FILL, type Fill, type Touched } from "../support/excel-mock";
import { createExcelPort } from "../../src/excel/workbook";
import { MARKS_NAMESPACE, marksFromXml, marksToXml } from "../../src/excel/marks-xml";
import { STAMP_NAMESPACE, stampFromXml, stampOf, stampToXml } from "../../src/domain/stamp";
import { charsToPoints } from "../../src/domain/render/print";
import { smallPlan as plan } from "../support/plans";

const NOT_LOADED = "Error, property was not loaded";
const EDIT_MODE = "Excel 正处于单元格编辑状态，请按 Enter 或 Esc 后重试。";


const stamp: PackStamp = { pack: "shanxi-2023", version: "1.0.1", department: "某某局", year: 2023 };

describe("apply", () => {
  it("writes three sheets — values, merges, number formats, formats, layout — in exactly two syncs", async () => {
    const book = new MockWorkbook([{ name: "Sheet1" }]);
    const plans = [plan("表1", "201", 12.5), plan("表2", "2010101", 3), plan("表3", "05", 0)];

    await createExcelPort(book.run, () => true).apply(plans);

    expect(book.syncs).toBe(2);
    expect(book.worksheetLoads).toEqual(["items/name"]);
    expect(book.added).toEqual(["表1", "表2", "表3"]);
    for (const p of plans) {
      const values = book.range(p.name, "A1:C5", (t) => t.range.values !== undefined);
      expect(values.range.values).toEqual(p.values.map((row) => row.map((v) => v ?? "")));
      expect(book.ranges(p.name).filter((t) => t.merged !== undefined).map((t) => [t.address, t.merged])).toEqual([
        ["A2:C2", false],
        ["A5:B5", false],
      ]);

      const code = book.range(p.name, "A4", (t) => t.range.numberFormat !== undefined);
      expect(code.range.numberFormat).toEqual([["@"]]);
      const amount = book.range(p.name, "C4:C5", (t) => t.range.numberFormat !== undefined);
      expect(amount.range.numberFormat).toEqual([["#,##0.00"], ["#,##0.00"]]);
      // The text format must exist before the code is written.
      const order = book.ranges(p.name);
      expect(order.indexOf(code)).toBeLessThan(order.indexOf(values));
      expect(order.indexOf(amount)).toBeLessThan(order.indexOf(values));
    }

    const sheet = "表2";
    // Formats go on last, so the last range asked for at an address is the styled one.
    const styled = (address: string) => book.ranges(sheet).filter((t) => t.address === address).at(-1) as Touched;
    const title = styled("A2:C2").range.format;
    expect([title.font.bold, title.font.size, title.horizontalAlignment]).toEqual([true, 16, "Center"]);
    const header = styled("A3:C3");
    expect(header.range.format).toMatchObject({
      horizontalAlignment: "Center",
      verticalAlignment: "Center",
      wrapText: true,
    });
    expect(header.range.format.font.bold).toBe(true);
    // A single-row header gets outer edges and vertical inner lines, no horizontal inner line.
    const edges = ["EdgeBottom", "EdgeLeft", "EdgeRight", "EdgeTop"];
    expect([...header.borders.keys()].sort()).toEqual([...edges, "InsideVertical"]);
    expect([...header.borders.values()].every((b) => b.style === "Continuous" && b.weight === "Thin")).toBe(true);
    const amount = styled("C4:C5");
    expect(amount.range.format.horizontalAlignment).toBe("Right");
    expect([...amount.borders.keys()]).toContain("InsideHorizontal");
    expect(styled("A5:C5").range.format.font.bold).toBe(true);
    expect(styled("B4").borders.size).toBe(4);

    expect(book.range(sheet, "A:A").range.format.columnWidth).toBe(charsToPoints(12));
    expect(book.range(sheet, "B:B").range.format.columnWidth).toBe(charsToPoints(30));
    expect(book.frozen).toEqual({ 表1: 3, 表2: 3, 表3: 3 });
    const layout = book.pageLayouts[sheet];
    expect([layout.orientation, layout.paperSize, layout.zoom]).toEqual([
      "Landscape",
      "A4",
      { horizontalFitToPages: 1, verticalFitToPages: 0 },
    ]);
    expect(book.liveParts()).toEqual([]);
  });

  it("inserts the 13 official tables of the pack, filled with the 晋城 sample, in exactly two syncs", async () => {
    const book = new MockWorkbook([{ name: "Sheet1" }]);
    const plans = renderTables(builtinPack(), { department: jinchengSample.department, year: 2023, rows: jinchengSample.rows });
    const stamp = { pack: "shanxi-2023", version: "1.0.1", department: "晋城市商务局", year: 2023 };

    await createExcelPort(book.run, () => true).apply(plans, stamp);

    expect(book.syncs).toBe(2);
    expect(book.added).toEqual(builtinPack().tables.map((t) => t.sheetName));
    const t01 = book.range("表1 预算收支总表", "A1:F38", (t) => t.range.values !== undefined).range;
    expect(t01.values[1][0]).toBe("2023年预算收支总表");
    expect(t01.values[5][1]).toBe(5307.69);
    expect(t01.format.font.name).toBe("宋体");
    expect(book.ranges("表1 预算收支总表").filter((t) => t.merged !== undefined).map((t) => t.address)).toEqual(
      expect.arrayContaining(["A2:F2", "A4:B4", "C4:F4"]),
    );
    expect(book.frozen["表9 国有资本经营收支表"]).toBe(6);
    expect(book.liveParts().map((p) => stampFromXml(p.xml))).toEqual([stamp]);
    // Printed like the official tables: title block and header on every page, name and page number in the footer.
    expect(book.printTitles["表1 预算收支总表"]).toBe("$1:$5");
    expect(book.printTitles["表6 基本支出分经济科目表"]).toBe(`$1:$${plans[5].print.titleRows![1]}`);
    const footer = book.pageLayouts["表1 预算收支总表"].headersFooters.defaultForAllPages;
    expect([footer.leftFooter, footer.rightFooter]).toEqual(["表1 预算收支总表", "第 &P 页，共 &N 页"]);
    // A wrapped project name gets the height of its lines.
    const t12 = plans[11];
    const tall = t12.rowHeights!.findIndex((h) => h !== null);
    expect(tall).toBeGreaterThan(0);
    expect(book.range("表12 项目支出表（本年）", `${tall + 1}:${tall + 1}`).range.format.rowHeight).toBe(t12.rowHeights![tall]);
  });

  it("leaves page layout alone on hosts without ExcelApi 1.9", async () => {
    const book = new MockWorkbook();
    const asked: string[] = [];
    await createExcelPort(book.run, (v) => (asked.push(v), false)).apply([plan("表1", "201", 1)]);
    expect(asked).toEqual(["1.9"]);
    expect(book.pageLayouts["表1"].orientation).toBeUndefined();
    expect(book.syncs).toBe(2);
  });

  it("pads ragged rows and turns null into empty strings", async () => {
    const book = new MockWorkbook();
    const p = { ...plan("表1", "201", 1), values: [["a"], ["b", null, 3]], styles: [], merges: [] };
    await createExcelPort(book.run, () => true).apply([p]);
    expect(book.range("表1", "A1:C2").range.values).toEqual([
      ["a", "", ""],
      ["b", "", 3],
    ]);
  });

  it("refuses a taken name, in any letter case, after one sync and without writing anything", async () => {
    const book = new MockWorkbook([{ name: "Summary" }, { name: "表2" }]);
    book.parts.push({ id: "{old}", namespace: STAMP_NAMESPACE, xml: stampToXml(stamp), deleted: false });
    const port = createExcelPort(book.run, () => true);

    const attempt = port.apply([plan("SUMMARY", "201", 1), plan("表1", "201", 1), plan("表2", "201", 1)], stamp);

    await expect(attempt).rejects.toBeInstanceOf(SheetExistsError);
    await expect(attempt).rejects.toMatchObject({ names: ["SUMMARY", "表2"] });
    expect(book.syncs).toBe(1);
    expect(book.added).toEqual([]);
    expect(book.touched).toEqual([]);
    expect(book.liveParts().map((p) => p.id)).toEqual(["{old}"]);
  });

  it("refuses two plans with the same name before touching Excel", async () => {
    const book = new MockWorkbook();
    const port = createExcelPort(book.run, () => true);
    await expect(port.apply([plan("Tab", "1", 1), plan("TAB", "1", 1)])).rejects.toThrow("要插入的表中有重名的工作表：TAB");
    expect(book.syncs).toBe(0);
  });

  it("replaces the old stamp within the same two syncs, after the sheets", async () => {
    const book = new MockWorkbook();
    book.parts.push(
      { id: "{a}", namespace: STAMP_NAMESPACE, xml: stampToXml({ ...stamp, year: 2022 }), deleted: false },
      { id: "{b}", namespace: STAMP_NAMESPACE, xml: stampToXml({ ...stamp, year: 2021 }), deleted: false },
      { id: "{other}", namespace: "urn:someone-else", xml: '<x xmlns="urn:someone-else"/>', deleted: false },
    );
    const port = createExcelPort(book.run, () => true);

    await port.apply([plan("表1", "201", 1)], stamp);

    expect(book.syncs).toBe(2);
    expect(book.liveParts().map((p) => p.id)).toEqual(["{other}", "{1}"]);
    expect(await port.metadata.get()).toEqual(stamp);
  });
});

describe("readGrids", () => {
  it("returns each sheet's used range with its offset, empty sheets as [], in two syncs", async () => {
    const book = new MockWorkbook([
      { name: "表1", used: { top: 2, left: 1, values: [["收入", 10], ["", true]] } },
      { name: "空表" },
      { name: "藏起来的表", used: { top: 0, left: 0, values: [["x"]] }, visibility: "VeryHidden" },
    ]);

    const grids = await createExcelPort(book.run).readGrids();

    // A hidden sheet is read like any other, and marked (S13 says so), its visibility loaded in the same sync.
    expect(grids).toEqual([
      { name: "表1", top: 2, left: 1, values: [["收入", 10], [null, true]] },
      { name: "空表", top: 0, left: 0, values: [] },
      { name: "藏起来的表", top: 0, left: 0, values: [["x"]], hidden: true },
    ]);
    expect(book.syncs).toBe(2);
    expect(book.usedRangeArgs).toEqual([true, true, true]);
    // Only what is used was loaded: the other properties still read as the mock's error string.
    expect(book.usedRanges[0].address).toBe(NOT_LOADED);
    expect(book.usedRanges[0].formulas).toBe(NOT_LOADED);
  });

  it("reads only the named sheets, skipping a missing one, in one sync", async () => {
    const book = new MockWorkbook([
      { name: "表1", used: { top: 0, left: 0, values: [["a"]] } },
      { name: "表2", used: { top: 0, left: 0, values: [["b"]] } },
    ]);

    const grids = await createExcelPort(book.run).readGrids(["表2", "已删除"]);

    expect(grids).toEqual([{ name: "表2", top: 0, left: 0, values: [["b"]] }]);
    expect(book.syncs).toBe(1);
  });

  it("reads a sheet beyond the first window (20,001 rows) whole, in one sync more", async () => {
    const values = Array.from({ length: 20_001 }, (_, i) => [`项目${i + 1}`, i]);
    const book = new MockWorkbook([{ name: "表12", used: { top: 0, left: 0, values } }]);
    const [grid] = await createExcelPort(book.run).readGrids(["表12"]);
    expect(grid.values).toHaveLength(20_001);
    expect(grid.values[20_000]).toEqual(["项目20001", 20_000]);
    expect(grid.clipped).toBeUndefined();
    expect(book.syncs).toBe(2);
  });

  it("a stray value at XFD1048576 beside a table: the table read, the stray cell said to be left out, its used range never loaded", async () => {
    const book = new MockWorkbook([
      { name: "表2", used: { top: 0, left: 0, values: [["收入", 10], ["合计", 10]], far: [{ row: 1_048_575, col: 16_383, value: "备注" }] } },
    ]);
    const [grid] = await createExcelPort(book.run).readGrids(["表2"]);
    expect(grid.values).toEqual([["收入", 10], ["合计", 10]]);
    expect(grid.clipped).toEqual({ spans: "A1:XFD1048576", ignored: 1, first: "XFD1048576", skipped: false });
    // The first sync, the areas holding values, the values up to the gap.
    expect(book.syncs).toBe(3);
  });

  it("values every 900 rows and 14 columns to the sheet's end: no gap to cut at, so the sheet is skipped and said so", async () => {
    const far = Array.from({ length: 1_100 }, (_, k) => ({ row: (k + 1) * 900, col: (k + 1) * 14, value: k }));
    const book = new MockWorkbook([{ name: "草稿", used: { top: 0, left: 0, values: [[1]], far } }]);
    const [grid] = await createExcelPort(book.run).readGrids(["草稿"]);
    expect(grid.values).toEqual([]);
    expect(grid.clipped).toMatchObject({ ignored: 1_101, first: "A1", skipped: true });
    expect(book.syncs).toBe(2);
  });
});

describe("sheetNames and select", () => {
  it("lists the sheet names in one sync", async () => {
    const book = new MockWorkbook([{ name: "A" }, { name: "表2" }]);
    expect(await createExcelPort(book.run).sheetNames()).toEqual(["A", "表2"]);
    expect(book.syncs).toBe(1);
  });

  it("activates the sheet and selects the cell in one sync", async () => {
    const book = new MockWorkbook([{ name: "表1" }]);
    await createExcelPort(book.run).select({ sheet: "表1", cell: "C7" });
    expect(book.activated).toEqual(["表1"]);
    expect(book.range("表1", "C7").selected).toBe(true);
    expect(book.syncs).toBe(1);
  });

  it("selects the finding's cell with its related cells on the same sheet as one multi-area selection", async () => {
    const book = new MockWorkbook([{ name: "表1" }, { name: "表3" }]);
    const related = [
      { sheet: "表1", cell: "C5" },
      { sheet: "表3", cell: "C5" },
      { sheet: "表1", cell: "D12" },
      { sheet: "表1", cell: "C6" },
    ];
    await createExcelPort(book.run, () => true).select({ sheet: "表1", cell: "D12" }, related);
    expect(book.activated).toEqual(["表1"]);
    expect(book.areasSelected).toEqual(["表1!D12, C5, C6"]);
    expect(book.syncs).toBe(1);
  });

  it("selects just the cell where related cells are elsewhere, or the host lacks RangeAreas", async () => {
    const book = new MockWorkbook([{ name: "表1" }, { name: "表3" }]);
    await createExcelPort(book.run, () => true).select({ sheet: "表1", cell: "D12" }, [{ sheet: "表3", cell: "C5" }]);
    await createExcelPort(book.run, () => false).select({ sheet: "表1", cell: "D12" }, [{ sheet: "表1", cell: "C5" }]);
    expect(book.areasSelected).toEqual([]);
    expect(book.ranges("表1").filter((t) => t.selected).map((t) => t.address)).toEqual(["D12", "D12"]);
  });

  it("names the missing sheet in Chinese", async () => {
    const book = new MockWorkbook([{ name: "表1" }]);
    await expect(createExcelPort(book.run).select({ sheet: "表9", cell: "A1" })).rejects.toThrow(
      "找不到工作表“表9”，它可能已被删除或改名。",
    );
  });
});

describe("fillEmptyCells", () => {
  it("writes only into cells that are still empty, in two syncs", async () => {
    const book = new MockWorkbook([{ name: "表1" }]);
    book.formulas["表1!C5"] = "用户已填写";
    book.formulas["表1!C6"] = '=""';

    await createExcelPort(book.run).fillEmptyCells([
      { sheet: "表1", cell: "C4", value: "一般公共服务支出" },
      { sheet: "表1", cell: "C5", value: "人大事务" },
      { sheet: "表1", cell: "C6", value: "行政运行" },
    ]);

    expect(book.range("表1", "C4").range.values).toEqual([["一般公共服务支出"]]);
    expect(book.range("表1", "C5").range.values).toBeUndefined();
    expect(book.range("表1", "C6").range.values).toBeUndefined();
    expect(book.syncs).toBe(2);
  });
});

describe("onEdit", () => {
  it("refuses, registering nothing, where the host lacks ExcelApi 1.9", async () => {
    const book = new MockWorkbook([{ name: "表1" }]);
    await expect(createExcelPort(book.run, () => false).onEdit(() => undefined)).rejects.toThrow("ExcelApi 1.9");
    expect(book.changeHandlers).toHaveLength(0);
    expect(book.syncs).toBe(0);
  });

  it("reports the user's own edits cell by cell, by sheet name, and stops when asked", async () => {
    const book = new MockWorkbook([{ name: "表1" }, { name: "表2" }]);
    const edits: CellRef[] = [];

    const stop = await createExcelPort(book.run, () => true).onEdit((ref) => edits.push(ref));
    expect(book.syncs).toBe(1);

    await book.change({ worksheetId: "id-2", address: "B3" });
    await book.change({ worksheetId: "id-1", address: "A1:B2" });
    await book.change({ worksheetId: "id-1", address: "C3", source: "Remote" });
    await book.change({ worksheetId: "id-1", address: "C4", triggerSource: "ThisLocalAddin" });
    await book.change({ worksheetId: "id-1", address: "C5", changeType: "RowInserted" });
    await book.change({ worksheetId: "id-1", address: "A1:J11" }); // 110 cells: a paste, not typing
    await book.change({ worksheetId: "id-1", address: "D:D" });
    await book.change({ worksheetId: "gone", address: "A1" });
    expect(edits).toEqual([
      { sheet: "表2", cell: "B3" },
      { sheet: "表1", cell: "A1" },
      { sheet: "表1", cell: "B1" },
      { sheet: "表1", cell: "A2" },
      { sheet: "表1", cell: "B2" },
    ]);

    book.resumed = [];
    await stop();
    expect(book.removedHandlers).toBe(1);
    // Removal runs in the context the handler was added in.
    expect(book.resumed).toEqual([book.context]);
  });
});

describe("mark and clearMarks", () => {
  const YELLOW: Fill = { color: "#FFFF00", pattern: "Solid", patternColor: "#000000", tintAndShade: 0.4, patternTintAndShade: 0 };
  const HATCHED: Fill = { color: "#DDDDDD", pattern: "Gray25", patternColor: "#FF0000", tintAndShade: 0, patternTintAndShade: -0.2 };

  const first = [
    finding("A04", "error", "表1", "D12"),
    finding("X09", "warning", "表1", "D12"),
    finding("S09", "warning", "表1", "C5"),
    finding("C05", "info", "表2", "B3"),
  ];

  /** A workbook with a yellow cell, a hatched cell, the user's own note and a stamp. */
  function workbook(): MockWorkbook {
    const book = new MockWorkbook([{ name: "表1" }, { name: "表2" }]);
    book.fills["表1!D12"] = { ...YELLOW };
    book.fills["表2!E5"] = { ...HATCHED };
    book.notes["表1!C5"] = "用户自己的批注";
    book.parts.push({ id: "{stamp}", namespace: STAMP_NAMESPACE, xml: stampToXml(stamp), deleted: false });
    return book;
  }

  const state = (book: MockWorkbook) => ({ fills: structuredClone(book.fills), notes: { ...book.notes }, parts: book.liveParts() });
  const fill = (book: MockWorkbook, key: string) => book.fills[key] ?? NO_FILL;
  const records = (book: MockWorkbook) => book.liveParts().filter((p) => p.namespace === MARKS_NAMESPACE);

  it("fills each finding's cell by its worst severity, notes it, and records the originals — in two syncs", async () => {
    const book = workbook();
    await createExcelPort(book.run, () => true).mark(first);

    expect(book.syncs).toBe(2);
    expect(fill(book, "表1!D12")).toMatchObject({ color: MARK_FILLS.error, pattern: "Solid", tintAndShade: 0 });
    expect(fill(book, "表1!C5")).toMatchObject({ color: MARK_FILLS.warning, pattern: "Solid" });
    expect(fill(book, "表2!B3")).toMatchObject({ color: MARK_FILLS.info, pattern: "Solid" });
    expect(book.notes["表1!D12"].split("\n")).toEqual([MARK_NOTE_HEAD, "A04 收支总表平衡（错误）：A04 的说明", "X09 分表不超过支出总表（警告）：X09 的说明"]);
    expect(book.notes["表2!B3"]).toMatch(/^【预算公开校验】\nC05 /);
    // The user's note stays as it was.
    expect(book.notes["表1!C5"]).toBe("用户自己的批注");

    const [record] = records(book);
    expect(records(book)).toHaveLength(1);
    expect(marksFromXml(record.xml)).toEqual([
      { sheet: "表1", cell: "D12", fill: YELLOW },
      { sheet: "表1", cell: "C5", fill: NO_FILL },
      { sheet: "表2", cell: "B3", fill: NO_FILL },
    ]);
    // Nothing but fills and notes: no values, no formats besides the fill.
    for (const t of book.touched) {
      expect(t.range.values).toBeUndefined();
      expect(t.range.numberFormat).toBeUndefined();
      expect(t.borders.size).toBe(0);
    }
  });

  it("clearMarks puts back exactly the fills (none, solid, patterned) and only its own notes — in two syncs", async () => {
    const book = workbook();
    const before = state(book);
    const port = createExcelPort(book.run, () => true);
    await port.mark([...first, finding("A01", "error", "表2", "E5")]);
    book.syncs = 0;

    await port.clearMarks();

    expect(book.syncs).toBe(2);
    expect(state(book)).toEqual(before);
  });

  it("marking twice keeps the first originals, in two syncs when this port wrote the record", async () => {
    const book = workbook();
    const before = state(book);
    const port = createExcelPort(book.run, () => true);
    await port.mark(first);
    book.syncs = 0;

    await port.mark([finding("A04", "warning", "表1", "D12"), finding("A01", "error", "表2", "E5")]);

    expect(book.syncs).toBe(2);
    expect(fill(book, "表1!D12")).toMatchObject({ color: MARK_FILLS.warning });
    // Its own note is rewritten for the new findings, not added twice.
    expect(book.notes["表1!D12"]).toBe(`${MARK_NOTE_HEAD}\nA04 收支总表平衡（警告）：A04 的说明`);
    expect(records(book)).toHaveLength(1);
    expect(marksFromXml(records(book)[0].xml).map((c) => [c.cell, c.fill.color])).toEqual([
      ["D12", YELLOW.color],
      ["C5", NO_FILL.color],
      ["B3", NO_FILL.color],
      ["E5", HATCHED.color],
    ]);

    await port.clearMarks();
    expect(state(book)).toEqual(before);
  });

  it("a reopened pane reads the record it did not write (one more sync), and clears to the originals", async () => {
    const book = workbook();
    const before = state(book);
    await createExcelPort(book.run, () => true).mark(first);
    book.syncs = 0;

    await createExcelPort(book.run, () => true).mark([finding("A04", "error", "表1", "D12"), finding("A01", "error", "表2", "E5")]);
    expect(book.syncs).toBe(3);

    book.syncs = 0;
    await createExcelPort(book.run, () => true).clearMarks();
    expect(book.syncs).toBe(2);
    expect(state(book)).toEqual(before);
  });

  it("clearMarks on an unmarked workbook writes nothing, in two syncs", async () => {
    const book = workbook();
    const before = state(book);
    await createExcelPort(book.run, () => true).clearMarks();
    expect(book.syncs).toBe(2);
    expect(state(book)).toEqual(before);
    expect(book.touched).toEqual([]);
  });

  it("clearMarks skips cells of a sheet gone since, and merges records a failure left behind", async () => {
    const book = workbook();
    book.fills["表1!A1"] = { ...NO_FILL, color: MARK_FILLS.error, pattern: "Solid" };
    book.parts.push(
      { id: "{m1}", namespace: MARKS_NAMESPACE, xml: marksToXml([{ sheet: "已删除", cell: "A1", fill: NO_FILL }]), deleted: false },
      { id: "{m2}", namespace: MARKS_NAMESPACE, xml: marksToXml([{ sheet: "表1", cell: "A1", fill: YELLOW }]), deleted: false },
    );
    await createExcelPort(book.run, () => true).clearMarks();
    expect(fill(book, "表1!A1")).toEqual(YELLOW);
    expect(records(book)).toEqual([]);
    expect(book.ranges("已删除")).toEqual([]);
  });

  it("fills only where the host lacks notes (ExcelApi 1.18)", async () => {
    const book = workbook();
    const before = state(book);
    const port = createExcelPort(book.run, (v) => v !== "1.18");
    await port.mark(first);
    expect(book.notes).toEqual(before.notes);
    expect(fill(book, "表2!B3").color).toBe(MARK_FILLS.info);
    await port.clearMarks();
    expect(state(book)).toEqual(before);
  });

  it("refuses in Chinese where the host lacks ExcelApi 1.9, before touching Excel", async () => {
    const book = workbook();
    const port = createExcelPort(book.run, () => false);
    await expect(port.mark(first)).rejects.toThrow("需要 ExcelApi 1.9");
    await expect(port.clearMarks()).rejects.toThrow("需要 ExcelApi 1.9");
    expect(book.syncs).toBe(0);
  });

  it("a finding on a sheet gone since fails in Chinese, with nothing written", async () => {
    const book = workbook();
    const before = state(book);
    await expect(createExcelPort(book.run, () => true).mark([...first, finding("A01", "error", "表9", "A1")])).rejects.toThrow(
      "找不到要标记的工作表",
    );
    expect(book.syncs).toBe(1);
    expect(state(book)).toEqual(before);
  });

  it("does nothing, without a sync, for no findings or findings without a cell (a missing table)", async () => {
    const book = workbook();
    await createExcelPort(book.run, () => true).mark([finding("S01", "error", "", "")]);
    expect(book.syncs).toBe(0);
  });
});

describe("errors", () => {
  // The mapping itself: excel-codecs.test.ts.
  it("reach the caller in Chinese, the Office error kept as the cause", async () => {
    const book = new MockWorkbook();
    book.failNextSync = { code: "InvalidOperationInCellEditMode", message: "Excel is in cell-editing mode." };
    const error = await createExcelPort(book.run).sheetNames().catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(EDIT_MODE);
    expect((error as Error).cause).toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });
});

describe("explained findings", () => {
  const explanation: Explanation = {
    rule: "A04",
    sheet: "表1 预算收支总表",
    cell: "B36",
    actual: "2,737.68",
    expected: "2,178.00",
    text: "政府性基金 559.68 万元列在\"其他\"<栏>",
    date: "2026-12-01T08:00:00.000Z",
  };

  it("round-trip in one part of their own, beside the stamp; an empty list leaves none", async () => {
    const book = new MockWorkbook();
    const port = createExcelPort(book.run);
    expect(await port.explanations.get()).toEqual([]);
    expect(book.syncs).toBe(1);
    await port.metadata.set(stamp);
    await port.explanations.set([explanation]);
    await port.explanations.set([explanation, { ...explanation, cell: "D36" }]);
    expect(book.liveParts()).toHaveLength(2);
    book.syncs = 0;
    expect(await port.explanations.get()).toEqual([explanation, { ...explanation, cell: "D36" }]);
    expect(book.syncs).toBe(2);
    expect(await port.metadata.get()).toEqual(stamp);
    await port.explanations.set([]);
    expect(book.liveParts()).toHaveLength(1);
    expect(await port.explanations.get()).toEqual([]);
  });

  it("apply to the finding of the same rule, cell and figures only", () => {
    const finding = { rule: "A04", severity: "error" as const, table: "T01", sheet: explanation.sheet, cell: "B36", related: [], message: "…" };
    const [same, changed] = applyExplanations([{ ...finding, actual: "2,737.68", expected: "2,178.00" }, { ...finding, actual: "2,737.69", expected: "2,178.00" }], [explanation]);
    expect(same.explanation).toBe(explanation.text);
    expect(changed.explanation).toBeUndefined();
    expect(explanationsFromXml(explanationsToXml([explanation]))).toEqual([explanation]);
    expect(explanationsFromXml(stampToXml(stamp))).toEqual([]);
  });
});

describe("stamp", () => {
  it("round-trips through metadata.set and get, keeping a single part", async () => {
    const book = new MockWorkbook();
    const port = createExcelPort(book.run);
    expect(await port.metadata.get()).toBeNull();
    expect(book.syncs).toBe(1); // no part, so no second sync for its XML
    book.syncs = 0;

    await port.metadata.set({ ...stamp, year: 2022 });
    await port.metadata.set(stamp);
    expect(book.syncs).toBe(4);
    expect(book.liveParts()).toHaveLength(1);
    expect(book.liveParts()[0].xml).toBe(stampToXml(stamp));

    book.syncs = 0;
    expect(await port.metadata.get()).toEqual(stamp);
    expect(book.syncs).toBe(2);
  });

  it("builds escaped XML in its namespace and parses it back", () => {
    const tricky: PackStamp = { pack: "p&<>", version: `1"2'3`, department: "财政厅\n预算处", year: 2023 };
    const xml = stampToXml(tricky);
    expect(xml).toBe(
      `<stamp xmlns="${STAMP_NAMESPACE}" pack="p&amp;&lt;&gt;" version="1&quot;2&apos;3" ` +
        `department="财政厅&#10;预算处" year="2023"/>`,
    );
    expect(stampFromXml(xml)).toEqual(tricky);
  });

  it("keeps the pack's year, publisher and content hash; a stamp of before they existed reads without them", () => {
    const full = stampOf(builtinPack("shanghai-putuo-2025"), "上海市普陀区商务委员会", 2025);
    expect(full).toMatchObject({ packYear: 2025, publisher: "上海市普陀区财政局", hash: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(stampFromXml(stampToXml(full))).toEqual(full);
    expect(stampFromXml(`<stamp pack="x" version="1.0.1" department="d" year="2023"/>`)).toEqual({ pack: "x", version: "1.0.1", department: "d", year: 2023 });
  });

  it("reads the stamp as Excel may hand it back, and rejects broken ones", () => {
    const declared =
      `<?xml version="1.0" encoding="utf-8"?>\n` +
      `<stamp xmlns='${STAMP_NAMESPACE}' year='2024' department='局&#x41;' version='2' pack='x'></stamp>`;
    expect(stampFromXml(declared)).toEqual({ pack: "x", version: "2", department: "局A", year: 2024 });
    expect(stampFromXml(`<stamp pack="x" version="1" department="d" year="soon"/>`)).toBeNull();
    expect(stampFromXml(`<stamp pack="x" version="1" year="2023"/>`)).toBeNull();
    expect(stampFromXml("<other/>")).toBeNull();
  });
});

describe("charsToPoints", () => {
  it("uses 7 px per character plus 5 px padding, at 0.75 pt per px", () => {
    expect(charsToPoints(10)).toBe(56.25);
    expect(charsToPoints(0)).toBe(3.75);
  });
});
