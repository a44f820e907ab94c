/**
 * A — arithmetic inside one table: row totals of columns, 类/款/项, the 合计 row, the two sides of a summary table,
 * named rows adding up, economic groups, units and projects. Every equality goes through CheckContext.compare, so
 * the rounding tolerance is the same everywhere.
 */
import { centsOf, Decimal, judgeCents, sum, type Parsed } from "../money";
import type { CheckOf } from "../packs/checks";
import { cellOf, columnIndex, type ReadRow, type ReadTable } from "../read/read";
import type { CheckContext } from "./context";
import { codeRows, columnName, econGroups, namedRows, projectsOf, rowByLabel, rowName, shown, totalRow, type CodeRow } from "../read/model";
import type { Kinds } from "./kind";

interface Term {
  row: ReadRow;
  key: string;
}

const amountKeys = (table: ReadTable): string[] => table.decl.columns.filter((c) => c.kind === "amount").map((c) => c.key);

const found = (rows: (ReadRow | undefined)[]): rows is ReadRow[] => rows.every((r) => r !== undefined);

/**
 * `total` should be the sum of every one of `keys` over `rows`. A blank part is an exact zero and widens no
 * tolerance, so the tolerance counts the printed figures only. A missing column (S03) or an unreadable cell (S07)
 * leaves the sum unjudged. Tens of thousands of sums are checked per run, nearly all right: those in whole cents are
 * told without terms, arrays or Decimals (addsUp); the rest go through CheckContext.compare, which reports.
 */
function checkSum(ctx: CheckContext, table: ReadTable, total: Term, rows: readonly ReadRow[], keys: readonly string[], params: () => Record<string, string>): void {
  if (addsUp(ctx, table, total, rows, keys)) return;
  const parts = rows.flatMap((row) => keys.map((key) => ({ row, key })));
  const parsed: Parsed[] = [];
  for (const term of [total, ...parts]) {
    const cell = cellOf(table, term.row, term.key);
    if (!cell) return;
    const p = ctx.parse(cell);
    if (p.kind === "invalid") return;
    parsed.push(p);
  }
  const [printed, ...amounts] = parsed.map((p) => (p.kind === "amount" ? p.value : null));
  const figures = amounts.filter((a) => a !== null).length;
  ctx.compare(ctx.place(table, total.row, total.key), printed ?? new Decimal(0), sum(amounts), Math.max(1, figures), {
    params,
    related: () => parts.map((p) => ctx.place(table, p.row, p.key)),
  });
}

/**
 * Whether the total cell is the sum within the tolerance, in whole cents. False when checkSum must look (a cell
 * missing, unreadable or not in whole cents, or the sum off).
 */
function addsUp(ctx: CheckContext, table: ReadTable, total: Term, rows: readonly ReadRow[], keys: readonly string[]): boolean {
  const totalCell = cellOf(table, total.row, total.key);
  const printedCents = totalCell && centsOf(ctx.parse(totalCell));
  if (printedCents === undefined) return false;
  let cents = 0;
  let magnitude = 0;
  let figures = 0;
  // Column by column, in indexed loops: this runs for every figure of every sum, often before the optimising compiler
  // has seen it.
  for (let k = 0; k < keys.length; k++) {
    const col = columnIndex(table.decl, keys[k]);
    if (col < 0) return false;
    for (let r = 0; r < rows.length; r++) {
      const cell = rows[r].cells[col];
      if (!cell) return false;
      const p = ctx.parse(cell);
      const c = centsOf(p);
      if (c === undefined) return false;
      if (p.kind === "amount") figures++;
      cents += c;
      magnitude += Math.abs(c);
    }
  }
  return magnitude <= Number.MAX_SAFE_INTEGER && judgeCents(printedCents - cents, Math.max(1, figures), ctx.options) === "ok";
}

/** Row `total` = Σ rows `parts`, in each of `keys`. */
function rowSum(ctx: CheckContext, table: ReadTable, total: ReadRow, parts: ReadRow[], detail: string, keys: string[]): void {
  for (const key of keys)
    checkSum(ctx, table, { row: total, key }, parts, [key], () => ({
      row: rowName(table, total, key),
      column: columnName(table, key),
      detail,
    }));
}

const columnSum = (ctx: CheckContext, check: CheckOf<"columnSum">) => {
  const table = ctx.table(check.table);
  if (!table) return;
  for (const row of table.rows)
    checkSum(ctx, table, { row, key: check.total }, [row], check.parts, () => ({
      row: rowName(table, row, check.total),
      column: columnName(table, check.total),
      detail: "各组成列之和",
    }));
};

