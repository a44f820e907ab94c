/**
 * The X rules of RULES.md (X01–X14): figures that must agree across tables. A finding stands at the figure the
 * rule names first (e.g. T01 in "T01 = T02"), with the other table's cells as related places; X01–X03 compare
 * several tables with the figure most of them agree on. A blank cell, or a row the table does not print, is 0.00.
 */
import { normalizeName } from "../catalog/catalog";
import { Decimal, parseAmount, sum } from "../money";
import { cellOf, textOf, type ReadRow, type ReadTable } from "../read/read";
import type { CheckContext } from "./context";
import type { Place } from "./finding";
import { byCode, classRows, columnName, econGroups, projectsOf, rowByLabel, shown, totalRow } from "./model";
import type { Check } from "./registry";

/** One side of an equation: a figure, or a sum of figures, with the cells it is read from. */
interface Side {
  /** How a finding at this side names it within its table ({row}). */
  where: string;
  /** How a finding elsewhere names it ({other}): table and place. */
  full: string;
  value: Decimal;
  /** The cells added up; none when the table does not print the row (the figure is then 0.00). */
  cells: Place[];
  /** A cell is not a number: S07 reports it, and the equation is left unjudged. */
  invalid: boolean;
}

/** The sum of `keys` over `rows` of one table; `where` names it in messages. */
function side(ctx: CheckContext, table: ReadTable, rows: ReadRow[], keys: string[], where: string): Side {
  const shownWhere = rows.length ? where : `${where}（未列示）`;
  const cells = rows.flatMap((row) => keys.map((key) => ({ row, key })));
  return {
    where: shownWhere,
    full: `${ctx.label(table.id)}${shownWhere}`,
    value: sum(cells.map((c) => ctx.value(table, c.row, c.key))),
    cells: cells.map((c) => ctx.place(table, c.row, c.key)),
    invalid: cells.some((c) => parseAmount(cellOf(table, c.row, c.key)?.value).kind === "invalid"),
  };
}

/** A single cell, named by its row text and column: “一、一般公共预算”, 合计行“一般公共预算”, 科目 201 一般公共服务支出“合计”. */
function cell(ctx: CheckContext, table: ReadTable, row: ReadRow | undefined, key: string, rowText: string, column = true): Side {
  return side(ctx, table, row ? [row] : [], [key], `${rowText}${column ? `“${columnName(table, key)}”` : ""}`);
}

const codeText = (code: string, row: ReadRow | undefined, table: ReadTable, nameKey = "name") =>
  row ? `科目 ${code} ${shown(table, row, nameKey)}`.trim() : `科目 ${code}`;

function plus(a: Side, b: Side): Side {
  const where = `${a.full}加${b.full}`;
  return { where, full: where, value: a.value.plus(b.value), cells: [...a.cells, ...b.cells], invalid: a.invalid || b.invalid };
}

/**
 * `left` should equal `right`. The finding stands at the first cell of `left`, or of `right` when the table of
 * `left` does not print the row; the tolerance counts every figure of both sides.
 */
function equal(ctx: CheckContext, ruleId: string, left: Side, right: Side, params: Record<string, string> = {}): void {
  const [subject, other] = left.cells.length ? [left, right] : [right, left];
  if (!subject.cells.length || subject.invalid || other.invalid) return;
  ctx.compare(ruleId, subject.cells[0], subject.value, other.value, Math.max(1, subject.cells.length + other.cells.length - 1), {
    params: { ...params, row: subject.where, other: other.full },
    related: [...subject.cells.slice(1), ...other.cells],
  });
}

/**
 * One figure printed in several tables: the reference is the figure most of them agree with (the first listed
 * on a tie), and each table that disagrees with it gets a finding. Tables or rows not printed take no part.
 */
function agree(ctx: CheckContext, ruleId: string, sides: (Side | undefined)[]): void {
  const present = sides.filter((s): s is Side => !!s && s.cells.length > 0 && !s.invalid);
  const same = (a: Side, b: Side) => ctx.within(a.value, b.value);
  const votes = present.map((s) => present.filter((o) => same(s, o)).length);
  const reference = present[votes.indexOf(Math.max(...votes))];
  for (const s of present) if (s !== reference) equal(ctx, ruleId, s, reference);
}

