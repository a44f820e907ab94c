/**
 * The A rules of RULES.md, the arithmetic inside one table: row totals (A01), 类/款/项 (A02), the 合计 row (A03),
 * the balance of T01/T04 (A04), the groups of T06 (A05), the 三公 rows of T10 (A06), units and projects (A07).
 * Every equality goes through CheckContext.compare, so the rounding tolerance is the same everywhere.
 */
import { normalizeName } from "../catalog/catalog";
import { Decimal, parseAmount, sum } from "../money";
import { cellOf, type ReadRow, type ReadTable } from "../read/read";
import type { CheckContext } from "./context";
import { codeRows, columnName, econGroups, projectsOf, rowByLabel, rowName, shown, totalRow, unitRows, type CodeRow } from "./model";
import type { Check } from "./registry";

interface Term {
  row: ReadRow;
  key: string;
}

const amountKeys = (table: ReadTable): string[] => table.decl.columns.filter((c) => c.kind === "amount").map((c) => c.key);

const termsOf = (rows: ReadRow[], key: string): Term[] => rows.map((row) => ({ row, key }));

const found = (rows: (ReadRow | undefined)[]): rows is ReadRow[] => rows.every((r) => r !== undefined);

/**
 * `total` should be the sum of `parts`. A blank part is an exact zero and widens no tolerance, so the tolerance
 * counts the printed figures only. A missing column (S03) or an unreadable cell (S07) leaves the sum unjudged.
 */
function checkSum(ctx: CheckContext, rule: string, table: ReadTable, total: Term, parts: Term[], params: Record<string, string>): void {
  const cells = [total, ...parts].map((t) => cellOf(table, t.row, t.key));
  if (cells.some((c) => !c || parseAmount(c.value).kind === "invalid")) return;
  const amounts = cells.slice(1).map((c) => ctx.amount(c));
  const figures = amounts.filter((a) => a !== null).length;
  ctx.compare(rule, ctx.place(table, total.row, total.key), ctx.value(table, total.row, total.key), sum(amounts), Math.max(1, figures), {
    params,
    related: parts.map((p) => ctx.place(table, p.row, p.key)),
  });
}

/** Row `total` = Σ rows `parts`, in each of `keys` (every amount column unless told). */
function rowSum(ctx: CheckContext, rule: string, table: ReadTable, total: ReadRow, parts: ReadRow[], detail: string, keys = amountKeys(table)): void {
  for (const key of keys)
    checkSum(ctx, rule, table, { row: total, key }, termsOf(parts, key), { row: rowName(table, total, key), column: columnName(table, key), detail });
}

// A01: which columns add up to which, per table.
const BASIC_PROJECT = [{ total: "total", parts: ["basic", "project"] }];
const FUNDS = ["gpb", "fund", "soe"];
const ROW_TOTALS: Record<string, { total: string; parts: string[] }[]> = {
  T01: [{ total: "expenseTotal", parts: ["expenseCurrent", "expenseCarried"] }],
  // 合计 is 本年收入合计 (the header puts it under 本年收入); 上年结转 stands beside it, outside the sum.
  T02: [{ total: "total", parts: [...FUNDS, "specialAccount", "unitFunds"] }],
  T03: BASIC_PROJECT,
  T04: [{ total: "expenseTotal", parts: ["expenseGpb", "expenseFund", "expenseSoe"] }],
  T05: BASIC_PROJECT,
  T06: [{ total: "total", parts: ["personnel", "public"] }],
  T08: BASIC_PROJECT,
  T09: [{ total: "expenseTotal", parts: ["expenseBasic", "expenseProject"] }],
  T10: [{ total: "total", parts: FUNDS }],
  T11: [{ total: "total", parts: FUNDS }],
  T12: [{ total: "total", parts: [...FUNDS, "specialAccount", "unitFunds"] }],
  T13: [{ total: "total", parts: FUNDS }],
};

const rowTotals: Check = {
  rules: ["A01"],
  run(ctx) {
    for (const [id, sums] of Object.entries(ROW_TOTALS)) {
      const table = ctx.table(id);
      if (!table) continue;
      for (const s of sums)
        for (const row of table.rows)
          checkSum(ctx, "A01", table, { row, key: s.total }, s.parts.map((key) => ({ row, key })), {
            row: rowName(table, row, s.total),
            column: columnName(table, s.total),
          });
    }
  },
};

