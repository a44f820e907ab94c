/**
 * The 部门决算 pack (national 9-table format as 普陀区 prints it) and its sample, 上海市普陀区财政局 2024年度部门决算:
 * the pack validates; the sample drawn through the pack is read back figure for figure; each table of the sample
 * holds exactly the numbers its part of the published text prints; and the document's own arithmetic holds in the
 * sample, but for the few equations the published document itself breaks (rounding in 万元), listed with their figures;
 * the pack's checks are quiet on it at error level, find a planted slip, and each fires when a cell it reads changes
 * (`pack test`), but those on the tables the seed prints empty.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../../src/domain/grid";
import type { Pack, TableDecl } from "../../src/domain/packs/schema";
import { readPackData } from "../../src/domain/packs/validate";
import { cellOf, readDisclosure, type Disclosure } from "../../src/domain/read/read";
import packData from "../../src/domain/packs/shanghai-putuo-2024-final.json";
import sampleData from "../../src/domain/samples/shanghai-finance-2024-final.json";
import { gridsOf } from "../support/disclosure";
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { testPack } from "../../src/domain/checks/pack-test";
import { runChecks } from "../../src/domain/checks/registry";
import { builtinPack } from "../../src/domain/packs";
import { checkReferences } from "../../src/domain/packs/checks";

const SEED = fs.readFileSync(path.join(__dirname, "..", "fixtures", "seeds", "shanghai-putuo-finance-2024-final-accounts.txt"), "utf8");
const IDS = ["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"];

const sample = sampleData as unknown as { department: string; year: number; pack: string; source: string; rows: Record<string, CellValue[][]> };
const rows = sample.rows;

describe("the pack", () => {
  it("is accepted by readPackData, with its nine tables in the template's order", () => {
    const pack = readPackData(packData);
    expect([pack.id, pack.version, pack.year, pack.unit, pack.tableNumber, pack.departmentLabel]).toEqual([
      "shanghai-putuo-2024-final",
      "1.0.0",
      2024,
      "万元",
      null,
      null,
    ]);
    expect(pack.tables.map((t) => [t.id, t.title])).toEqual([
      ["T01", "收入支出决算总表"],
      ["T02", "收入决算表"],
      ["T03", "支出决算表"],
      ["T04", "财政拨款收入支出决算总表"],
      ["T05", "一般公共预算财政拨款支出决算表"],
      ["T06", "一般公共预算财政拨款基本支出决算表"],
      ["T07", "财政拨款“三公”经费支出决算表"],
      ["T08", "政府性基金预算财政拨款收入支出决算表"],
      ["T09", "国有资本经营预算财政拨款收入支出决算表"],
    ]);
    expect(pack.glossary.map((g) => g.term)).toEqual([
      "财政拨款收入",
      "事业收入",
      "经营收入",
      "其他收入",
      "年初结转和结余",
      "年末结转和结余",
      "基本支出",
      "项目支出",
      "经营支出",
      "“三公”经费",
      "机关运行经费",
    ]);
  });

  it("is refused when a fixed row is one cell short (the test can fail)", () => {
    const broken = JSON.parse(JSON.stringify(packData));
    broken.tables[0].body.rows[0].cells.pop();
    expect(() => readPackData(broken)).toThrow(/tables\[0\]\.body\.rows\[0\]\.cells/);
  });
});

const pack: Pack = readPackData(packData);
const decl = (id: string): TableDecl => pack.tables.find((t) => t.id === id)!;
const col = (id: string, key: string): number => {
  const i = decl(id).columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`${id} has no column ${key}`);
  return i;
};

describe("the sample", () => {
  it("names the pack and the seed, and has rows for the nine tables", () => {
    expect([sample.department, sample.year, sample.pack, sample.source]).toEqual([
      "上海市普陀区财政局",
      2024,
      "shanghai-putuo-2024-final",
      "shanghai-putuo-finance-2024-final-accounts.txt",
    ]);
    expect(Object.keys(rows)).toEqual(IDS);
  });

  it("has one cell per pack column, and every row the pack declares, in order, as the pack prints it", () => {
    for (const id of IDS) {
      const t = decl(id);
      const own = rows[id]!;
      for (const r of own) expect({ id, width: r.length }).toEqual({ id, width: t.columns.length });
      const texts = (cells: readonly CellValue[]) => cells.map((c, i) => (t.columns[i].kind === "amount" ? "#" : c));
      if (t.body.kind === "fixed") expect({ id, rows: own.map(texts) }).toEqual({ id, rows: t.body.rows.map((r) => texts(r.cells)) });
      else {
        const lead = t.body.rows.map((r) => texts(r.cells));
        const trail = (t.body.trailing ?? []).map((r) => texts(r.cells));
        expect({ id, lead: own.slice(0, lead.length).map(texts) }).toEqual({ id, lead });
        expect({ id, trail: own.slice(own.length - trail.length).map(texts) }).toEqual({ id, trail });
      }
    }
  });
});

describe("the sample drawn through the pack and read back", () => {
  const d: Disclosure = readDisclosure(pack, gridsOf(rows, sample.department, sample.year, pack));

  it("finds all nine tables, their headers whole, the unit 万元, no department line and no year in the titles", () => {
    expect([...d.tables.keys()]).toEqual(IDS);
    for (const t of d.tables.values())
      expect({ id: t.id, problems: t.headerProblems, unit: t.unit?.text, department: t.department, year: t.year }).toEqual({
        id: t.id,
        problems: [],
        unit: "万元",
        department: null,
        year: null,
      });
  });

  it("reads every cell of the sample in its row and column", () => {
    for (const id of IDS) {
      const t = d.tables.get(id)!;
      const read = t.rows.map((r) => t.decl.columns.map((c) => cellOf(t, r, c.key)?.value ?? null));
      expect({ id, rows: read }).toEqual({ id, rows: rows[id] });
    }
  });

  it("reads the figures where the document prints them (spot checks by cell)", () => {
    const at = (id: string, row: number, key: string) => cellOf(d.tables.get(id)!, d.tables.get(id)!.rows[row], key)?.value;
    expect(at("T01", 29, "incomeAmount")).toBe(2995.39);
    expect(at("T02", 3, "code")).toBe("2010601");
    expect(at("T02", 3, "other")).toBe(0.01);
    expect(at("T03", 0, "basic")).toBe(2336.91);
    expect(at("T04", 28, "incomeItem")).toBe("一、一般公共预算财政拨款");
    expect(at("T04", 28, "incomeAmount")).toBe(21.63);
    expect(at("T05", 19, "total")).toBe(2940.05);
    expect(at("T06", 38, "public")).toBe(184.65);
    expect(at("T07", 0, "receptionBudget")).toBe(0.95);
  });

  it("prints the empty-table note under T08 and T09, and reads their 合计 row only", () => {
    for (const [id, fund] of [
      ["T08", "政府性基金预算"],
      ["T09", "国有资本经营预算"],
    ]) {
      const t = d.tables.get(id)!;
      expect({ id, note: t.note?.value, rows: t.rows.length }).toEqual({
        id,
        note: `注：本部门本年度没有${fund}财政拨款收入和支出，故本表无数据。`,
        rows: 1,
      });
    }
  });
});

/** Each table's part of the seed: from its title line to the next table's (T09: to 第三部分). */
function seedParts(): Map<string, string> {
  const lines = SEED.split(/\r?\n/);
  const starts: number[] = [];
  let from = 0;
  for (const t of pack.tables) {
    const at = lines.findIndex((l, i) => i >= from && l.trim() === t.title);
    if (at < 0) throw new Error(`seed has no title ${t.title}`);
    starts.push(at);
    from = at + 1;
  }
  const end = lines.findIndex((l, i) => i > starts[starts.length - 1] && /^第三部分/.test(l.trim()));
  return new Map(pack.tables.map((t, k) => [t.id, lines.slice(starts[k] + 1, k + 1 < starts.length ? starts[k + 1] : end).join("\n")]));
}

