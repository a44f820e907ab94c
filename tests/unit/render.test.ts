import { cellText, STYLE_SPECS } from "../../src/domain/render/plan";
import { builtinPack } from "../../src/domain/packs";
import { parsePack, PackError } from "../../src/domain/packs/schema";
import { parsePackJson } from "../../src/domain/packs/validate";
import shanxi from "../../src/domain/packs/shanxi-2023.json";
import { renderTables, HEADER_TOP } from "../../src/domain/render/render";
import { freeSheetName, sheetNameProblem } from "../../src/domain/render/sheet-names";
import { jinchengSample } from "../../src/domain/samples";
import type { CellValue } from "../../src/domain/grid";
import { norm, readSeed, seedTables } from "../support/seed-text";

const pack = builtinPack();
const jincheng = seedTables(readSeed("jincheng"), pack);
const datong = seedTables(readSeed("datong"), pack);
const text = (v: CellValue) => (v === null ? "" : typeof v === "number" ? v.toFixed(2) : String(v));

describe("template pack shanxi-2023 against the published seeds", () => {
  const plans = renderTables(pack, { department: "晋城市商务局", year: 2023 });

  it("has the 13 tables, found by title in both seeds", () => {
    expect(pack.tables.map((t) => t.id)).toEqual(Array.from({ length: 13 }, (_, i) => `T${String(i + 1).padStart(2, "0")}`));
    expect([...jincheng.keys()].sort()).toEqual(pack.tables.map((t) => t.id));
    expect([...datong.keys()].sort()).toEqual(pack.tables.map((t) => t.id));
  });

  it.each(pack.tables.map((t) => [t.id, t] as const))("%s: number, title, department and unit lines", (id, table) => {
    const plan = plans.find((p) => p.tableId === id)!;
    expect(plan.values[0][0]).toBe(`预算公开表${table.number}`);
    expect(norm(text(plan.values[1][0]))).toMatch(/^2023年/);
    expect(plan.values[2][0]).toBe("部门名称：晋城市商务局");
    expect(plan.values[2][table.columns.length - 1]).toBe("单位：万元");
    expect(plan.merges).toContain(`A2:${String.fromCharCode(64 + table.columns.length)}2`);
  });

  it.each(pack.tables.map((t) => [t.id, t] as const))("%s: header rows match the 晋城 seed cell by cell", (id, table) => {
    const plan = plans.find((p) => p.tableId === id)!;
    const seed = jincheng.get(id)!;
    const h = table.header.rows.length;
    const drawn = plan.values.slice(HEADER_TOP, HEADER_TOP + h).map((r) => r.map((c) => norm(text(c))));
    const published = seed.rows.slice(0, h).map((r) => table.columns.map((_, i) => norm(r[i])));
    expect(drawn).toEqual(published);
  });

  it.each(pack.tables.map((t) => [t.id, t] as const))("%s: fixed and leading rows match the 晋城 seed's labels", (id, table) => {
    const plan = plans.find((p) => p.tableId === id)!;
    const seed = jincheng.get(id)!;
    const h = table.header.rows.length;
    const labelCols = table.columns.flatMap((c, i) => (c.kind === "amount" ? [] : [i]));
    table.body.rows.forEach((row, r) => {
      const drawn = labelCols.map((i) => norm(text(plan.values[HEADER_TOP + h + r][i])));
      expect(drawn).toEqual(labelCols.map((i) => norm(seed.rows[h + r][i])));
      expect(drawn).toEqual(labelCols.map((i) => norm(row.cells[i])));
    });
    if (table.body.kind === "fixed") expect(seed.rows.length - h).toBe(table.body.rows.length);
  });

  it("T01 and T04 list the 30 classes in official order, T10 its fixed rows", () => {
    const t01 = plans[0].values.slice(HEADER_TOP + 2, HEADER_TOP + 32).map((r) => r[2]);
    expect(t01[0]).toBe("一、一般公共服务支出");
    expect(t01[29]).toBe("三十、抗疫特别国债安排的支出");
    const t04 = plans[3].values.slice(HEADER_TOP + 3, HEADER_TOP + 33).map((r) => r[2]);
    expect(t04).toEqual(t01);
    const t10 = plans[9].values.slice(HEADER_TOP + 2).map((r) => r[0]);
    expect(t10).toEqual(["因公出国（境）费", "公务接待费", "公务用车购置及运行费", "①公务用车购置费", "②公务用车运行维护费", "合计"]);
  });

  it.each(["T01", "T04", "T10"])("%s: the 大同 seed prints the same fixed labels in the same order", (id) => {
    const table = pack.tables.find((t) => t.id === id)!;
    const seedText = datong.get(id)!.text;
    let at = 0;
    for (const row of table.body.rows)
      for (const c of row.cells) {
        if (!c) continue;
        const found = seedText.indexOf(norm(c), at);
        expect({ label: c, found: found >= 0 }).toEqual({ label: c, found: true });
        at = found + norm(c).length;
      }
  });

  it("header merges sit under the title rows, and the header is frozen", () => {
    expect(plans[0].merges).toEqual(expect.arrayContaining(["A4:B4", "C4:F4"]));
    expect(plans[0].freezeRows).toBe(5);
    const t09 = plans[8];
    expect(t09.merges).toEqual(expect.arrayContaining(["A4:C4", "D4:H4", "A5:B5", "C5:C6", "H5:H6"]));
    expect(t09.freezeRows).toBe(6);
  });

  it("other years put that year in titles and headers", () => {
    const p2025 = renderTables(pack, { department: "某部门", year: 2025, tables: ["T01", "T11", "T12"] });
    expect(p2025.map((p) => p.values[1][0])).toEqual(["2025年预算收支总表", "2025年机关运行经费预算财政拨款情况统计表", "2025年项目支出预算表（本年预算）"]);
    expect(p2025[0].values[HEADER_TOP + 1]).toEqual(["项目", "2025年", "项目", "2025年合计", "当年预算安排", "上年结转安排"]);
    expect(JSON.stringify(p2025)).not.toContain("2023");
  });

  it("rejects unknown table ids", () => {
    expect(() => renderTables(pack, { department: "x", year: 2023, tables: ["T14"] })).toThrow("T14");
  });

  it("sheet names are unique and fit Excel's 31 characters", () => {
    const names = pack.tables.map((t) => t.sheetName);
    expect(new Set(names).size).toBe(13);
    names.forEach((n) => expect(n.length).toBeLessThanOrEqual(31));
  });
});