/** The 合计 row's figure in `key`, or nothing when the table is absent. */
function total(ctx: CheckContext, id: string, key: string): Side | undefined {
  const table = ctx.table(id);
  return table && cell(ctx, table, totalRow(table), key, "合计行");
}

/** An income item of T01/T04 (一般公共预算 …); T04 prints the fund names again under 上年财政拨款结转, the first is this year's. */
function income(ctx: CheckContext, id: string, label: string): Side | undefined {
  const table = ctx.table(id);
  const row = table && rowByLabel(table, "incomeItem", label);
  return table && row && cell(ctx, table, row, "incomeAmount", `“${shown(table, row, "incomeItem")}”`, false);
}

const union = <T>(...keys: Iterable<T>[]): T[] => [...new Set(keys.flatMap((k) => [...k]))];

/** A check of one rule that needs every table in `ids`; without one it says nothing (S01 reports the table). */
function rule(id: string, ids: string[], run: (ctx: CheckContext, tables: ReadTable[]) => void): Check {
  return {
    rules: [id],
    run(ctx) {
      const tables = ids.map((t) => ctx.table(t));
      if (tables.every((t): t is ReadTable => t !== undefined)) run(ctx, tables);
    },
  };
}

const fundsAgree = (id: string, label: string, t02Key: string, others: [string, string][]): Check =>
  rule(id, [], (ctx) =>
    agree(ctx, id, [
      total(ctx, "T02", t02Key),
      income(ctx, "T01", label),
      income(ctx, "T04", label),
      ...others.map(([table, key]) => total(ctx, table, key)),
    ]),
  );

const X01 = fundsAgree("X01", "一般公共预算", "gpb", [["T05", "total"]]);
const X02 = fundsAgree("X02", "政府性基金预算", "fund", [["T07", "amount"], ["T08", "total"]]);
const X03 = fundsAgree("X03", "国有资本经营预算", "soe", [["T09", "incomeAmount"], ["T09", "expenseTotal"]]);

const X04 = rule("X04", [], (ctx) => {
  for (const [label, key] of [["财政专户管理资金", "specialAccount"], ["单位资金", "unitFunds"], ["上年结转", "carryover"]]) {
    const t01 = income(ctx, "T01", label);
    const t02 = total(ctx, "T02", key);
    if (t01 && t02) equal(ctx, "X04", t01, t02);
  }
});

const X05 = rule("X05", ["T01"], (ctx, [t01]) => {
  const t02 = total(ctx, "T02", "total");
  const receipts = income(ctx, "T01", "本年收入合计");
  if (receipts && t02) equal(ctx, "X05", receipts, t02);
  const spending = rowByLabel(t01, "expenseItem", "本年支出合计");
  const t03 = total(ctx, "T03", "total");
  if (spending && t03) equal(ctx, "X05", cell(ctx, t01, spending, "expenseTotal", "“本年支出合计”"), t03);
});

/** Each expense 类 of T01/T04 (its `key`) against the 类 rows of a code table: a 类 missing on one side is 0.00 there. */
function classesAgree(
  ctx: CheckContext,
  ruleId: string,
  [summary, key]: [ReadTable, string],
  [detail, detailKey, codeKey, nameKey]: [ReadTable, string, string?, string?],
): void {
  const left = new Map(classRows(summary, ctx.options.catalog).map((c) => [c.code, c.row]));
  const right = new Map([...byCode(detail, codeKey, nameKey)].filter(([code]) => code.length === 3));
  for (const code of union(left.keys(), right.keys())) {
    const row = left.get(code);
    const other = right.get(code);
    equal(
      ctx,
      ruleId,
      cell(ctx, summary, row, key, row ? `“${shown(summary, row, "expenseItem")}”` : `支出类 ${code}`),
      cell(ctx, detail, other, detailKey, codeText(code, other, detail, nameKey)),
    );
  }
}

