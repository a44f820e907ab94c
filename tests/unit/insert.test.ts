import { builtinPack } from "../../src/domain/packs";
import { SheetExistsError } from "../../src/domain/port";
import { renderTables } from "../../src/domain/render/render";
import { MemoryWorkbook } from "../../src/preview/memory-workbook";
import { insertTables, type Conflict } from "../../src/taskpane/insert";
import { packHash } from "../../src/domain/packs/versions";

const pack = builtinPack();
const request = { pack, department: "晋城市商务局", year: 2023, tables: ["T01", "T02", "T10"] };

describe("insert flow over the preview workbook", () => {
  it("inserts the chosen tables in two round-trips and stamps the workbook", async () => {
    const wb = new MemoryWorkbook();
    const asked = jest.fn();
    const result = await insertTables(wb, request, asked);
    expect(result).toEqual({ status: "inserted", inserted: ["表1 预算收支总表", "表2 预算收入总表", "表10 三公经费支出表"], skipped: [] });
    expect(asked).not.toHaveBeenCalled();
    expect(wb.syncs).toBe(2);
    // The pack's year, publisher and content hash with it, so a later check can tell which version made the workbook.
    expect(await wb.metadata.get()).toEqual({
      pack: "shanxi-2023",
      version: "1.0.1",
      department: "晋城市商务局",
      year: 2023,
      packYear: 2023,
      publisher: "山西省财政厅",
      hash: packHash(pack),
    });
  });

  it("refuses to overwrite, even in another letter case, and writes nothing", async () => {
    const wb = new MemoryWorkbook();
    await wb.apply(renderTables(pack, { department: "甲", year: 2023, tables: ["T02"] }));
    const before = JSON.stringify(wb.sheets.map((s) => s.cells));
    const plans = renderTables(pack, { department: "乙", year: 2024, tables: ["T01", "T02"] });
    plans[1].name = plans[1].name.toUpperCase();
    await expect(wb.apply(plans)).rejects.toBeInstanceOf(SheetExistsError);
    expect(wb.sheets.map((s) => s.name)).toEqual(["表2 预算收入总表"]);
    expect(JSON.stringify(wb.sheets.map((s) => s.cells))).toBe(before);
  });

  it("asks about taken names, then renames or skips as answered", async () => {
    const wb = new MemoryWorkbook();
    await wb.apply(renderTables(pack, { department: "甲", year: 2023, tables: ["T01", "T10"] }));
    let asked: Conflict[] = [];
    const result = await insertTables(wb, request, async (conflicts) => {
      asked = conflicts;
      return { T01: conflicts[0].suggested, T10: null };
    });
    expect(asked.map((c) => [c.tableId, c.suggested])).toEqual([
      ["T01", "表1 预算收支总表 (2)"],
      ["T10", "表10 三公经费支出表 (2)"],
    ]);
    expect(result).toEqual({ status: "inserted", inserted: ["表1 预算收支总表 (2)", "表2 预算收入总表"], skipped: ["表10 三公经费支出表"] });
    expect(wb.sheets.map((s) => s.name)).toEqual(["表1 预算收支总表", "表10 三公经费支出表", "表1 预算收支总表 (2)", "表2 预算收入总表"]);
    expect(wb.sheet("表1 预算收支总表")!.cells[2][0]).toBe("部门名称：甲");
  });

  it("asks again when the new name is taken too, and cancelling leaves the workbook alone", async () => {
    const wb = new MemoryWorkbook();
    await wb.apply(renderTables(pack, { department: "甲", year: 2023, tables: ["T01"], sheetNames: {} }));
    await wb.apply(renderTables(pack, { department: "甲", year: 2023, tables: ["T01"], sheetNames: { T01: "表1 预算收支总表 (2)" } }));
    const rounds: string[][] = [];
    const result = await insertTables(wb, { ...request, tables: ["T01"] }, async (conflicts) => {
      rounds.push(conflicts.map((c) => c.name));
      return rounds.length === 1 ? { T01: "表1 预算收支总表 (2)" } : null;
    });
    expect(rounds).toEqual([["表1 预算收支总表"], ["表1 预算收支总表 (2)"]]);
    expect(result).toEqual({ status: "cancelled" });
    expect(wb.sheets).toHaveLength(2);
  });
});

test("the preview, like Excel, refuses two planned sheets of one name before writing anything", async () => {
  const wb = new MemoryWorkbook();
  const [t01] = renderTables(pack, { department: "甲", year: 2023, tables: ["T01"] });
  await expect(wb.apply([t01, { ...t01, name: t01.name.toUpperCase() }])).rejects.toThrow("要插入的表中有重名的工作表");
  expect(wb.sheets).toEqual([]);
  expect(wb.syncs).toBe(0);
});
