/**
 * The `formula` kind and the row locators (by caption and occurrence, under a heading row, by position) on the
 * published figures of 晋城 2023 (its 财政拨款收支总表 prints the fund captions twice: under 本年 and under 上年财政拨款
 * 结转); and three existing kinds (equal, atMost/atLeast, columnSum) re-expressed as formulas, which must give the
 * same findings as the kinds themselves on the six seeds, clean and with figures changed.
 */
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { runChecks } from "../../src/domain/checks/registry";
import type { Finding } from "../../src/domain/finding";
import type { CellValue } from "../../src/domain/grid";
import type { CheckRow, Term } from "../../src/domain/packs/checks";
import { builtinPack, type Pack } from "../../src/domain/packs";
import { readPackData } from "../../src/domain/packs/validate";
import { readDisclosure } from "../../src/domain/read/read";
import { SAMPLES, jinchengInputs, jinchengSample, type Sample } from "../../src/domain/samples";
import { copyRows, gridsOf } from "../support/disclosure";
import shanxiJson from "../../src/domain/packs/shanxi-2023.json";

type Rows = Record<string, CellValue[][]>;
const shanxi = builtinPack("shanxi-2023");

/** The findings of `checks` alone on 晋城's rows after `edit`. */
function run(checks: CheckRow[], edit: (rows: Rows) => void = () => {}, inputs = jinchengInputs): Finding[] {
  const rows = copyRows(jinchengSample);
  edit(rows);
  const pack: Pack = { ...shanxi, checks };
  const disclosure = readDisclosure(pack, gridsOf(rows, jinchengSample.department, 2023, pack));
  return runChecks(disclosure, pack, { strict: false, catalog: builtinCatalog(2023), inputs });
}