// A02/A03: the code columns of each table, with the amount columns that belong to them (T09 has two sides).
const CODE_SIDES: Record<string, { code: string; name: string; amounts?: string[] }[]> = {
  T02: [{ code: "code", name: "name" }],
  T03: [{ code: "code", name: "name" }],
  T05: [{ code: "code", name: "name" }],
  T07: [{ code: "code", name: "name" }],
  T08: [{ code: "code", name: "name" }],
  T09: [
    { code: "incomeCode", name: "incomeName", amounts: ["incomeAmount"] },
    { code: "expenseCode", name: "expenseName", amounts: ["expenseTotal", "expenseBasic", "expenseProject"] },
  ],
};

function codeSides(ctx: CheckContext): { table: ReadTable; rows: CodeRow[]; amounts: string[] }[] {
  return Object.entries(CODE_SIDES).flatMap(([id, sides]) => {
    const table = ctx.table(id);
    return table
      ? sides.map((s) => ({ table, rows: codeRows(table, s.code, s.name), amounts: s.amounts ?? amountKeys(table) }))
      : [];
  });
}

/** Each listed code's children: the rows whose nearest listed ancestor it is (a 项 counts under its 类 when its 款 is missing). */
function childrenByCode(rows: CodeRow[]): Map<string, CodeRow[]> {
  const listed = new Set(rows.map((r) => r.code));
  const out = new Map<string, CodeRow[]>();
  for (const row of rows)
    for (let n = row.code.length - 1; n > 0; n--) {
      const parent = row.code.slice(0, n);
      if (!listed.has(parent)) continue;
      const children = out.get(parent) ?? [];
      children.push(row);
      out.set(parent, children);
      break;
    }
  return out;
}

const levels: Check = {
  rules: ["A02"],
  run(ctx) {
    for (const { table, rows, amounts } of codeSides(ctx)) {
      const children = childrenByCode(rows);
      for (const parent of rows) {
        const under = children.get(parent.code);
        if (under) rowSum(ctx, "A02", table, parent.row, under.map((c) => c.row), "", amounts);
      }
    }
  },
};

const totalOfClasses: Check = {
  rules: ["A03"],
  run(ctx) {
    for (const { table, rows, amounts } of codeSides(ctx)) {
      const total = totalRow(table);
      const classes = rows.filter((r) => r.code.length === 3).map((r) => r.row);
      if (total) rowSum(ctx, "A03", table, total, classes, "", amounts);
    }
  },
};

/** A04 on T01 or T04: income items, carry-over and totals on the left; 类 rows, 年终结转 and totals on the right. */
function balance(ctx: CheckContext, table: ReadTable, expenseKeys: string[]): void {
  const rows = table.rows;
  // The rows of one side in a range: those with an item, and those with a figure beside no item (still in the sum).
  const between = (label: string, keys: string[], from: ReadRow | undefined, to: ReadRow) =>
    rows.slice(from ? rows.indexOf(from) + 1 : 0, rows.indexOf(to)).filter((r) => [label, ...keys].some((k) => shown(table, r, k) !== ""));
  const income = rowByLabel(table, "incomeItem", "本年收入合计");
  const incomeGrand = rowByLabel(table, "incomeItem", "收入总计");
  const expense = rowByLabel(table, "expenseItem", "本年支出合计");
  const expenseGrand = rowByLabel(table, "expenseItem", "支出总计");
  const amount = "incomeAmount";
  // The expense side has several columns, so its rows are named with the column.
  const name = (row: ReadRow, key: string) => `${rowName(table, row, key)}${key === amount ? "" : `“${columnName(table, key)}”`}`;

  if (income)
    checkSum(ctx, "A04", table, { row: income, key: amount }, termsOf(between("incomeItem", [amount], undefined, income), amount), {
      row: name(income, amount),
      detail: "各收入项目之和",
    });
  if (income && incomeGrand) {
    // T04 prints 上年财政拨款结转 over one row per fund; the sub-rows count when they hold figures, else the heading.
    const [head, ...subs] = between("incomeItem", [amount], income, incomeGrand);
    const subsUsed = subs.some((r) => ctx.amount(cellOf(table, r, amount)) !== null);
    if (head && subsUsed && ctx.amount(cellOf(table, head, amount)) !== null)
      checkSum(ctx, "A04", table, { row: head, key: amount }, termsOf(subs, amount), { row: name(head, amount), detail: "其下各项之和" });
    checkSum(ctx, "A04", table, { row: incomeGrand, key: amount }, termsOf([income, ...(subsUsed ? subs : head ? [head] : [])], amount), {
      row: name(incomeGrand, amount),
      detail: "本年收入合计与上年结转之和",
    });
  }
  if (expense)
    for (const key of expenseKeys) {
      checkSum(ctx, "A04", table, { row: expense, key }, termsOf(between("expenseItem", expenseKeys, undefined, expense), key), {
        row: name(expense, key),
        detail: "各支出类之和",
      });
      if (expenseGrand)
        checkSum(ctx, "A04", table, { row: expenseGrand, key }, termsOf([expense, ...between("expenseItem", expenseKeys, expense, expenseGrand)], key), {
          row: name(expenseGrand, key),
          detail: "本年支出合计与年终结转之和",
        });
    }
  if (incomeGrand && expenseGrand)
    checkSum(ctx, "A04", table, { row: incomeGrand, key: amount }, [{ row: expenseGrand, key: "expenseTotal" }], {
      row: name(incomeGrand, amount),
      detail: "支出总计",
    });
}

