import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { codeNameFill } from "../../src/domain/code-names";
import type { CellValue, SheetGrid } from "../../src/domain/grid";
import { builtinPack } from "../../src/domain/packs";
import { codeRows } from "../../src/domain/render/code-rows";
import { renderTables } from "../../src/domain/render/render";
import { jinchengSample } from "../../src/domain/samples";

const catalog = builtinCatalog(2023);
const nameOf = (kind: "functional" | "income", code: string) => catalog.get(kind, code)?.name;
const pack = builtinPack();

function gridOf(tableId: string, rows?: CellValue[][]): SheetGrid {
  const [plan] = renderTables(pack, { department: "晋城市商务局", year: 2023, tables: [tableId], rows: rows ? { [tableId]: rows } : undefined });
  return { name: plan.name, top: 0, left: 0, values: plan.values };
}

describe("catalogue name beside a typed code", () => {
  it("fills the name of a functional code typed under 科目编码", () => {
    const grid = gridOf("T03");
    grid.values[6][0] = "2011301";
    expect(codeNameFill(grid, "A7", nameOf)).toEqual({ sheet: "表3 预算支出总表", cell: "B7", value: "行政运行" });
  });

  it("uses the income catalogue under 收入科目编码 (T07)", () => {
    const grid = gridOf("T07");
    grid.values[7][0] = "1030148";
    expect(codeNameFill(grid, "A8", nameOf)?.value).toBe("国有土地使用权出让收入");
  });

  it("works on a table shifted away from A1, and on numbers typed without the text format", () => {
    const base = gridOf("T05");
    const shifted: SheetGrid = { name: "别处", top: 10, left: 3, values: base.values };
    shifted.values[7][0] = 2101103;
    expect(codeNameFill(shifted, "D18", nameOf)).toEqual({ sheet: "别处", cell: "E18", value: "公务员医疗补助" });
  });

  it("never writes over a name the clerk typed", () => {
    const grid = gridOf("T03");
    grid.values[6][0] = "2011301";
    grid.values[6][1] = "行政运行（本级）";
    expect(codeNameFill(grid, "A7", nameOf)).toBeNull();
  });

  it("stays quiet outside code columns, for non-codes and unknown codes", () => {
    const grid = gridOf("T03");
    grid.values[6][2] = "2011301";
    expect(codeNameFill(grid, "C7", nameOf)).toBeNull();
    grid.values[6][0] = "20113011";
    expect(codeNameFill(grid, "A7", nameOf)).toBeNull();
    grid.values[6][0] = "2019999";
    expect(codeNameFill(grid, "A7", nameOf)).toBeNull();
    const t01 = gridOf("T01", jinchengSample.rows.T01!);
    expect(codeNameFill(t01, "B6", nameOf)).toBeNull();
  });
});

describe("code rows for the code tables", () => {
  it("adds the 类 and 款 of each chosen 项, once, in code order, under the 合计 row", () => {
    const t02 = pack.tables.find((t) => t.id === "T02")!;
    const rows = codeRows(t02, ["2210201", "2011301", "2011302"], (c) => catalog.get("functional", c)?.name);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ["合计", null],
      ["201", "一般公共服务支出"],
      ["20113", "商贸事务"],
      ["2011301", "行政运行"],
      ["2011302", "一般行政管理事务"],
      ["221", "住房保障支出"],
      ["22102", "住房改革支出"],
      ["2210201", "住房公积金"],
    ]);
    expect(rows.every((r) => r.length === 9)).toBe(true);
  });
});