describe("the 晋城 sample drawn through the pack", () => {
  const plans = renderTables(pack, { department: jinchengSample.department, year: 2023, rows: jinchengSample.rows });

  it.each(pack.tables.map((t) => [t.id, t] as const))("%s: every body cell is the published figure or text", (id, table) => {
    const plan = plans.find((p) => p.tableId === id)!;
    const seed = jincheng.get(id)!;
    const h = table.header.rows.length;
    const body = seed.rows.slice(h);
    const drawn = plan.values.slice(HEADER_TOP + h, HEADER_TOP + h + body.length);
    expect(drawn.map((r) => r.map((c) => norm(text(c))))).toEqual(body.map((r) => table.columns.map((_, i) => norm(r[i]))));
  });

  it.each(pack.tables.map((t) => [t.id] as const))("%s: carries 注：本表无数据 exactly when the seed does", (id) => {
    const plan = plans.find((p) => p.tableId === id)!;
    const hasNote = plan.values.some((r) => r[0] === "注：本表无数据");
    expect(hasNote).toBe(jincheng.get(id)!.note);
  });

  it("amount cells are numbers and styled as amounts; codes stay text", () => {
    const t02 = plans[1];
    expect(t02.values[HEADER_TOP + 3][0]).toBe("201");
    expect(t02.values[HEADER_TOP + 3][2]).toBe(2636.14);
    expect(t02.styles).toEqual(expect.arrayContaining([{ range: "C6:C33", style: "amount" }, { range: "A6:A33", style: "code" }]));
  });
});