const twoPlaces = (n: number) => n.toFixed(2);

describe("the sample holds the numbers the seed prints, table by table", () => {
  const parts = seedParts();

  it("cuts the seed into nine parts, the last ending at 第三部分", () => {
    expect([...parts.keys()]).toEqual(IDS);
    expect(parts.get("T09")).toMatch(/注：上海市普陀区财政局无国有资本经营预算财政拨款支出，故本表无数据。\s*$/);
  });

  it.each(IDS)("%s: the multiset of numbers equals the seed's", (id) => {
    const printed = [...parts.get(id)!.matchAll(/\d[\d,]*\.\d+/g)].map((m) => twoPlaces(Number(m[0].replace(/,/g, "")))).sort();
    const amounts = decl(id).columns.flatMap((c, i) => (c.kind === "amount" ? [i] : []));
    const held = rows[id]!.flatMap((r) => amounts.flatMap((i) => (typeof r[i] === "number" ? [twoPlaces(r[i] as number)] : []))).sort();
    expect(held).toEqual(printed);
  });
});

// ---- The document's arithmetic, in cents (万元 × 100) ----

const cents = (v: CellValue | undefined): number => (typeof v === "number" ? Math.round(v * 100) : 0);
const sum = (vs: number[]) => vs.reduce((s, v) => s + v, 0);
const strip = (s: CellValue) => String(s ?? "").replace(/^[一二三四五六七八九十]+、/, "");

