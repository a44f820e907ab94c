/**
 * `formula`: signed, weighted terms on two sides compared by =, ≤ or ≥ — once, or per row of a table (each code row,
 * every row, the rows of a list of captions) — when a condition holds. An equation the other kinds do not have
 * (年初结转和结余 + 本年收入 = 本年支出 + 结余分配 + 年末结转和结余) is a pack's data, not code.
 *
 * What cannot be judged says nothing: an unreadable cell (S07 reports it), an input figure not entered, a side of
 * which no table prints anything.
 */
import type { Place } from "../finding";
import { Decimal, judge } from "../money";
import type { CheckOf, FigureRef, Term } from "../packs/checks";
import { declaredRow, stripNumbering } from "../packs/layout";
import { select } from "../read/figures";
import { byCode, codeRows, columnName, rowName, shown, totalRow } from "../read/model";
import { cellOf, type ReadRow, type ReadTable } from "../read/read";
import type { CheckContext } from "./context";
import { figure, inOneUnit, side, type Side } from "./cross";
import type { Kinds } from "./kind";

type Formula = CheckOf<"formula">;

/** The row a per-row formula is at, and its code when it runs per code. */
interface Current {
  table: ReadTable;
  row: ReadRow;
  code?: string;
}

/** A term read: a side of its own (named, in its table's unit), or a constant; null when it cannot be judged. */
type Read = { side: Side; current: boolean } | { constant: Decimal } | null;

const ZERO = new Decimal(0);

/** How messages name an input figure: its caption on the input sheet. */
function inputName(ctx: CheckContext, field: string): string {
  for (const sheet of ctx.pack.inputs)
    for (const row of sheet.body.kind === "fixed" ? sheet.body.rows : [])
      if (row.field === field) return `“${stripNumbering(String(row.cells.find((c) => c !== null) ?? field))}”`;
  return `“${field}”`;
}

/** The table and rows a term of a table reads, when it reads rows (a figure, every row, the current code's row). */
function rowsOf(ctx: CheckContext, t: Term, current: Current | undefined): { table: ReadTable; rows: ReadRow[]; name: string } | undefined {
  if (t.column === undefined) return undefined;
  if (t.table === undefined) return current && { table: current.table, rows: [current.row], name: `“${columnName(current.table, t.column)}”` };
  const table = ctx.table(t.table);
  if (!table) return undefined;
  const column = `“${columnName(table, t.column)}”`;
  if (t.all) {
    const total = totalRow(table);
    return { table, rows: table.rows.filter((r) => r !== total), name: `各行${column}之和` };
  }
  if (t.sameCode) {
    const row = current?.code === undefined ? undefined : byCode(table, t.by!).get(current.code);
    return { table, rows: row ? [row] : [], name: `科目 ${current?.code ?? ""}${column}` };
  }
  const found = select(ctx.disclosure, ctx.options.catalog, t as FigureRef);
  return found && { table, rows: found.selection.rows, name: "" };
}

function read(ctx: CheckContext, t: Term, current: Current | undefined): Read {
  if (t.constant !== undefined) return { constant: new Decimal(t.constant) };
  if (t.input !== undefined) {
    const value = ctx.options.inputs?.amounts[t.input];
    if (value === null || value === undefined) return null;
    // Input figures are entered in 万元 (DisclosureInputs.amounts).
    const name = inputName(ctx, t.input);
    return { side: { where: name, full: name, value, unit: "万元", cells: [], size: 1, invalid: false }, current: false };
  }
  const rows = rowsOf(ctx, t, current);
  if (!rows) return null;
  if (t.table === undefined || t.all || t.sameCode)
    return { side: side(ctx, rows.table, rows.rows, [t.column!], t.name ?? rows.name), current: t.table === undefined };
  const s = figure(ctx, t as FigureRef);
  return s ? { side: s, current: false } : null;
}

/** Whether a term is filled (a figure entered, 0 included) or non-zero. */
function holds(ctx: CheckContext, when: NonNullable<Formula["when"]>, current: Current | undefined): boolean {
  const r = read(ctx, when.term, current);
  if (!r) return false;
  if ("constant" in r) return !r.constant.isZero();
  if (when.is === "nonZero") return !r.side.invalid && !r.side.value.isZero();
  const rows = rowsOf(ctx, when.term, current);
  if (!rows) return r.side.size > 0; // an input figure, entered
  return rows.rows.some((row) => ctx.parse(cellOf(rows.table, row, when.term.column!)).kind === "amount");
}

/** A side of the formula: its terms added or subtracted, in one unit, named as written. */
interface Sum {
  value: Decimal;
  where: string;
  full: string;
  cells: Place[];
  size: number;
}

const times = (t: Term) => (t.weight !== undefined && t.weight !== 1 ? `×${t.weight}` : "");

