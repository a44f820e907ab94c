/**
 * The Shanghai 普陀区 seed disclosures as tests/support/shanghai-seed.ts reads them: nine tables each with the
 * printed titles, units and departments, and every figure in the column the arithmetic of the tables says it
 * belongs to (within a table, and across tables where two tables print the same figure). The samples written by
 * scripts/shanghai-samples.ts equal the parse.
 *
 * Published figures are never mended: where the document breaks an equation the break is listed in KNOWN with
 * the printed figures, and the test fails if a break appears or disappears.
 */
import { readFileSync } from "fs";
import { join } from "path";
import {
  SHANGHAI_SEEDS,
  TEXT_COLUMNS,
  centsOf,
  columnsOf,
  parseShanghaiSeed,
  readShanghaiSeed,
  sampleFileOf,
  sampleOf,
  type Cell,
  type SeedTable,
  type ShanghaiSeed,
  TABLE_KINDS,
  type ShanghaiSeedName,
} from "../support/shanghai-seed";

const COMMERCE = "上海市普陀区商务委员会";
const WANLI = "上海市普陀区人民政府万里街道办事处";

interface Expected {
  department: string;
  year: number;
  variant: ShanghaiSeed["variant"];
  titles: string[];
  /** Rows per table, T1..T9. */
  rows: number[];
  projects: number;
  /** Tables printed empty, with their 注. */
  empty: number[];
}

const EXPECTED: Record<ShanghaiSeedName, Expected> = {
  "shanghai-putuo-commerce-2025-department-budget": {
    department: COMMERCE,
    year: 2025,
    variant: "department",
    titles: TABLE_KINDS.map((k) => `2025年部门${k}`),
    rows: [8, 31, 31, 8, 31, 1, 1, 31, 1],
    projects: 4,
    empty: [6, 7],
  },
  "shanghai-putuo-commerce-2025-unit-budget": {
    department: COMMERCE,
    year: 2025,
    variant: "unit",
    titles: TABLE_KINDS.map((k, i) => (i === 8 ? `2025年单位${k}` : `2025年预算单位${k}`)),
    rows: [8, 31, 31, 8, 31, 1, 1, 31, 1],
    projects: 0,
    empty: [6, 7],
  },
  "shanghai-putuo-wanli-2024-department-budget": {
    department: WANLI,
    year: 2024,
    variant: "department",
    // the 2024 document prints T9's title without the year
    titles: TABLE_KINDS.map((k, i) => (i === 8 ? `部门${k}` : `2024年部门${k}`)),
    rows: [10, 67, 67, 10, 67, 1, 1, 32, 1],
    projects: 1,
    empty: [6, 7],
  },
  "shanghai-putuo-wanli-2025-department-budget": {
    department: WANLI,
    year: 2025,
    variant: "department",
    titles: TABLE_KINDS.map((k) => `2025年部门${k}`),
    rows: [10, 67, 67, 10, 67, 1, 1, 32, 1],
    projects: 1,
    empty: [6, 7],
  },
};

/**
 * Breaks in the published figures, as "T<n> <row>: <equation>: <printed figures>". Each is a real error of the
 * document, not of the reading: the figures are the printed ones.
 */
