import type { CellValue, SheetGrid } from "../../src/domain/grid";
import { cellOf, readDisclosure, textOf, type Disclosure } from "../../src/domain/read/read";
import { renderTables } from "../../src/domain/render/render";
import { jinchengSample } from "../../src/domain/samples";
import { pack } from "../support/disclosure";

const plans = renderTables(pack, { department: "晋城市商务局", year: 2023, rows: jinchengSample.rows });
const official: SheetGrid[] = plans.map((p) => ({ name: p.name, top: 0, left: 0, values: p.values }));

/** Every table's figures by table id, row by row, with the cell they were read from — what checks see. */
function figures(d: Disclosure): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, t] of d.tables)
    out[id] = t.rows.map((r) => t.decl.columns.map((c) => `${c.key}=${String(cellOf(t, r, c.key)?.value ?? "")}`).join("|"));
  return out;
}

/** Stack all tables on one sheet: `gap` blank rows between them, shifted `left` columns right. */
function oneSheet(gap: number, left: number, top = 0): SheetGrid {
  const values: CellValue[][] = Array.from({ length: top }, () => []);
  for (const p of plans) {
    for (const row of p.values) values.push([...new Array<CellValue>(left).fill(null), ...row]);
    for (let i = 0; i < gap; i++) values.push([]);
  }
  return { name: "全部表", top: 0, left: 0, values };
}

describe("reading the official layout", () => {
  const d = readDisclosure(pack, official);

  it("finds all 13 tables with their year, department and unit", () => {
    expect([...d.tables.keys()]).toEqual(pack.tables.map((t) => t.id));
    for (const t of d.tables.values()) {
      expect([t.year, t.department?.text, t.unit?.text, t.headerProblems]).toEqual([2023, "晋城市商务局", "万元", []]);
    }
  });

  it("reads each body row with its sheet and cell", () => {
    const t01 = d.tables.get("T01")!;
    expect(t01.rows).toHaveLength(33);
    const income = cellOf(t01, t01.rows[0], "incomeAmount");
    expect({ value: income?.value, ref: income?.ref }).toEqual({ value: 5307.69, ref: { sheet: "表1 预算收支总表", cell: "B6" } });
    const t12 = d.tables.get("T12")!;
    expect(textOf(t12, t12.rows[26], "project")).toBe("自收自支单位人员及公用支出");
    expect(cellOf(t12, t12.rows[26], "total")?.ref).toEqual({ sheet: "表12 项目支出表（本年）", cell: "B33" });
  });

  it("notes 注：本表无数据 under empty tables and stops there", () => {
    expect(d.tables.get("T07")!.note?.ref.cell).toBe("A8");
    expect(d.tables.get("T13")!.rows).toEqual([]);
    expect(d.tables.get("T01")!.note).toBeNull();
  });
});

describe("reading other layouts gives the same figures", () => {
  const expected = figures(readDisclosure(pack, official));
  const strip = (d: Disclosure) =>
    Object.fromEntries(Object.entries(figures(d)).map(([id, rows]) => [id, rows.map((r) => r.replace(/=\s+|\s+(?=\|)/g, "="))]));

  it("all tables on one sheet, shifted right and down, with blank rows between", () => {
    const d = readDisclosure(pack, [oneSheet(3, 2, 4)]);
    expect([...d.tables.keys()]).toHaveLength(13);
    expect(figures(d)).toEqual(expected);
    expect(cellOf(d.tables.get("T01")!, d.tables.get("T01")!.rows[0], "incomeAmount")?.ref).toEqual({ sheet: "全部表", cell: "D10" });
  });

  it("a used range that does not start at A1 (Excel's used range offsets)", () => {
    const g = oneSheet(2, 0);
    const d = readDisclosure(pack, [{ ...g, top: 5, left: 3 }]);
    expect(figures(d)).toEqual(expected);
    expect(d.tables.get("T01")!.title.ref.cell).toBe("D7");
  });

  it("headers typed without merges, with stray spaces and full-width characters, and no 预算公开表 line", () => {
    const messy = official.map((g) => ({
      ...g,
      values: g.values.map((row, r) =>
        r === 0 ? row.map(() => null) : row.map((v) => (typeof v === "string" && r <= 6 ? v.replace(/科目/g, "科 目").replace(/2023/g, "２０２３") : v)),
      ),
    }));
    const d = readDisclosure(pack, messy);
    expect([...d.tables.values()].flatMap((t) => t.headerProblems)).toEqual([]);
    expect(strip(d)).toEqual(strip(readDisclosure(pack, official)));
  });

  it("titles without the year, and the department and unit in one cell", () => {
    const g = official.map((s) => ({
      ...s,
      values: s.values.map((row, r) => (r === 1 ? row.map((v) => (typeof v === "string" ? v.replace(/^2023年/, "") : v)) : r === 2 ? ["部门名称：晋城市商务局    单位：万元"] : row)),
    }));
    const d = readDisclosure(pack, g);
    const t = d.tables.get("T05")!;
    expect([t.year, t.department?.text, t.unit?.text]).toEqual([null, "晋城市商务局", "万元"]);
    expect(figures(d)).toEqual(expected);
  });

  it("a table of contents listing the titles does not hide the tables", () => {
    const toc: SheetGrid = { name: "目录", top: 0, left: 0, values: plans.map((p) => [p.values[1][0]]) };
    const d = readDisclosure(pack, [toc, ...official]);
    expect([...d.tables.values()].map((t) => t.sheet)).toEqual(plans.map((p) => p.name));
    expect(d.repeats).toEqual([]);
  });

  it("a second copy of a table is kept aside as a repeat", () => {
    const d = readDisclosure(pack, [...official, { ...official[0], name: "表1 (2)" }]);
    expect(d.tables.get("T01")!.sheet).toBe("表1 预算收支总表");
    expect(d.repeats.map((t) => [t.id, t.sheet])).toEqual([["T01", "表1 (2)"]]);
  });
});

describe("what a table lacks is recorded, never guessed", () => {
  it("a missing column, and columns in the wrong order", () => {
    const t03 = official[2].values.map((row) => [row[0], row[1], row[2], row[4]]);
    const t05 = official[4].values.map((row) => [row[0], row[1], row[2], row[4], row[3]]);
    const d = readDisclosure(pack, [
      { name: "表3", top: 0, left: 0, values: t03 },
      { name: "表5", top: 0, left: 0, values: t05 },
    ]);
    expect(d.tables.get("T03")!.headerProblems.map((p) => [p.column, p.kind])).toEqual([["基本支出", "missing"]]);
    expect(d.tables.get("T05")!.headerProblems.map((p) => [p.column, p.kind])).toEqual([["项目支出", "order"]]);
    // The columns that are there are still read.
    const t3 = d.tables.get("T03")!;
    expect(cellOf(t3, t3.rows[0], "project")?.value).toBe(4217.39);
    expect(cellOf(t3, t3.rows[0], "basic")).toBeUndefined();
  });

  it("a table ends at two blank rows; what follows is not read into it", () => {
    const values = [...official[9].values, [], [], ["备注：以上为预算数"], ["公务接待费", 99]];
    const d = readDisclosure(pack, [{ name: "三公", top: 0, left: 0, values }]);
    expect(d.tables.get("T10")!.rows).toHaveLength(6);
  });
});