/** The `nth` row of a table whose `key` column reads `text` (numbering ignored). */
function rowOf(id: string, key: string, text: string, nth = 0): CellValue[] {
  const c = col(id, key);
  const found = rows[id]!.filter((r) => strip(r[c]) === strip(text));
  if (!found[nth]) throw new Error(`${id} has no row ${text} (${nth})`);
  return found[nth];
}
const v = (id: string, row: CellValue[], key: string) => cents(row[col(id, key)]);

interface Equation {
  name: string;
  left: number;
  right: number;
}

/** A code table's equations: each row's 合计 column is the sum of the others; 合计 = Σ 类; 类 = Σ 款; 款 = Σ 项. */
function codeTable(id: string, total: string, parts: string[]): Equation[] {
  const out: Equation[] = [];
  const code = col(id, "code");
  const own = rows[id]!;
  const amounts = [total, ...parts];
  for (const r of own)
    out.push({ name: `${id} ${String(r[code])} ${total} = Σ${parts.join("+")}`, left: v(id, r, total), right: sum(parts.map((k) => v(id, r, k))) });
  const codeRows = own.filter((r) => /^\d+$/.test(String(r[code])));
  const grand = rowOf(id, "code", "合计");
  for (const k of amounts) {
    out.push({ name: `${id} 合计 ${k} = Σ类`, left: v(id, grand, k), right: sum(codeRows.filter((r) => String(r[code]).length === 3).map((r) => v(id, r, k))) });
    for (const parent of codeRows.filter((r) => String(r[code]).length < 7)) {
      const p = String(parent[code]);
      const children = codeRows.filter((r) => String(r[code]).length === p.length + 2 && String(r[code]).startsWith(p));
      out.push({ name: `${id} ${p} ${k} = Σ下级`, left: v(id, parent, k), right: sum(children.map((r) => v(id, r, k))) });
    }
  }
  return out;
}