const KNOWN: Record<ShanghaiSeedName, string[]> = {
  "shanghai-putuo-commerce-2025-department-budget": [],
  "shanghai-putuo-commerce-2025-unit-budget": [],
  "shanghai-putuo-wanli-2024-department-budget": [
    // T9 prints its figures and, below them, the 注 of an empty table
    "T9: 注 says the table is empty: 47.91 0 1.35 46.56 25 21.56 443.18 / 注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。",
  ],
  "shanghai-putuo-wanli-2025-department-budget": [
    // 21201 城乡社区管理事务 is printed 94,995,790 in T2, T3 and T5, but its 项 (and, in T3/T5, its 基本支出 +
    // 项目支出) add up to 94,995,789; 212 城乡社区支出 (154,369,326) and 合计 add up from the 项, so the one
    // figure off by 1 元 is 21201's total, and 212 = Σ 款 breaks with it.
    "T2 212: total = Σ 款: 154,369,326 vs 94,995,790+2,191,300+4,833,300+52,348,937 (154369326.00 ≠ 154369327.00)",
    "T2 212: fiscal = Σ 款: 154,369,326 vs 94,995,790+2,191,300+4,833,300+52,348,937 (154369326.00 ≠ 154369327.00)",
    "T2 21201: total = Σ 项: 94,995,790 vs 17,887,739+17,464,243+6,522,681+53,121,126 (94995790.00 ≠ 94995789.00)",
    "T2 21201: fiscal = Σ 项: 94,995,790 vs 17,887,739+17,464,243+6,522,681+53,121,126 (94995790.00 ≠ 94995789.00)",
    "T3 212: total = Σ 款: 154,369,326 vs 94,995,790+2,191,300+4,833,300+52,348,937 (154369326.00 ≠ 154369327.00)",
    "T3 21201: total = Σ 项: 94,995,790 vs 17,887,739+17,464,243+6,522,681+53,121,126 (94995790.00 ≠ 94995789.00)",
    "T3 21201: total = basic+project: 94,995,790 77,381,546 17,614,243 (94995790.00 ≠ 94995789.00)",
    "T5 212: total = Σ 款: 154,369,326 vs 94,995,790+2,191,300+4,833,300+52,348,937 (154369326.00 ≠ 154369327.00)",
    "T5 21201: total = Σ 项: 94,995,790 vs 17,887,739+17,464,243+6,522,681+53,121,126 (94995790.00 ≠ 94995789.00)",
    "T5 21201: total = basic+project: 94,995,790 77,381,546 17,614,243 (94995790.00 ≠ 94995789.00)",
  ],
};

// ---------------------------------------------------------------------------------------------------------

/** Printed amount in cents (万元 tables too: two decimals); a blank is 0. */
const cents = (c: Cell | undefined): number => (c === null || c === undefined ? 0 : centsOf(c));
const yuan = (n: number) => (n / 100).toFixed(2);
const shown = (cells: Cell[]) => cells.map((c) => c ?? "—").join(" ");

/** Collects the breaks of equations, each with the printed figures. */
class Breaks {
  readonly list: string[] = [];
  equal(where: string, what: string, left: number, right: number, figures: string) {
    if (left !== right) this.list.push(`${where}: ${what}: ${figures} (${yuan(left)} ≠ ${yuan(right)})`);
  }
}

const col = (t: SeedTable, seed: ShanghaiSeed, name: string) => {
  const i = columnsOf(t.number, seed.variant).indexOf(name);
  if (i < 0) throw new Error(`T${t.number} has no column ${name}`);
  return i;
};
const amountColumns = (t: SeedTable, seed: ShanghaiSeed) => columnsOf(t.number, seed.variant).flatMap((c, i) => (TEXT_COLUMNS.has(c) ? [] : [i]));

/** T2/T3/T5–T8: 类 = Σ 款, 款 = Σ 项 (economic: 类 = Σ 款), 合计 = Σ 类, in every amount column. */
function checkHierarchy(seed: ShanghaiSeed, t: SeedTable, b: Breaks) {
  const amounts = amountColumns(t, seed);
  const coded = t.rows.filter((r) => r[0] !== "合计");
  const total = t.rows.filter((r) => r[0] === "合计");
  expect(total).toHaveLength(1);
  expect(t.rows[t.rows.length - 1][0]).toBe("合计");
  const levels = t.number === 8 ? [3, 5] : [3, 5, 7];
  for (const r of coded) expect(levels).toContain((r[0] as string).length);
  const sum = (rows: Cell[][], c: number) => rows.reduce((s, r) => s + cents(r[c]), 0);
  for (const parent of coded) {
    const code = parent[0] as string;
    const next = levels[levels.indexOf(code.length) + 1];
    if (next === undefined) continue;
    const children = coded.filter((r) => (r[0] as string).length === next && (r[0] as string).startsWith(code));
    expect(children.length).toBeGreaterThan(0);
    for (const c of amounts)
      b.equal(
        `T${t.number} ${code}`,
        `${columnsOf(t.number, seed.variant)[c]} = Σ ${next === 5 ? "款" : "项"}`,
        cents(parent[c]),
        sum(children, c),
        `${parent[c]} vs ${children.map((r) => r[c] ?? "—").join("+")}`,
      );
  }
  const classes = coded.filter((r) => (r[0] as string).length === 3);
  for (const c of amounts)
    b.equal(
      `T${t.number} 合计`,
      `${columnsOf(t.number, seed.variant)[c]} = Σ 类`,
      cents(total[0][c]),
      sum(classes, c),
      `${total[0][c]} vs ${classes.map((r) => r[c] ?? "—").join("+")}`,
    );
}