const balances: Check = {
  rules: ["A04"],
  run(ctx) {
    const t01 = ctx.table("T01");
    if (t01) balance(ctx, t01, ["expenseTotal", "expenseCurrent", "expenseCarried"]);
    const t04 = ctx.table("T04");
    if (t04) balance(ctx, t04, ["expenseTotal", "expenseGpb", "expenseFund", "expenseSoe"]);
  },
};

/** T06 groups (部门经济科目 类 codes) whose items belong in one column: 工资福利支出, 对个人和家庭的补助 人员经费; 商品和服务支出 公用经费. */
const GROUP_COLUMN: Record<string, { key: string; other: string; label: string }> = {
  "301": { key: "personnel", other: "public", label: "人员经费" },
  "302": { key: "public", other: "personnel", label: "公用经费" },
  "303": { key: "personnel", other: "public", label: "人员经费" },
};

const econ: Check = {
  rules: ["A05"],
  run(ctx) {
    const table = ctx.table("T06");
    if (!table) return;
    const { total, groups, loose } = econGroups(table, ctx.options.catalog);
    const codeOf = new Map(ctx.options.catalog.entries("econDept").filter((e) => e.level === "类").map((e) => [normalizeName(e.name), e.code]));
    for (const g of groups) {
      rowSum(ctx, "A05", table, g.row, g.items, "其下各项之和");
      const home = GROUP_COLUMN[codeOf.get(g.name) ?? ""];
      for (const item of home ? g.items : []) {
        const misplaced = ctx.amount(cellOf(table, item, home.other));
        if (misplaced && !misplaced.isZero())
          ctx.report("A05", ctx.place(table, item, home.other), {
            severity: "warning",
            expected: new Decimal(0),
            actual: misplaced,
            params: { row: rowName(table, item, home.other), column: columnName(table, home.other), detail: `${g.name}应列入${home.label}，该列应` },
            related: [ctx.place(table, item, home.key)],
          });
      }
    }
    if (total) rowSum(ctx, "A05", table, total, [...loose, ...groups.map((g) => g.row)], "各分组之和");
  },
};

const threePublic: Check = {
  rules: ["A06"],
  run(ctx) {
    const table = ctx.table("T10");
    if (!table) return;
    const row = (label: string) => rowByLabel(table, "item", label);
    const car = row("公务用车购置及运行费");
    const carParts = [row("公务用车购置费"), row("公务用车运行维护费")];
    const total = totalRow(table);
    const totalParts = [row("因公出国（境）费"), row("公务接待费"), car];
    if (car && found(carParts)) rowSum(ctx, "A06", table, car, carParts, "①购置费与②运行维护费之和");
    if (total && found(totalParts)) rowSum(ctx, "A06", table, total, totalParts, "因公出国（境）费、公务接待费与公务用车购置及运行费之和");
  },
};

const unitsAndProjects: Check = {
  rules: ["A07"],
  run(ctx) {
    const sumRows = (table: ReadTable, total: ReadRow, parts: ReadRow[], detail: string) => rowSum(ctx, "A07", table, total, parts, detail);
    const t11 = ctx.table("T11");
    const t11Total = t11 && totalRow(t11);
    if (t11 && t11Total) sumRows(t11, t11Total, unitRows(ctx.disclosure), "各单位之和");

    for (const id of ["T12", "T13"] as const) {
      const table = ctx.table(id);
      const g = projectsOf(ctx.disclosure, id);
      if (!table || !g) continue;
      for (const u of g.units) if (u.projects.length) sumRows(table, u.row, u.projects, "其下各项目之和");
      if (g.grand)
        if (g.units.length) sumRows(table, g.grand, g.units.map((u) => u.row), "各单位之和");
        else sumRows(table, g.grand, g.projects, "各项目之和");
    }
  },
};

export const arithmeticChecks: Check[] = [rowTotals, levels, totalOfClasses, balances, econ, threePublic, unitsAndProjects];