function sumOf(ctx: CheckContext, terms: Term[], reads: Exclude<Read, null>[], sides: Map<Side, Side>, current: Current | undefined): Sum {
  let value = ZERO;
  const where: string[] = [];
  const full: string[] = [];
  const cells: Place[] = [];
  let size = 0;
  let hasCurrent = false;
  terms.forEach((t, i) => {
    const r = reads[i];
    const sign = t.sign === "-" ? -1 : 1;
    const weight = new Decimal(t.weight ?? 1).times(sign);
    const join = i === 0 ? (sign < 0 ? "减" : "") : sign < 0 ? "减" : "加";
    if ("constant" in r) {
      value = value.plus(r.constant.times(weight));
      where.push(`${join}${r.constant.toString()}${times(t)}`);
      full.push(`${join}${r.constant.toString()}${times(t)}`);
      return;
    }
    const s = sides.get(r.side)!;
    value = value.plus(s.value.times(weight));
    where.push(`${join}${s.where}${times(t)}`);
    full.push(`${join}${r.current ? s.where : s.full}${times(t)}`);
    cells.push(...s.cells);
    size += s.size;
    hasCurrent ||= r.current;
  });
  // Terms of the current row are named by their column: the row is said once, before them.
  // (An input or a constant has no table either: the row is named by the first term of a column.)
  const first = terms.find((t) => t.table === undefined && t.column !== undefined);
  const row = hasCurrent && current && first ? rowName(current.table, current.row, first.column!) : "";
  return {
    value,
    where: `${row}${where.join("")}`,
    full: hasCurrent && current ? `${ctx.label(current.table.id)}${row}${full.join("")}` : full.join(""),
    cells,
    size,
  };
}

/** One evaluation: both sides read, compared, and a finding where they disagree beyond the tolerance. */
function evaluate(ctx: CheckContext, check: Formula, current: Current | undefined): void {
  if (check.when && !holds(ctx, check.when, current)) return;
  const left = check.left.map((t) => read(ctx, t, current));
  const right = check.right.map((t) => read(ctx, t, current));
  const all = [...left, ...right];
  if (all.some((r) => r === null)) return;
  const reads = all as Exclude<Read, null>[];
  const tableSides = reads.flatMap((r) => ("side" in r ? [r.side] : []));
  if (tableSides.some((s) => s.invalid)) return;
  // Every side in the larger unit where the tables' units differ.
  const converted = inOneUnit(tableSides);
  const sides = new Map(tableSides.map((s, i) => [s, converted[i]]));
  const l = sumOf(ctx, check.left, reads.slice(0, left.length), sides, current);
  const r = sumOf(ctx, check.right, reads.slice(left.length), sides, current);
  if (!l.size && !r.size) return;
  const [subject, other] = l.cells.length || !r.cells.length ? [l, r] : [r, l];
  if (!subject.cells.length) return;
  const difference = subject.value.minus(other.value);
  // ≤ and ≥ are kept whatever the rounding; = and a broken bound are judged as an equality (the tolerance applies).
  const leftLess = l.value.minus(r.value);
  if (check.op === "<=" && leftLess.lte(0)) return;
  if (check.op === ">=" && leftLess.gte(0)) return;
  const parts = Math.max(1, l.size + r.size - 1);
  const verdict =
    check.tolerance !== undefined
      ? difference.abs().lte(check.tolerance)
        ? "ok"
        : "error"
      : judge(difference, parts, { strict: ctx.options.strict });
  if (verdict === "ok") return;
  ctx.report(subject.cells[0], {
    params: {
      row: subject.where,
      other: other.full,
      code: current?.code ?? "",
      // Rules written for a total (A04: 应为{detail} {expected}) name the other side; {formula} is the whole equation.
      detail: other.full,
      formula: `${l.full}${OPS[check.op]}${r.full}`,
    },
    actual: subject.value,
    expected: other.value,
    related: [...subject.cells.slice(1), ...other.cells],
    ...(verdict === "rounding" ? { severity: "info" as const } : {}),
  });
}

const OPS: Record<Formula["op"], string> = { "=": "应等于", "<=": "应不超过", ">=": "应不少于" };

/** The rows a per-row formula runs at. */
function rowsToRun(ctx: CheckContext, each: NonNullable<Formula["each"]>): Current[] {
  const table = ctx.table(each.table);
  if (!table) return [];
  if (each.code) return codeRows(table, each.code).map((r) => ({ table, row: r.row, code: r.code }));
  if (each.all) return table.rows.map((row) => ({ table, row }));
  return each.rows!.flatMap((caption) => {
    const decl = declaredRow(table.decl, caption)!;
    const row = table.rows.find((r) => decl.captions.has(stripNumbering(shown(table, r, each.label!))));
    return row ? [{ table, row }] : [];
  });
}

const formula = (ctx: CheckContext, check: Formula) => {
  if (!check.each) return evaluate(ctx, check, undefined);
  for (const current of rowsToRun(ctx, check.each)) evaluate(ctx, check, current);
};

export const formulaKinds: Kinds<"formula"> = { formula };