/** A row's total = the sum of its parts. */
function checkRows(seed: ShanghaiSeed, t: SeedTable, total: string, parts: string[], b: Breaks, label = 0) {
  const ti = col(t, seed, total);
  const pi = parts.map((p) => col(t, seed, p));
  for (const r of t.rows) {
    if (r[ti] === null && pi.every((i) => r[i] === null)) continue;
    b.equal(
      `T${t.number} ${r[label] ?? ""}`,
      `${total} = ${parts.join("+")}`,
      cents(r[ti]),
      pi.reduce((s, i) => s + cents(r[i]), 0),
      shown([r[ti], ...pi.map((i) => r[i])]),
    );
  }
}

/** T1/T4: 收入总计 = the 一、二、三、四 income items; 支出总计 = Σ expense rows in every expense column. */
function checkTotals(seed: ShanghaiSeed, t: SeedTable, b: Breaks) {
  const last = t.rows[t.rows.length - 1];
  expect(last[0]).toBe("收入总计");
  expect(last[2]).toBe("支出总计");
  const body = t.rows.slice(0, -1);
  const items = body.filter((r) => r[0] !== null && /^[一二三四五六七八九十]+、/.test(r[0]));
  b.equal(
    `T${t.number} 收入总计`,
    "= Σ 一、二、三、四",
    cents(last[1]),
    items.reduce((s, r) => s + cents(r[1]), 0),
    `${last[1]} vs ${items.map((r) => `${r[0]} ${r[1] ?? "—"}`).join(", ")}`,
  );
  if (t.number === 1) {
    // 一、财政拨款收入 = 1. 一般公共预算资金 + 2. 政府性基金 + 3. 国有资本经营预算
    const k = body.findIndex((r) => r[0] === "一、财政拨款收入");
    expect(k).toBeGreaterThanOrEqual(0);
    const subs = body.slice(k + 1).filter((r) => r[0] !== null && /^\d/.test(r[0]));
    expect(subs).toHaveLength(3);
    b.equal(
      "T1 一、财政拨款收入",
      "= Σ 1.–3.",
      cents(body[k][1]),
      subs.reduce((s, r) => s + cents(r[1]), 0),
      `${body[k][1]} vs ${subs.map((r) => r[1] ?? "—").join("+")}`,
    );
  }
  const expense = body.filter((r) => r[2] !== null);
  for (let c = 3; c < last.length; c++)
    b.equal(
      `T${t.number} 支出总计`,
      `${columnsOf(t.number, seed.variant)[c]} = Σ expense rows`,
      cents(last[c]),
      expense.reduce((s, r) => s + cents(r[c]), 0),
      `${last[c]} vs ${expense.map((r) => r[c] ?? "—").join("+")}`,
    );
}

const stripNumbering = (s: string) => s.replace(/^[一二三四五六七八九十]+、/, "");