function equations(): Equation[] {
  const eq: Equation[] = [];
  const add = (name: string, left: number, right: number) => eq.push({ name, left, right });
  const t01 = rows.T01!;
  const t04 = rows.T04!;

  // T01 收入支出决算总表
  const income01 = t01.slice(0, 8);
  const expense01 = t01.slice(0, 26);
  const [in01, out01] = [rowOf("T01", "incomeItem", "本年收入合计"), rowOf("T01", "expenseItem", "本年支出合计")];
  add("T01 本年收入合计 = Σ收入项目", v("T01", in01, "incomeAmount"), sum(income01.map((r) => v("T01", r, "incomeAmount"))));
  add("T01 本年支出合计 = Σ支出功能分类", v("T01", out01, "expenseAmount"), sum(expense01.map((r) => v("T01", r, "expenseAmount"))));
  const total01 = rowOf("T01", "incomeItem", "总计");
  add(
    "T01 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
    v("T01", total01, "incomeAmount"),
    v("T01", in01, "incomeAmount") +
      v("T01", rowOf("T01", "incomeItem", "使用非财政拨款结余（含专用结余）"), "incomeAmount") +
      v("T01", rowOf("T01", "incomeItem", "年初结转和结余"), "incomeAmount"),
  );
  add(
    "T01 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
    v("T01", total01, "expenseAmount"),
    v("T01", out01, "expenseAmount") +
      v("T01", rowOf("T01", "expenseItem", "结余分配"), "expenseAmount") +
      v("T01", rowOf("T01", "expenseItem", "年末结转和结余"), "expenseAmount"),
  );
  add("T01 收入总计 = 支出总计", v("T01", total01, "incomeAmount"), v("T01", total01, "expenseAmount"));

  // T02 收入决算表, T03 支出决算表, T05 一般公共预算财政拨款支出决算表
  eq.push(...codeTable("T02", "total", ["fiscal", "superior", "business", "operations", "affiliated", "other"]));
  eq.push(...codeTable("T03", "total", ["basic", "project", "toSuperior", "operations", "toAffiliated"]));
  eq.push(...codeTable("T05", "total", ["basic", "project"]));

  // T04 财政拨款收入支出决算总表
  const in04 = rowOf("T04", "incomeItem", "本年收入合计");
  const total04 = rowOf("T04", "incomeItem", "总计");
  const carried04 = rowOf("T04", "incomeItem", "年初财政拨款结转和结余");
  const funds = ["一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款"];
  add("T04 本年收入合计 = Σ财政拨款收入", v("T04", in04, "incomeAmount"), sum(funds.map((f) => v("T04", rowOf("T04", "incomeItem", f), "incomeAmount"))));
  add(
    "T04 年初财政拨款结转和结余 = Σ其下三行",
    v("T04", carried04, "incomeAmount"),
    sum(funds.map((f) => v("T04", rowOf("T04", "incomeItem", f, 1), "incomeAmount"))),
  );
  add("T04 收入总计 = 本年收入合计 + 年初财政拨款结转和结余", v("T04", total04, "incomeAmount"), v("T04", in04, "incomeAmount") + v("T04", carried04, "incomeAmount"));
  for (const k of ["expenseTotal", "expenseGpb", "expenseFund", "expenseSoe"]) {
    add(`T04 本年支出合计 ${k} = Σ支出功能分类`, v("T04", in04, k), sum(t04.slice(0, 26).map((r) => v("T04", r, k))));
    add(`T04 支出总计 ${k} = 本年支出合计 + 年末财政拨款结转和结余`, v("T04", total04, k), v("T04", in04, k) + v("T04", carried04, k));
  }
  for (const r of t04)
    if (r[col("T04", "expenseItem")] !== null)
      add(
        `T04 ${String(r[col("T04", "expenseItem")])} 合计 = 一般公共预算 + 政府性基金 + 国有资本经营`,
        v("T04", r, "expenseTotal"),
        v("T04", r, "expenseGpb") + v("T04", r, "expenseFund") + v("T04", r, "expenseSoe"),
      );
  add("T04 收入总计 = 支出总计", v("T04", total04, "incomeAmount"), v("T04", total04, "expenseTotal"));

  // T06 基本支出: 类 = Σ 款 on each side; 人员经费合计 = 301 + 303; 公用经费合计 = 302 + 310.
  const t06 = rows.T06!;
  for (const [codeKey, amountKey] of [
    ["personnelCode", "personnel"],
    ["publicCode", "public"],
  ]) {
    const items = t06.filter((r) => /^\d+$/.test(String(r[col("T06", codeKey)])));
    for (const head of items.filter((r) => String(r[col("T06", codeKey)]).length === 3)) {
      const c = String(head[col("T06", codeKey)]);
      const under = items.filter((r) => String(r[col("T06", codeKey)]).length === 5 && String(r[col("T06", codeKey)]).startsWith(c));
      add(`T06 ${c} = Σ款`, v("T06", head, amountKey), sum(under.map((r) => v("T06", r, amountKey))));
    }
  }
  const econ = (code: string, codeKey: string, amountKey: string) => v("T06", rowOf("T06", codeKey, code), amountKey);
  const totals06 = rowOf("T06", "personnelCode", "人员经费合计");
  add("T06 人员经费合计 = 301 + 303", v("T06", totals06, "personnel"), econ("301", "personnelCode", "personnel") + econ("303", "personnelCode", "personnel"));
  add("T06 公用经费合计 = 302 + 310", v("T06", totals06, "public"), econ("302", "publicCode", "public") + econ("310", "publicCode", "public"));

  // T07 三公: 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费; 小计 = 购置费 + 运行维护费.
  const t07 = rows.T07![0];
  for (const s of ["Budget", "Actual"]) {
    add(`T07 合计 ${s} = Σ三项`, v("T07", t07, `total${s}`), v("T07", t07, `abroad${s}`) + v("T07", t07, `vehicle${s}`) + v("T07", t07, `reception${s}`));
    add(`T07 公务用车小计 ${s} = 购置 + 运行维护`, v("T07", t07, `vehicle${s}`), v("T07", t07, `vehiclePurchase${s}`) + v("T07", t07, `vehicleOperation${s}`));
  }

  // Between tables.
  const total02 = rowOf("T02", "code", "合计");
  const total03 = rowOf("T03", "code", "合计");
  const total05 = rowOf("T05", "code", "合计");
  add("T02 合计 本年收入合计 = T01 本年收入合计", v("T02", total02, "total"), v("T01", in01, "incomeAmount"));
  add("T02 合计 财政拨款收入 = T01 三项财政拨款收入", v("T02", total02, "fiscal"), sum(income01.slice(0, 3).map((r) => v("T01", r, "incomeAmount"))));
  add("T02 合计 其他收入 = T01 其他收入", v("T02", total02, "other"), v("T01", rowOf("T01", "incomeItem", "其他收入"), "incomeAmount"));
  add("T03 合计 本年支出合计 = T01 本年支出合计", v("T03", total03, "total"), v("T01", out01, "expenseAmount"));
  add("T04 本年收入合计 = T01 三项财政拨款收入", v("T04", in04, "incomeAmount"), sum(income01.slice(0, 3).map((r) => v("T01", r, "incomeAmount"))));
  add("T05 合计 = T04 本年支出合计 一般公共预算财政拨款", v("T05", total05, "total"), v("T04", in04, "expenseGpb"));
  add("T06 人员经费合计 + 公用经费合计 = T05 合计 基本支出", v("T06", totals06, "personnel") + v("T06", totals06, "public"), v("T05", total05, "basic"));
  add("T07 公务接待费 决算数 = T06 30217", v("T07", t07, "receptionActual"), econ("30217", "publicCode", "public"));
  for (const r of rows.T05!.filter((x) => /^\d+$/.test(String(x[0]))))
    for (const k of ["total", "basic", "project"]) add(`T05 ${String(r[0])} ${k} = T03`, v("T05", r, k), v("T03", rowOf("T03", "code", String(r[0])), k));
  // The 类 rows of the summary tables against T05's 类 rows (by name).
  for (const r of rows.T05!.filter((x) => String(x[0]).length === 3)) {
    const name = String(r[1]);
    add(`T01 ${name} = T05 ${String(r[0])}`, v("T01", rowOf("T01", "expenseItem", name), "expenseAmount"), v("T05", r, "total"));
    add(`T04 ${name} = T05 ${String(r[0])}`, v("T04", rowOf("T04", "expenseItem", name), "expenseGpb"), v("T05", r, "total"));
  }
  return eq;
}