const X06 = rule("X06", ["T01", "T03"], (ctx, [t01, t03]) => classesAgree(ctx, "X06", [t01, "expenseTotal"], [t03, "total"]));

const X07 = rule("X07", ["T02", "T03"], (ctx, [t02, t03]) => {
  const receipts = byCode(t02);
  const spending = byCode(t03);
  for (const code of union(receipts.keys(), spending.keys())) {
    const row = receipts.get(code);
    equal(
      ctx,
      "X07",
      side(ctx, t02, row ? [row] : [], ["total", "carryover"], "本年收入与上年结转之和"),
      cell(ctx, t03, spending.get(code), "total", ""),
      { code },
    );
  }
});

const X08 = rule("X08", ["T04"], (ctx, [t04]) => {
  const t05 = ctx.table("T05");
  const t08 = ctx.table("T08");
  const t09 = ctx.table("T09");
  if (t05) classesAgree(ctx, "X08", [t04, "expenseGpb"], [t05, "total"]);
  if (t08) classesAgree(ctx, "X08", [t04, "expenseFund"], [t08, "total"]);
  if (t09) classesAgree(ctx, "X08", [t04, "expenseSoe"], [t09, "expenseTotal", "expenseCode", "expenseName"]);
});

const X09 = rule("X09", ["T03"], (ctx, [t03]) => {
  const all = byCode(t03);
  for (const part of [ctx.table("T05"), ctx.table("T08")]) {
    if (!part) continue;
    for (const [code, row] of byCode(part))
      for (const key of ["total", "basic", "project"]) {
        const figure = cell(ctx, part, row, key, "");
        const bound = cell(ctx, t03, all.get(code), key, "");
        if (figure.value.gt(bound.value)) equal(ctx, "X09", figure, bound, { code });
      }
  }
});

const X10 = rule("X10", [], (ctx) => {
  const t05 = total(ctx, "T05", "basic");
  const t06 = total(ctx, "T06", "total");
  if (t05 && t06) equal(ctx, "X10", t05, t06);
});

/**
 * Whether a T06 row is 机关商品和服务支出 (502): its 政府经济科目 is catalogued under 502; a name catalogued
 * elsewhere (50502 商品和服务支出 of 事业单位) is not. The built-in catalogue lists only part of 502, so a name it
 * does not know is judged by the 部门经济科目: for a 机关 every 302 商品和服务支出 item corresponds to a 502 款.
 */
function isAgencyGoods(ctx: CheckContext): (table: ReadTable, row: ReadRow) => boolean {
  const catalog = ctx.options.catalog;
  const govCodes = new Map<string, string>();
  for (const e of catalog.entries("econGov")) govCodes.set(normalizeName(e.name), e.code);
  for (const p of catalog.econPairs()) if (p.govCode) govCodes.set(normalizeName(p.govName), p.govCode);
  const deptCodes = new Map(catalog.entries("econDept").map((e) => [normalizeName(e.name), e.code]));
  return (table, row) => {
    const gov = govCodes.get(textOf(table, row, "govEcon"));
    if (gov) return gov.startsWith("502");
    return deptCodes.get(textOf(table, row, "deptEcon"))?.startsWith("302") ?? false;
  };
}

const X11 = rule("X11", ["T06", "T11"], (ctx, [t06, t11]) => {
  const unitTotal = totalRow(t11);
  if (!unitTotal) return;
  const { groups, loose } = econGroups(t06, ctx.options.catalog);
  const agency = isAgencyGoods(ctx);
  const rows = [...loose, ...groups.flatMap((g) => g.items)].filter((r) => agency(t06, r));
  equal(
    ctx,
    "X11",
    cell(ctx, t11, unitTotal, "total", `“${shown(t11, unitTotal, "unit")}”`),
    side(ctx, t06, rows, ["public"], "政府经济科目属于机关商品和服务支出（502）各行的“公用经费”之和"),
  );
});