describe("pack validation", () => {
  const clone = () => JSON.parse(JSON.stringify(shanxi));

  it("accepts the built-in pack as JSON text", () => {
    expect(parsePackJson(JSON.stringify(shanxi)).tables).toHaveLength(13);
  });

  it.each([
    ["a column of an unknown kind", (p: any) => (p.tables[0].columns[1].kind = "money"), "tables[0].columns[1].kind"],
    ["a header row of the wrong width", (p: any) => p.tables[3].header.rows[1].pop(), "tables[3].header.rows[1]"],
    ["a sheet name over 31 characters", (p: any) => (p.tables[5].sheetName = "表".repeat(32)), "tables[5].sheetName"],
    ["a merge outside the header", (p: any) => p.tables[1].header.merges.push("A1:Z9"), "tables[1].header.merges[3]"],
    ["a missing title", (p: any) => delete p.tables[12].title, "tables[12].title"],
    ["two tables with one id", (p: any) => (p.tables[2].id = "T02"), "tables[2].id"],
    ["two sheet names differing only in case", (p: any) => ((p.tables[0].sheetName = "Sheet"), (p.tables[1].sheetName = "SHEET")), "tables[1].sheetName"],
    ["overlapping header merges", (p: any) => p.tables[0].header.merges.push("B1:C1"), "tables[0].header.merges[2]"],
    ["a sheet name ending in an apostrophe", (p: any) => (p.tables[4].sheetName = "表5'"), "tables[4].sheetName"],
  ])("rejects %s, naming the field", (_what, breakIt, field) => {
    const p = clone();
    breakIt(p);
    let error: unknown;
    try {
      parsePack(p);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).message).toContain(field);
    expect((error as PackError).message).toMatch(/^模板包格式错误：/);
  });

  it("rejects text that is not JSON", () => {
    expect(() => parsePackJson("{tables:")).toThrow(/不是有效的 JSON/);
  });
});

describe("free sheet names", () => {
  it("adds a number, ignoring case, within 31 characters", () => {
    expect(freeSheetName("表1 预算收支总表", ["表1 预算收支总表"])).toBe("表1 预算收支总表 (2)");
    expect(freeSheetName("Sheet", ["sheet", "Sheet (2)"])).toBe("Sheet (3)");
    const long = "表".repeat(31);
    expect(freeSheetName(long, [long])).toHaveLength(31);
    expect(freeSheetName("新表", [])).toBe("新表");
  });
});

describe("sheet names Excel refuses", () => {
  it.each([
    ["", "不能为空"],
    ["表".repeat(32), "31"],
    ["表1/预算", "不能包含"],
    ["'表1", "单引号"],
    ["HISTORY", "保留"],
  ])("%j: %s", (name, why) => {
    expect(sheetNameProblem(name)).toContain(why);
  });

  it("accepts every name of the built-in pack", () => {
    expect(pack.tables.map((t) => sheetNameProblem(t.sheetName))).toEqual(new Array(13).fill(null));
  });
});

describe("cells as Word, HTML and the preview print them", () => {
  it("amounts with separators and their decimals; a code typed as a number stays a code", () => {
    expect(cellText(5307.69, STYLE_SPECS.amount)).toBe("5,307.69");
    expect(cellText(1090.3, STYLE_SPECS.amount)).toBe("1,090.30");
    expect(cellText(94940, STYLE_SPECS.yuan)).toBe("94,940");
    expect(cellText(2011301, STYLE_SPECS.code)).toBe("2011301");
    expect(cellText(201, { ...STYLE_SPECS.code, ...STYLE_SPECS.total })).toBe("201");
    expect(cellText("—", STYLE_SPECS.amount)).toBe("—");
    expect(cellText(null, STYLE_SPECS.amount)).toBe("");
  });
});

describe("a very long table", () => {
  it("draws 300,000 rows without overflowing the stack (no spread of the rows into one call)", () => {
    const row = ["2011301", "行政运行", 1, 1, null];
    const rows = Array.from({ length: 300_000 }, () => row);
    const [plan] = renderTables(builtinPack(), { department: "某某局", year: 2023, tables: ["T03"], rows: { T03: rows } });
    expect(plan.values.length).toBeGreaterThan(300_000);
  });
});