/**
 * Equations the published document breaks, as printed (万元, rounded from 元 row by row): left is the printed total,
 * right what its parts add up to (or the other table's figure). The sample keeps the published figures.
 */
const BREAKS: Equation[] = [
  { name: "T02 合计 total = Σ类", left: 294625, right: 294626 },
  { name: "T02 合计 fiscal = Σ类", left: 294005, right: 294006 },
  { name: "T03 合计 total = Σ类", left: 294005, right: 294006 },
  { name: "T03 合计 basic = Σ类", left: 233691, right: 233692 },
  { name: "T05 合计 total = Σ类", left: 294005, right: 294006 },
  { name: "T05 合计 basic = Σ类", left: 233691, right: 233692 },
  { name: "T06 301 = Σ款", left: 208285, right: 208286 },
  { name: "T06 302 = Σ款", left: 17107, right: 17109 },
  // 社会保障和就业支出: 326.71 in the summary tables T01 and T04, 326.72 in the code tables.
  { name: "T01 社会保障和就业支出 = T05 208", left: 32671, right: 32672 },
  { name: "T04 社会保障和就业支出 = T05 208", left: 32671, right: 32672 },
];

describe("the document's own arithmetic in the sample", () => {
  const all = equations();

  it("checks enough equations to mean something", () => {
    expect(all.length).toBeGreaterThan(150);
  });

  it("holds everywhere but where the published document breaks it, and there it breaks with the printed figures", () => {
    expect(all.filter((e) => e.left !== e.right)).toEqual(BREAKS);
  });

  it("the known breaks are the document's, not the sample's: each figure is printed in the seed", () => {
    const printed = new Set([...SEED.matchAll(/\d[\d,]*\.\d+/g)].map((m) => Math.round(Number(m[0].replace(/,/g, "")) * 100)));
    for (const b of BREAKS) expect({ name: b.name, printed: printed.has(b.left) }).toEqual({ name: b.name, printed: true });
  });
});