const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.table} ${f.cell} ${f.severity} ${f.actual ?? ""}/${f.expected ?? ""}`);

/** T04's income column: row index (0-based, as in the sample) by caption and occurrence. */
const T04 = { income: 1, carried: 31, carriedGpb: 32, grand: 35 };
const set = (rows: Rows, table: string, row: number, col: number, value: CellValue) => (rows[table][row][col] = value);
const incomeOf = (row: string, extra: Partial<Term> = {}): Term => ({ table: "T04", column: "incomeAmount", row, ...extra });

const formula = (f: Omit<Extract<CheckRow, { kind: "formula" }>, "kind" | "rule"> & { rule?: string }): CheckRow => ({ kind: "formula", rule: "A04", ...f });

describe("row locators", () => {
  const carriedGpb = 12.34;
  const withCarried = (rows: Rows) => {
    set(rows, "T04", T04.carriedGpb, T04.income, carriedGpb);
    set(rows, "T04", T04.carried, T04.income, carriedGpb);
  };
  /** Which figure a reference reads: compared with a constant that no figure equals, the finding quotes it. */
  const read = (term: Term) => run([formula({ left: [term], op: "=", right: [{ constant: "-1" }] })], withCarried).map((f) => `${f.cell} ${f.actual}`);

  test("by caption: the first row printing it (本年 一般公共预算)", () => {
    expect(read(incomeOf("一、一般公共预算"))).toEqual(["B7 5,307.69"]);
  });
  test("by caption and occurrence: the second (上年结转's 一般公共预算)", () => {
    expect(read(incomeOf("一、一般公共预算", { occurrence: 2 }))).toEqual(["B39 12.34"]);
  });
  test("under a heading row: the first row of that caption below 上年财政拨款结转", () => {
    expect(read(incomeOf("一、一般公共预算", { under: "上年财政拨款结转" }))).toEqual(["B39 12.34"]);
  });
  test("by position in the body", () => {
    expect(read({ table: "T04", column: "incomeAmount", position: T04.carriedGpb + 1 })).toEqual(["B39 12.34"]);
  });
  test("an occurrence the table does not print reads nothing, and says nothing", () => {
    expect(read(incomeOf("一、一般公共预算", { occurrence: 3 }))).toEqual([]);
  });
});

describe("formula", () => {
  /** 收入总计 − 上年财政拨款结转 = 本年收入合计 (signed terms), on 晋城's T04. */
  const grandMinusCarried = formula({ left: [incomeOf("收入总计"), incomeOf("上年财政拨款结转", { sign: "-" })], op: "=", right: [incomeOf("本年收入合计")] });

  test("signed terms: quiet on the published figures; a carried-over amount not in 收入总计 is found with both sides", () => {
    expect(run([grandMinusCarried])).toEqual([]);
    const found = run([grandMinusCarried], (rows) => set(rows, "T04", T04.carried, T04.income, 10));
    expect(brief(found)).toEqual([expect.stringMatching(/^A04 T04 B\d+ error 5,297\.69\/5,307\.69$/)]);
    expect(found[0].related.map((r) => r.cell)).toHaveLength(2);
  });

  test("weights: 2 × 本年收入合计 = 收入总计 + 本年支出合计 (T04 both sides)", () => {
    const f = formula({
      left: [{ ...incomeOf("本年收入合计"), weight: 2 }],
      op: "=",
      right: [incomeOf("收入总计"), { table: "T04", column: "expenseTotal", row: "本年支出合计" }],
    });
    expect(run([f])).toEqual([]);
    expect(brief(run([f], (rows) => set(rows, "T04", T04.grand, T04.income, 5300)))).toEqual([expect.stringMatching(/ error 10,615\.38\/10,607\.69$/)]);
  });

  test("per code row with sameCode: T05 合计 ≤ T03 合计 of the same code, at the T05 row", () => {
    const f = formula({
      rule: "X09",
      each: { table: "T05", code: "code" },
      left: [{ column: "total" }],
      op: "<=",
      right: [{ table: "T03", column: "total", by: "code", sameCode: true }],
    });
    expect(run([f])).toEqual([]);
    const at = jinchengSample.rows.T05!.findIndex((r) => r[0] === "2011302");
    const found = run([f], (rows) => set(rows, "T05", at, 2, Number(rows.T05[at][2]) + 100));
    expect(found.map((f) => [f.cell, f.message])).toEqual([[expect.stringMatching(/^C\d+$/), expect.stringContaining("科目 2011302：")]]);
  });

  test("per row of every body row: 合计 = 基本支出 + 项目支出 in T03, the changed row found", () => {
    const f = formula({ rule: "A01", each: { table: "T03", all: true }, left: [{ column: "total" }], op: "=", right: [{ column: "basic" }, { column: "project" }] });
    expect(run([f])).toEqual([]);
    const found = run([f], (rows) => set(rows, "T03", 2, 3, Number(rows.T03[2][3] ?? 0) + 1.5));
    expect(found).toHaveLength(1);
    expect(found[0].difference).toBe("-1.50");
  });

  test("condition: the fund rows under 上年财政拨款结转 add up to it only when it is filled", () => {
    const f = formula({
      when: { term: incomeOf("上年财政拨款结转"), is: "filled" },
      left: [incomeOf("上年财政拨款结转")],
      op: "=",
      right: ["一、一般公共预算", "二、政府性基金预算", "三、国有资本经营预算"].map((row) => incomeOf(row, { under: "上年财政拨款结转" })),
    });
    // A fund figure with its heading blank: the condition does not hold, nothing is said.
    expect(run([f], (rows) => set(rows, "T04", T04.carriedGpb, T04.income, 5))).toEqual([]);
    // Filled, and not the sum: found.
    const found = run([f], (rows) => {
      set(rows, "T04", T04.carriedGpb, T04.income, 5);
      set(rows, "T04", T04.carried, T04.income, 3);
    });
    expect(brief(found)).toEqual([expect.stringMatching(/ error 3\.00\/5\.00$/)]);
  });

  test("tolerance per check: within 1.00 quiet, beyond it an error (no rounding zone)", () => {
    const f = formula({ left: [incomeOf("收入总计")], op: "=", right: [{ table: "T04", column: "expenseTotal", row: "支出总计" }], tolerance: 1 });
    expect(run([f], (rows) => set(rows, "T04", T04.grand, 3, 5308.19))).toEqual([]);
    expect(brief(run([f], (rows) => set(rows, "T04", T04.grand, 3, 5309.19)))).toEqual([expect.stringMatching(/ error 5,307\.69\/5,309\.19$/)]);
  });

  test("an input figure and a constant: 本年收入合计 − 上年收入总计 (entered) = the change the text states", () => {
    const change = (value: string) =>
      formula({ left: [incomeOf("本年收入合计"), { input: "previous.incomeTotal", sign: "-" }], op: "=", right: [{ constant: value }] });
    expect(run([change("-941.41")])).toEqual([]);
    expect(brief(run([change("-900")]))).toEqual([expect.stringMatching(/ error -941\.41\/-900\.00$/)]);
    // Not entered: nothing to judge.
    expect(run([change("-900")], () => {}, { ...jinchengInputs, amounts: { ...jinchengInputs.amounts, "previous.incomeTotal": null } })).toEqual([]);
  });
});

describe("a formula wired wrongly is refused when the pack loads", () => {
  const withCheck = (check: unknown) => () => readPackData({ ...shanxiJson, checks: [check] });
  test.each([
    [{ kind: "formula", rule: "A04", left: [{ column: "total" }], op: "=", right: [{ constant: "0" }] }, "没有 each 时，每项都应写明 table"],
    [
      { kind: "formula", rule: "A04", each: { table: "T03", all: true }, left: [{ table: "T05", column: "total", by: "code", sameCode: true }], op: "=", right: [{ constant: "0" }] },
      "sameCode 只能用于按科目逐行",
    ],
    [{ kind: "formula", rule: "A04", left: [{ input: "previous.noSuchFigure" }], op: "=", right: [{ constant: "0" }] }, "没有说明数据金额字段 previous.noSuchFigure"],
    [{ kind: "formula", rule: "A04", left: [{ table: "T04", column: "incomeAmount", occurrence: 2 }], op: "=", right: [{ constant: "0" }] }, "occurrence 和 under 只能与 row 同用"],
    [{ kind: "formula", rule: "A04", left: [{ table: "T04", column: "incomeAmount", row: "一、一般公共预算", under: "没有这一行" }], op: "=", right: [{ constant: "0" }] }, "没有行“没有这一行”"],
    [{ kind: "formula", rule: "A04", left: [{ table: "T04", column: "nope", row: "收入总计" }], op: "=", right: [{ constant: "0" }] }, "没有列 nope"],
    [{ kind: "formula", rule: "A04", left: [{ constant: "0", table: "T04" }], op: "=", right: [{ constant: "0" }] }, "constant 项不能再有 table"],
  ])("%j", (check, message) => {
    expect(withCheck(check)).toThrow(message);
  });

  test("a formula wired rightly is accepted", () => {
    expect(withCheck({ kind: "formula", rule: "A04", left: [{ table: "T04", column: "incomeAmount", row: "一、一般公共预算", occurrence: 2 }], op: "<=", right: [{ constant: "0" }] })).not.toThrow();
  });
});

/** A check row of kind equal, atLeast, atMost or columnSum written as a formula. */
function asFormula(c: CheckRow): CheckRow | undefined {
  const base = { rule: c.rule, ...(c.severity ? { severity: c.severity } : {}) };
  if (c.kind === "equal" || c.kind === "atLeast" || c.kind === "atMost")
    return { kind: "formula", ...base, left: c.left, op: c.kind === "equal" ? "=" : c.kind === "atLeast" ? ">=" : "<=", right: c.right };
  if (c.kind === "columnSum")
    return { kind: "formula", ...base, each: { table: c.table, all: true }, left: [{ column: c.total }], op: "=", right: c.parts.map((column) => ({ column })) };
  return undefined;
}

describe("equal, atLeast/atMost and columnSum as formulas: the same findings on the six seeds", () => {
  /** Each amount cell moved by +7.31 in one table in three: enough changed figures to make every kind speak. */
  function perturbed(sample: Sample, seed: number): Rows {
    const rows = copyRows(sample);
    let n = seed;
    for (const table of Object.values(rows))
      for (const row of table)
        row.forEach((v, i) => {
          n = (n * 1103515245 + 12345) % 2147483648;
          if (typeof v === "number" && n % 9 === 0) row[i] = Math.round((v + 7.31) * 100) / 100;
        });
    return rows;
  }
  const key = (f: Finding) => `${f.rule} ${f.table} ${f.cell} ${f.severity} ${f.actual} ${f.expected} ${f.difference}`;

  test.each(SAMPLES.map((s) => [s.id, s] as const))("%s", (_id, sample) => {
    const pack = builtinPack(sample.pack);
    const kinds = pack.checks.filter((c) => asFormula(c));
    const formulas = kinds.map((c) => asFormula(c)!);
    expect(new Set(kinds.map((c) => c.kind))).toEqual(new Set(["equal", "columnSum", ...(kinds.some((c) => c.kind === "atLeast") ? ["atLeast"] : []), ...(kinds.some((c) => c.kind === "atMost") ? ["atMost"] : [])]));
    let spoken = 0;
    for (const rows of [copyRows(sample), perturbed(sample, 1), perturbed(sample, 2)]) {
      const disclosure = readDisclosure(pack, gridsOf(rows, sample.department, sample.year, pack));
      const options = { strict: false, catalog: builtinCatalog(sample.year) };
      const byKinds = runChecks(disclosure, { ...pack, checks: kinds }, options).map(key).sort();
      const byFormulas = runChecks(disclosure, { ...pack, checks: formulas }, options).map(key).sort();
      expect(byFormulas).toEqual(byKinds);
      spoken += byKinds.length;
    }
    expect(spoken).toBeGreaterThan(5);
  });
});

test("per row, an input term before the row's own: the finding names the row (the input has no table either)", () => {
  const f = formula({
    rule: "A01",
    each: { table: "T03", code: "code" },
    when: { term: { column: "total" }, is: "nonZero" },
    left: [{ input: "previous.incomeTotal", sign: "-" }, { column: "total" }],
    op: "<=",
    right: [{ constant: "-6000" }],
  });
  const found = run([f]);
  // 合计 − 上年收入总计 6,249.10 ≤ −6,000 fails on every code row above 249.10 (201 一般公共服务支出 2,636.14 …).
  expect(found.length).toBeGreaterThan(0);
  expect(found.every((x) => /第\d+行（\d+ /.test(x.message))).toBe(true);
});