/** Figures that two tables print both: they pin each column (a figure in the wrong column would not match). */
function checkAcross(seed: ShanghaiSeed, b: Breaks) {
  const T = (n: number) => seed.tables.find((t) => t.number === n) as SeedTable;
  const [t1, t2, t3, t4, t5, t6, t7, t8, t9] = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(T);
  const classes = (t: SeedTable) => new Map(t.rows.filter((r) => r[0]?.length === 3).map((r) => [r[1] as string, r]));
  const totalOf = (t: SeedTable) => t.rows.find((r) => r[0] === "合计") as Cell[];

  // T1 expense by 类 = T3 by 类 (unit variant: 人员经费 + 公用经费 = 基本支出)
  const t3c = classes(t3);
  const t1Expense = t1.rows.slice(0, -1).filter((r) => r[2] !== null);
  expect(t1Expense.length).toBe(t3c.size);
  for (const r of t1Expense) {
    const name = stripNumbering(r[2] as string);
    const row = t3c.get(name);
    expect(row).toBeDefined();
    if (!row) continue;
    b.equal(`T1 ${r[2]}`, "= T3 合计", cents(r[3]), cents(row[2]), `${r[3]} vs ${row[2]}`);
    if (seed.variant === "unit") {
      b.equal(`T1 ${r[2]}`, "人员经费+公用经费 = T3 基本支出", cents(r[4]) + cents(r[5]), cents(row[3]), `${shown([r[4], r[5]])} vs ${row[3]}`);
      b.equal(`T1 ${r[2]}`, "项目支出 = T3 项目支出", cents(r[6]), cents(row[4]), `${r[6]} vs ${row[4]}`);
    }
  }
  // T1 收入总计 = T2 合计; 一、财政拨款收入 = T2 财政拨款收入; T3 合计 = T2 合计
  const t1In = t1.rows[t1.rows.length - 1];
  const fiscal = t1.rows.find((r) => r[0] === "一、财政拨款收入") as Cell[];
  b.equal("T1 收入总计", "= T2 合计", cents(t1In[1]), cents(totalOf(t2)[2]), `${t1In[1]} vs ${totalOf(t2)[2]}`);
  b.equal("T1 一、财政拨款收入", "= T2 财政拨款收入", cents(fiscal[1]), cents(totalOf(t2)[3]), `${fiscal[1]} vs ${totalOf(t2)[3]}`);
  b.equal("T3 合计", "= T2 合计", cents(totalOf(t3)[2]), cents(totalOf(t2)[2]), `${totalOf(t3)[2]} vs ${totalOf(t2)[2]}`);

  // T4 by 类: 一般公共预算 = T5, 政府性基金预算 = T6, 国有资本经营预算 = T7; income by fund = their 合计
  const byFund: [number, SeedTable][] = [
    [4, t5],
    [5, t6],
    [6, t7],
  ];
  for (const r of t4.rows.slice(0, -1).filter((x) => x[2] !== null)) {
    const name = stripNumbering(r[2] as string);
    for (const [c, t] of byFund) {
      const row = classes(t).get(name);
      b.equal(
        `T4 ${r[2]}`,
        `${columnsOf(4, seed.variant)[c]} = T${t.number}`,
        cents(r[c]),
        cents(row?.[2] ?? null),
        `${r[c] ?? "—"} vs ${row?.[2] ?? "—"}`,
      );
    }
  }
  const t4Income = ["一、一般公共预算资金", "二、政府性基金", "三、国有资本经营预算"];
  t4Income.forEach((label, k) => {
    const r = t4.rows.find((x) => x[0] === label) as Cell[];
    expect(r).toBeDefined();
    const [, t] = byFund[k];
    b.equal(`T4 ${label}`, `= T${t.number} 合计`, cents(r[1]), cents(totalOf(t)[2]), `${r[1] ?? "—"} vs ${totalOf(t)[2] ?? "—"}`);
  });
  // T3 = T5 + T6 + T7 row by row (all three tables are 财政拨款, and so is every 收入 here)
  for (const r of t3.rows) {
    for (const c of [2, 3, 4]) {
      const parts = [t5, t6, t7].map((t) => t.rows.find((x) => x[0] === r[0])?.[c] ?? null);
      b.equal(
        `T3 ${r[0]}`,
        `${columnsOf(3, seed.variant)[c]} = T5+T6+T7`,
        cents(r[c]),
        parts.reduce((s, p) => s + cents(p), 0),
        `${r[c] ?? "—"} vs ${shown(parts)}`,
      );
    }
  }
  // T8 合计 = T5 基本支出; 工资福利 and 对个人和家庭的补助 are 人员经费, the other classes 公用经费
  b.equal("T8 合计", "= T5 基本支出", cents(totalOf(t8)[2]), cents(totalOf(t5)[3]), `${totalOf(t8)[2]} vs ${totalOf(t5)[3]}`);
  for (const r of t8.rows.filter((x) => x[0] !== "合计")) {
    const personnel = /^30[13]/.test(r[0] as string);
    b.equal(`T8 ${r[0]}`, personnel ? "人员经费 = 合计" : "公用经费 = 合计", cents(r[personnel ? 3 : 4]), cents(r[2]), shown(r.slice(2)));
  }
  // T9 公务接待费 and 公务用车运行费 = T8 30217 and 30231 (元 → 万元); the 说明 repeats T9's 合计 and 机关运行经费
  const [t9row] = t9.rows;
  const econ = (code: string) => cents(t8.rows.find((x) => x[0] === code)?.[2] ?? null);
  b.equal("T9", "公务接待费 = T8 30217", cents(t9row[2]) * 10000, econ("30217"), `${t9row[2] ?? "—"} 万元 vs ${yuan(econ("30217"))} 元`);
  b.equal("T9", "运行费 = T8 30231", cents(t9row[5]) * 10000, econ("30231"), `${t9row[5] ?? "—"} 万元 vs ${yuan(econ("30231"))} 元`);
  const said = (re: RegExp) => {
    const m = re.exec(seed.texts.otherNotes);
    expect(m).not.toBeNull();
    return cents(m ? m[1] : null);
  };
  b.equal("T9", "合计 = 说明", cents(t9row[0]), said(/“三公”经费预算数为([\d.,]+)万元/), `${t9row[0]}`);
  b.equal("T9", "机关运行经费 = 说明", cents(t9row[6]), said(/机关运行经费预算为([\d.,]+)万元/), `${t9row[6]}`);
}