describe("the pack's checks on the sample (as validate runs them)", () => {
  const pack = builtinPack(sample.pack);
  const disclosure = readDisclosure(pack, gridsOf(rows, sample.department, sample.year, pack));
  const options = { strict: false, catalog: builtinCatalog(2024) };

  it("clean at error and warning level; the infos are the catalogue's coverage and the document's own rounding (302: 171.07 against 171.09)", () => {
    const found = runChecks(disclosure, pack, options);
    expect(found.filter((f) => f.severity !== "info")).toEqual([]);
    expect(found.map((f) => `${f.rule} ${f.table} ${f.cell}`)).toEqual(["C02 T02 B9", "A02 T06 H6"]);
    expect(found[1].message).toContain("171.07，其下级科目之和为 171.09");
  });

  it("pack test: every check row reading cells fires when one of them changes, but those on the tables the seed prints empty (T08, T09)", () => {
    const trials = testPack(pack, disclosure, options);
    const silent = trials.filter((t) => t.status === "silent");
    expect(silent.length).toBeGreaterThan(0);
    expect(silent.filter((t) => checkReferences(t.check).some((r) => !["T08", "T09"].includes(r.table)))).toEqual([]);
    expect(trials.filter((t) => t.status === "fired").length).toBeGreaterThan(70);
    // Each formula (the 决算 pack's own equations) among them.
    expect(trials.filter((t) => t.check.kind === "formula").every((t) => t.status === "fired" || checkReferences(t.check).every((r) => ["T08", "T09"].includes(r.table)))).toBe(true);
  });

  it("pack test: a check wired so that it holds whatever the figures (总计 = 总计) never fires", () => {
    const same = { table: "T01", column: "incomeAmount", row: "总计" };
    const tautology = { kind: "formula" as const, rule: "F01", left: [same], op: "=" as const, right: [same] };
    const [trial] = testPack({ ...pack, checks: [tautology] }, disclosure, options);
    expect(trial).toMatchObject({ status: "silent" });
    expect(trial.tries).toBeGreaterThan(0);
  });

  it("a planted slip in a balance is found at its cell: 年末结转和结余 55.34 → 56.34 breaks 总计 = 本年支出 + 结余分配 + 年末", () => {
    const planted = JSON.parse(JSON.stringify(rows)) as typeof rows;
    const at = planted.T01.findIndex((r) => r[2] === "年末结转和结余");
    planted.T01[at][3] = 56.34;
    const found = runChecks(readDisclosure(pack, gridsOf(planted, sample.department, sample.year, pack)), pack, options).filter((f) => f.severity === "error");
    expect(found.map((f) => [f.rule, f.table, f.actual, f.expected])).toEqual([["F01", "T01", "2,995.39", "2,996.39"]]);
    expect(found[0].title).toBe("决算总表收支平衡");
  });
});