/** T06 rows whose 部门经济科目 is one of `codes` (a name printed twice, with different 政府经济科目, counts twice). */
function econRows(ctx: CheckContext, t06: ReadTable, codes: string[]): ReadRow[] {
  const catalog = ctx.options.catalog;
  const head = totalRow(t06);
  return t06.rows.filter((r) => r !== head && codes.some((c) => catalog.nameMatches("econDept", c, textOf(t06, r, "deptEcon"))));
}

/** “离休费”与“退休费”行“合计”之和: how messages name T06 rows by their 部门经济科目. */
function econWhere(ctx: CheckContext, codes: string[]): string {
  const names = codes.map((c) => `“${ctx.options.catalog.get("econDept", c)?.name ?? c}”`).join("与");
  return `${names}行“合计”${codes.length > 1 ? "之和" : ""}`;
}

/** 三公 items of T10, as the pack prints them, and their 部门经济科目 in T06. */
const THREE_PUBLIC: [string, string][] = [
  ["因公出国（境）费", "30212"],
  ["公务接待费", "30217"],
  ["②公务用车运行维护费", "30231"],
];

const X12 = rule("X12", ["T06", "T10"], (ctx, [t06, t10]) => {
  for (const [label, code] of THREE_PUBLIC) {
    const row = rowByLabel(t10, "item", label);
    if (!row) continue;
    const spent = cell(ctx, t10, row, "total", `“${shown(t10, row, "item")}”`);
    const basic = side(ctx, t06, econRows(ctx, t06, [code]), ["total"], econWhere(ctx, [code]));
    if (spent.value.lt(basic.value)) equal(ctx, "X12", spent, basic);
  }
});

/** T12/T13 in one figure per column: the department's total row when printed, else the sum of the projects. */
function projectsTotal(ctx: CheckContext, id: "T12" | "T13", key: string): Side | undefined {
  const table = ctx.table(id);
  const g = projectsOf(ctx.disclosure, id);
  if (!table || !g) return undefined;
  const column = `“${columnName(table, key)}”`;
  return g.grand
    ? cell(ctx, table, g.grand, key, `“${shown(table, g.grand, "project")}”行`)
    : side(ctx, table, g.projects, [key], `各项目${column}之和`);
}

const X13 = rule("X13", [], (ctx) => {
  const t12 = (key: string) => projectsTotal(ctx, "T12", key);
  const all = t12("total");
  const carried = projectsTotal(ctx, "T13", "total");
  const pairs: [Side | undefined, Side | undefined][] = [
    // An empty T13 adds nothing, and is left out of the message.
    [total(ctx, "T03", "project"), all && carried?.cells.length ? plus(all, carried) : all],
    [total(ctx, "T05", "project"), t12("gpb")],
    [total(ctx, "T08", "project"), t12("fund")],
  ];
  for (const [left, right] of pairs) if (left?.cells.length && right) equal(ctx, "X13", left, right);
});

/** 基本支出 of functional 项 and the 部门经济科目 that pay them (RULES.md X14). */
const PAYROLL: [string[], string[]][] = [
  [["2080505"], ["30108"]],
  [["2080506"], ["30109"]],
  [["2101101", "2101102"], ["30110"]],
  [["2101103"], ["30111"]],
  [["2210201"], ["30113"]],
  [["2080501", "2080502"], ["30301", "30302"]],
];

const X14 = rule("X14", ["T05", "T06"], (ctx, [t05, t06]) => {
  const codes = byCode(t05);
  for (const [functional, econ] of PAYROLL) {
    const rows = functional.flatMap((c) => codes.get(c) ?? []);
    equal(
      ctx,
      "X14",
      side(ctx, t05, rows, ["basic"], `科目 ${functional.join("与")}“基本支出”${functional.length > 1 ? "之和" : ""}`),
      side(ctx, t06, econRows(ctx, t06, econ), ["total"], econWhere(ctx, econ)),
    );
  }
});

export const crossChecks: Check[] = [X01, X02, X03, X04, X05, X06, X07, X08, X09, X10, X11, X12, X13, X14];