function breaksOf(seed: ShanghaiSeed): string[] {
  const b = new Breaks();
  for (const t of seed.tables) {
    switch (t.number) {
      case 1:
        checkTotals(seed, t, b);
        if (seed.variant === "unit") checkRows(seed, t, "expenseTotal", ["expensePersonnel", "expensePublic", "expenseProject"], b, 2);
        break;
      case 4:
        checkTotals(seed, t, b);
        checkRows(seed, t, "expenseTotal", ["expenseGpb", "expenseFund", "expenseSoe"], b, 2);
        break;
      case 2:
        checkHierarchy(seed, t, b);
        checkRows(seed, t, "total", ["fiscal", "business", "operations", "other"], b);
        break;
      case 8:
        checkHierarchy(seed, t, b);
        checkRows(seed, t, "total", ["personnel", "public"], b);
        break;
      case 9:
        checkRows(seed, t, "total", ["abroad", "reception", "vehicle"], b);
        checkRows(seed, t, "vehicle", ["vehiclePurchase", "vehicleOperation"], b);
        break;
      default:
        checkHierarchy(seed, t, b);
        checkRows(seed, t, "total", ["basic", "project"], b);
    }
    // a table whose 注 says it is empty prints nothing but its 合计 label
    if (t.note && /空表/.test(t.note)) {
      const figures = t.rows.flatMap((r) => amountColumns(t, seed).map((c) => r[c])).filter((c) => c !== null);
      if (figures.length) b.list.push(`T${t.number}: 注 says the table is empty: ${figures.join(" ")} / ${t.note}`);
    }
  }
  checkAcross(seed, b);
  return b.list;
}

// ---------------------------------------------------------------------------------------------------------