/** Each listed code's children: the rows whose nearest listed ancestor it is (a 项 counts under its 类 when its 款 is missing). */
function childrenByCode(rows: readonly CodeRow[]): Map<string, CodeRow[]> {
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

const hierarchy = (ctx: CheckContext, check: CheckOf<"hierarchy">) => {
  const table = ctx.table(check.table);
  if (!table) return;
  const rows = codeRows(table, check.code);
  const children = childrenByCode(rows);
  for (const parent of rows) {
    const under = children.get(parent.code);
    if (under)
      rowSum(
        ctx,
        table,
        parent.row,
        under.map((c) => c.row),
        "其下级科目之和",
        check.amounts ?? amountKeys(table),
      );
  }
};

const totalOfClasses = (ctx: CheckContext, check: CheckOf<"totalOfClasses">) => {
  const table = ctx.table(check.table);
  const total = table && totalRow(table);
  if (!table || !total) return;
  const classes = codeRows(table, check.code)
    .filter((r) => r.code.length === 3)
    .map((r) => r.row);
  rowSum(ctx, table, total, classes, "各类之和", check.amounts ?? amountKeys(table));
};

/** An item numbered under another (1. 一般公共预算资金 under 一、财政拨款收入): 1. · 1、 · （1） · ①. */
const CHILD = /^\s*(?:\d+\s*[.、．]|[（(]\d+[）)]|[①-⑳])/;

/**
 * A04: each side of a summary table. Items above the subtotal (or above the total, when the table prints no
 * subtotal) add up to it — an item numbered under another adds up to that one instead; the total is the subtotal
 * and the rows between them (上年结转, or a heading over one row per fund); and the two totals agree.
 */
const balance = (ctx: CheckContext, check: CheckOf<"balance">) => {
  const table = ctx.table(check.table);
  if (!table) return;
  const rows = table.rows;
  const { income: inc, expense: exp } = check;
  // The rows of one side in a range: those with an item, and those with a figure beside no item (still in the sum).
  const between = (label: string, keys: string[], from: ReadRow | undefined, to: ReadRow) =>
    rows.slice(from ? rows.indexOf(from) + 1 : 0, rows.indexOf(to)).filter((r) => [label, ...keys].some((k) => shown(table, r, k) !== ""));
  // The side's column names the row when the side has several.
  const name = (row: ReadRow, key: string, keys: string[]) => `${rowName(table, row, key)}${keys.length === 1 ? "" : `“${columnName(table, key)}”`}`;

  /** Items above `to`: the top-level ones add up to it; those numbered under an item add up to that item. */
  const items = (label: string, keys: string[], to: ReadRow, detail: string) => {
    const top: ReadRow[] = [];
    const children = new Map<ReadRow, ReadRow[]>();
    for (const r of between(label, keys, undefined, to)) {
      const parent = top[top.length - 1];
      if (parent && CHILD.test(shown(table, r, label))) children.set(parent, [...(children.get(parent) ?? []), r]);
      else top.push(r);
    }
    for (const key of keys) {
      for (const [parent, subs] of children)
        if (subs.some((r) => ctx.amount(cellOf(table, r, key)) !== null))
          checkSum(ctx, table, { row: parent, key }, subs, [key], () => ({ row: name(parent, key, keys), detail: "其下各项之和" }));
      checkSum(ctx, table, { row: to, key }, top, [key], () => ({ row: name(to, key, keys), detail }));
    }
  };

  const incomeSub = inc?.subtotal ? rowByLabel(table, inc.label, inc.subtotal) : undefined;
  const incomeTotal = inc && rowByLabel(table, inc.label, inc.total);
  const expenseSub = exp.subtotal ? rowByLabel(table, exp.label, exp.subtotal) : undefined;
  const expenseTotal = rowByLabel(table, exp.label, exp.total);

  if (inc) {
    const amount = [inc.amount];
    const incomeFirst = inc.subtotal ? incomeSub : incomeTotal;
    if (incomeFirst) items(inc.label, amount, incomeFirst, "各收入项目之和");
    if (incomeSub && incomeTotal) {
      // A heading over one row per fund (上年财政拨款结转) counts by its rows when they hold figures, else by itself.
      const [head, ...subs] = between(inc.label, amount, incomeSub, incomeTotal);
      const key = inc.amount;
      const subsUsed = subs.some((r) => ctx.amount(cellOf(table, r, key)) !== null);
      if (head && subsUsed && ctx.amount(cellOf(table, head, key)) !== null)
        checkSum(ctx, table, { row: head, key }, subs, [key], () => ({ row: name(head, key, amount), detail: "其下各项之和" }));
      checkSum(ctx, table, { row: incomeTotal, key }, [incomeSub, ...(subsUsed ? subs : head ? [head] : [])], [key], () => ({
        row: name(incomeTotal, key, amount),
        detail: `${[inc.subtotal, ...(head ? [shown(table, head, inc.label)] : [])].join("与")}之和`,
      }));
    }
    if (incomeTotal && expenseTotal)
      checkSum(ctx, table, { row: incomeTotal, key: inc.amount }, [expenseTotal], [exp.amounts[0]], () => ({
        row: name(incomeTotal, inc.amount, amount),
        detail: shown(table, expenseTotal, exp.label),
      }));
  }
  const expenseFirst = exp.subtotal ? expenseSub : expenseTotal;
  if (expenseFirst) items(exp.label, exp.amounts, expenseFirst, "各支出类之和");
  if (expenseSub && expenseTotal) {
    const rest = between(exp.label, exp.amounts, expenseSub, expenseTotal);
    // Named as printed: 本年支出合计与年终结转之和.
    const detail = `${[exp.subtotal, ...rest.map((r) => shown(table, r, exp.label)).filter((t) => t !== "")].join("与")}之和`;
    for (const key of exp.amounts)
      checkSum(ctx, table, { row: expenseTotal, key }, [expenseSub, ...rest], [key], () => ({
        row: name(expenseTotal, key, exp.amounts),
        detail,
      }));
  }
};

const rowSumCheck = (ctx: CheckContext, check: CheckOf<"rowSum">) => {
  const table = ctx.table(check.table);
  if (!table) return;
  const total = rowByLabel(table, check.label, check.total);
  const parts = check.parts.map((p) => rowByLabel(table, check.label, p));
  if (total && found(parts)) rowSum(ctx, table, total, parts, check.detail, check.amounts ?? amountKeys(table));
};

/** Where an item of a group with a home column has an amount in another of the homes' columns: a warning. */
function misplaced(ctx: CheckContext, table: ReadTable, item: ReadRow, group: string, home: string, homes: string[]): void {
  for (const other of homes) {
    if (other === home) continue;
    const amount = ctx.amount(cellOf(table, item, other));
    if (amount && !amount.isZero())
      ctx.report(ctx.place(table, item, other), {
        severity: "warning",
        expected: new Decimal(0),
        actual: amount,
        params: { row: rowName(table, item, other), column: columnName(table, other), detail: `${group}应列入${columnName(table, home)}，该列应` },
        related: [ctx.place(table, item, home)],
      });
  }
}

const econGroupsCheck = (ctx: CheckContext, check: CheckOf<"econGroups">) => {
  const table = ctx.table(check.table);
  if (!table) return;
  const catalog = ctx.options.catalog;
  const { total, groups, loose } = econGroups(table, catalog, check.dept, check.gov);
  const homes = [...new Set(Object.values(check.homes))];
  for (const g of groups) {
    rowSum(ctx, table, g.row, g.items, "其下各项之和", amountKeys(table));
    const home = check.homes[g.code];
    if (home) for (const item of g.items) misplaced(ctx, table, item, g.name, home, homes);
  }
  if (total) rowSum(ctx, table, total, [...loose, ...groups.map((g) => g.row)], "各分组之和", amountKeys(table));
};

const columnHome = (ctx: CheckContext, check: CheckOf<"columnHome">) => {
  const table = ctx.table(check.table);
  if (!table) return;
  const homes = [...new Set(Object.values(check.homes))];
  const rows = codeRows(table, check.code);
  for (const item of rows) {
    const cls = item.code.slice(0, 3);
    const home = check.homes[cls];
    if (!home || item.code.length === 3) continue;
    const head = rows.find((r) => r.code === cls);
    const group = head?.name || ctx.options.catalog.get("econDept", cls)?.name || cls;
    misplaced(ctx, table, item.row, group, home, homes);
  }
};

const listTotal = (ctx: CheckContext, check: CheckOf<"listTotal">) => {
  const table = ctx.table(check.table);
  const total = table && totalRow(table);
  if (table && total) rowSum(ctx, table, total, namedRows(table, check.label), check.detail, amountKeys(table));
};

const projectGroups = (ctx: CheckContext, check: CheckOf<"projectGroups">) => {
  const table = ctx.table(check.table);
  const g = projectsOf(ctx.disclosure, check.table);
  if (!table || !g) return;
  const keys = amountKeys(table);
  for (const u of g.units) if (u.projects.length) rowSum(ctx, table, u.row, u.projects, "其下各项目之和", keys);
  if (g.grand)
    if (g.units.length)
      rowSum(
        ctx,
        table,
        g.grand,
        g.units.map((u) => u.row),
        "各单位之和",
        keys,
      );
    else rowSum(ctx, table, g.grand, g.projects, "各项目之和", keys);
};

export const arithmeticKinds: Kinds<
  "columnSum" | "hierarchy" | "totalOfClasses" | "balance" | "rowSum" | "econGroups" | "columnHome" | "listTotal" | "projectGroups"
> = {
  columnSum,
  hierarchy,
  totalOfClasses,
  balance,
  rowSum: rowSumCheck,
  econGroups: econGroupsCheck,
  columnHome,
  listTotal,
  projectGroups,
};