describe.each(SHANGHAI_SEEDS.map((name) => [name] as const))("%s", (name) => {
  const seed = parseShanghaiSeed(readShanghaiSeed(name));
  const want = EXPECTED[name];

  test("department, year, variant and the nine tables with their titles, units and departments", () => {
    expect([seed.department, seed.year, seed.variant]).toEqual([want.department, want.year, want.variant]);
    expect(seed.tables.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seed.tables.map((t) => t.title)).toEqual(want.titles);
    expect(seed.tables.map((t) => t.unit)).toEqual([...Array(8).fill("元"), "万元"]);
    expect(seed.tables.map((t) => t.department)).toEqual(Array(9).fill(want.department));
    expect(seed.tables.map((t) => t.rows.length)).toEqual(want.rows);
    for (const t of seed.tables) {
      const width = columnsOf(t.number, seed.variant).length;
      for (const r of t.rows) expect(r).toHaveLength(width);
    }
  });

  test("empty tables: their 合计 row and their 注", () => {
    for (const n of want.empty) {
      const t = seed.tables[n - 1];
      expect(t.rows).toEqual([["合计", null, null, null, null]]);
      expect(t.note).toMatch(new RegExp(`^注:本(部门|单位)${want.year}年无.*故本表为空表。$`));
    }
    const noted = seed.tables.filter((t) => t.note !== null).map((t) => t.number);
    expect(noted.filter((n) => !want.empty.includes(n))).toEqual(KNOWN[name].some((k) => k.startsWith("T9: 注")) ? [9] : []);
  });

  test("cells: codes whole, amounts as printed, labels without spaces inside a name", () => {
    for (const t of seed.tables) {
      const cols = columnsOf(t.number, seed.variant);
      for (const r of t.rows)
        r.forEach((c, i) => {
          if (c === null) return;
          expect(c).toBe(c.trim());
          if (cols[i] === "code") expect(c).toMatch(/^(\d{3}|\d{5}|\d{7}|合计)$/);
          else if (cols[i] === "name") expect(c).toMatch(/^\S+$/);
          // Stricter than the parser's own AMOUNT, which this checks: no minus, two decimals or none.
          else if (!cols[i].endsWith("Item")) expect(c).toMatch(/^(\d{1,3}(,\d{3})*|\d+)(\.\d\d)?$/);
        });
    }
  });

  test("the arithmetic holds on the parsed figures, but for the published errors in KNOWN", () => {
    expect(breaksOf(seed)).toEqual(KNOWN[name]);
  });

  test("texts: sections, paragraphs, no page-break repeats, 名词解释", () => {
    const { texts, glossary } = seed;
    for (const s of [texts.duties, texts.organization, texts.budgetNotes, texts.otherNotes]) {
      expect(s.length).toBeGreaterThan(20);
      const paras = s.split("\n");
      expect(paras.every((p) => p.trim() === p && p !== "")).toBe(true);
      expect(new Set(paras).size).toBe(paras.length); // no paragraph twice
    }
    expect(texts.duties).toMatch(/^上海市普陀区.*(是主管|是普陀区政府)/);
    expect(texts.budgetNotes).toMatch(new RegExp(`^${want.year}年，`));
    expect(texts.otherNotes).toMatch(/^一、\d{4}年“三公”经费预算情况说明\n/);
    expect(texts.projects).toHaveLength(want.projects);
    for (const p of texts.projects) {
      expect(p.title).toMatch(/经费情况说明$/);
      expect(p.text).toMatch(/^一、项目/);
      expect(p.text).toMatch(/\n七、绩效目标\n/);
    }
    expect(glossary.map((g) => g.term)).toEqual([
      "财政拨款收入",
      "事业收入",
      "事业单位经营收入",
      "其他收入",
      "基本支出预算",
      "项目支出预算",
      "“三公”经费",
      "机关运行经费",
    ]);
    for (const g of glossary) expect(g.text).not.toMatch(/\n|\s/);
    if (name.startsWith("shanghai-putuo-commerce")) {
      // the PDF text prints 主要职能 items 8–12 twice over a page break; they are read once
      const items = texts.duties
        .split("\n")
        .map((p) => /^(\d+)、/.exec(p)?.[1])
        .filter(Boolean);
      expect(items).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1)));
      expect(texts.duties).toContain("负责建立健全生活必需品市场供应应急机制");
      expect(texts.duties).toContain("负责本区粮食市场供需和价格情况的监测和应急供应；负责帮困对象粮油供应管理");
    }
  });

  test("the sample JSON equals the parse", () => {
    const file = join(__dirname, "..", "..", "src", "domain", "samples", sampleFileOf(name));
    const stored = JSON.parse(readFileSync(file, "utf8"));
    expect(stored).toEqual(sampleOf(seed, `${name}.txt`));
    // One format serves both years: the 2025 pack reads the 2024 budget too.
    expect(stored.pack).toBe(seed.variant === "unit" ? "shanghai-putuo-2025-unit" : "shanghai-putuo-2025");
    expect(Object.keys(stored.rows)).toEqual(["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"]);
  });
});
