/**
 * X — figures that must agree across tables (or within one), as the pack's check rows name them. A finding stands
 * at the figure named first, with the other side's cells as related places; `agree` compares several tables with
 * the figure most of them agree on. A blank cell, or a row the table does not print, is 0.00. Figures in tables of
 * different units (元 and 万元) are compared in the larger unit.
 */
import type { Place } from "../finding";
import { centsOf, Decimal, judgeCents, sum, sumCents, YUAN_PER, type Parsed, type Unit } from "../money";
import type { CheckOf, FigureRef } from "../packs/checks";
import type { TableDecl } from "../packs/schema";
import { select } from "../read/figures";
import { byCode, classRows, columnName, nameColumnOf, shown } from "../read/model";
import { cellOf, type ReadRow, type ReadTable } from "../read/read";
import type { CheckContext } from "./context";
import type { Kinds } from "./kind";

/** One side of an equation: a figure, or a sum of figures, with the cells it is read from. */
export interface Side {
  /** How a finding at this side names it within its table ({row}). */
  where: string;
  /** How a finding elsewhere names it ({other}): table and place. */
  full: string;
  value: Decimal;
  /** `value` in whole cents, when every figure is (see Parsed): equal() then judges without Decimals. */
  cents?: number;
  /** The unit of `value`. */
  unit: Unit;
  /** The cells added up; none when the table does not print the row (the figure is then 0.00). */
  cells: Place[];
  /** How many cells were added up (cells.length, without working out where they are). */
  size: number;
  /** A cell is not a number: S07 reports it, and the equation is left unjudged. */
  invalid: boolean;
}

/**
 * The sum of `keys` over `rows` of one table; `name` names it in messages. Its names, its Decimal value and the
 * places of its cells are made when asked for: most sides agree in whole cents and never need them. (A class:
 * thousands are made per check, and object literals with getters are slow to make.)
 */
class TableSide implements Side {
  readonly cents?: number;
  readonly unit: Unit;
  readonly size: number;
  readonly invalid: boolean;
  private readonly parsed: Parsed[] = [];
  private decimal?: Decimal;
  private places?: Place[];

  constructor(
    private readonly ctx: CheckContext,
    private readonly table: ReadTable,
    private readonly rows: readonly ReadRow[],
    private readonly keys: readonly string[],
    private readonly name: string,
  ) {
    let invalid = false;
    for (const row of rows)
      for (const key of keys) {
        const p = ctx.parse(cellOf(table, row, key));
        if (p.kind === "invalid") invalid = true;
        this.parsed.push(p);
      }
    const cents = sumCents(this.parsed.map(centsOf));
    if (cents !== undefined) this.cents = cents;
    this.unit = ctx.unitOf(table.id);
    this.size = this.parsed.length;
    this.invalid = invalid;
  }

  get where(): string {
    return this.rows.length ? this.name : `${this.name}（未列示）`;
  }

  get full(): string {
    return `${this.ctx.label(this.table.id)}${this.where}`;
  }

  get value(): Decimal {
    return (this.decimal ??= sum(this.parsed.map((p) => (p.kind === "amount" ? p.value : null))));
  }

  get cells(): Place[] {
    return (this.places ??= this.rows.flatMap((row) => this.keys.map((key) => this.ctx.place(this.table, row, key))));
  }

  /** The same figure named otherwise (as the pack names it). */
  named(name: string): TableSide {
    return new TableSide(this.ctx, this.table, this.rows, this.keys, name);
  }
}

export function side(ctx: CheckContext, table: ReadTable, rows: readonly ReadRow[], keys: readonly string[], where: string): TableSide {
  return new TableSide(ctx, table, rows, keys, where);
}

/** A single cell, named by its row text and column: “一、一般公共预算”, 合计行“一般公共预算”, 科目 201 一般公共服务支出“合计”. */
function cell(ctx: CheckContext, table: ReadTable, row: ReadRow | undefined, key: string, rowText: string, column = true): TableSide {
  return side(ctx, table, row ? [row] : [], [key], `${rowText}${column ? `“${columnName(table, key)}”` : ""}`);
}

/** The sides in one unit: the larger of theirs when they differ, each converted side saying so. */
export function inOneUnit(sides: Side[]): Side[] {
  if (sides.every((s) => s.unit === sides[0].unit)) return sides;
  const units = new Set(sides.map((s) => s.unit));
  const unit = [...units].sort((a, b) => YUAN_PER[b] - YUAN_PER[a])[0];
  return sides.map((s) => {
    if (s.unit === unit) return s;
    const note = `（${s.unit}，折合${unit}）`;
    return { where: `${s.where}${note}`, full: `${s.full}${note}`, value: s.value.times(YUAN_PER[s.unit]).div(YUAN_PER[unit]), unit, cells: s.cells, size: s.size, invalid: s.invalid };
  });
}

function plus(a: Side, b: Side): Side {
  const where = `${a.full}加${b.full}`;
  const cents = a.cents === undefined || b.cents === undefined ? undefined : sumCents([a.cents, b.cents]);
  return { where, full: where, unit: a.unit, value: a.value.plus(b.value), ...(cents === undefined ? {} : { cents }), cells: [...a.cells, ...b.cells], size: a.size + b.size, invalid: a.invalid || b.invalid };
}

/**
 * `left` should equal `right`. The finding stands at the first cell of `left`, or of `right` when the table of
 * `left` does not print the row; the tolerance counts every figure of both sides.
 */
function equal(ctx: CheckContext, left: Side, right: Side, params: Record<string, string> = {}): void {
  [left, right] = inOneUnit([left, right]);
  const [subject, other] = left.size ? [left, right] : [right, left];
  if (!subject.size || subject.invalid || other.invalid) return;
  const parts = Math.max(1, subject.size + other.size - 1);
  if (subject.cents !== undefined && other.cents !== undefined && judgeCents(subject.cents - other.cents, parts, ctx.options) === "ok") return;
  ctx.compare(subject.cells[0], subject.value, other.value, parts, {
    params: { ...params, row: subject.where, other: other.full },
    related: [...subject.cells.slice(1), ...other.cells],
  });
}

/** The amount columns a label column speaks for: those after it, up to the next text column. */
function amountsOf(decl: TableDecl, label: string): string[] {
  const cols = decl.columns;
  const out: string[] = [];
  for (const c of cols.slice(cols.findIndex((c) => c.key === label) + 1)) {
    if (c.kind !== "amount") break;
    out.push(c.key);
  }
  return out;
}

/** A figure the pack names, as an equation's side named for messages; undefined when its table is absent (S01 reports that). */
export function figure(ctx: CheckContext, ref: FigureRef): Side | undefined {
  const found = select(ctx.disclosure, ctx.options.catalog, ref);
  if (!found) return undefined;
  const { table, selection: s } = found;
  const key = ref.column;
  const column = `“${columnName(table, key)}”`;
  const named = (side: TableSide): Side => (ref.name ? side.named(ref.name) : side);
  switch (s.by) {
    case "row": {
      const rowText = s.total ? "合计行" : `“${s.row ? shown(table, s.row, s.label) : ref.row}”`;
      return named(cell(ctx, table, s.row, key, rowText, s.total || amountsOf(table.decl, s.label).length > 1));
    }
    case "codes": {
      const codes = ref.codes!;
      const several = codes.length > 1 ? "之和" : "";
      if (s.codeColumn) return named(side(ctx, table, s.rows, [key], `科目 ${codes.join("与")}${column}${several}`));
      const names = codes.map((c) => `“${ctx.options.catalog.get("econDept", c)?.name ?? c}”`).join("与");
      return named(side(ctx, table, s.rows, [key], `${names}行${column}${several}`));
    }
    case "govClass":
      return named(side(ctx, table, s.rows, [key], `政府经济科目属于 ${ref.govClass} 的各行${column}之和`));
    case "only":
      return named(cell(ctx, table, s.rows[0], key, ""));
    case "position":
      return named(cell(ctx, table, s.row, key, s.row ? `第 ${s.position} 行` : `第 ${s.position} 行（未列示）`));
    case "projects":
      return named(
        s.grand
          ? cell(ctx, table, s.grand, key, `“${shown(table, s.grand, table.decl.projects!.column)}”行`)
          : side(ctx, table, s.rows, [key], `各项目${column}之和`),
      );
  }
}

/** Several figures added up; the absent tables left out, and those printing nothing left out of the message. */
function total(ctx: CheckContext, refs: FigureRef[]): Side | undefined {
  const sides = inOneUnit(refs.map((r) => figure(ctx, r)).filter((s): s is Side => s !== undefined));
  if (!sides.length) return undefined;
  const printed = sides.filter((s) => s.size);
  return (printed.length ? printed : sides.slice(0, 1)).reduce(plus);
}

/**
 * One figure printed in several tables: the reference is the figure most of them agree with (the first listed
 * on a tie), and each table that disagrees with it gets a finding. Tables or rows not printed take no part.
 */
const agree = (ctx: CheckContext, check: CheckOf<"agree">) => {
  const present = inOneUnit(check.figures.map((f) => figure(ctx, f)).filter((s): s is Side => !!s && s.size > 0 && !s.invalid));
  const votes = present.map((s) => present.filter((o) => ctx.within(s.value, o.value)).length);
  const reference = present[votes.indexOf(Math.max(...votes))];
  for (const s of present) if (s !== reference) equal(ctx, s, reference);
};

const equalCheck = (ctx: CheckContext, check: CheckOf<"equal">) => {
  const left = total(ctx, check.left);
  const right = total(ctx, check.right);
  if (left && right) equal(ctx, left, right);
};

/** `left` ≥ `right` (or ≤): when it is not, the finding is that of an equality, so the tolerance applies. */
const bound = (ctx: CheckContext, check: CheckOf<"atLeast" | "atMost">) => {
  const sides = [total(ctx, check.left), total(ctx, check.right)];
  if (!sides[0] || !sides[1]) return;
  const [left, right] = inOneUnit(sides as Side[]);
  if (check.kind === "atLeast" ? left.value.lt(right.value) : left.value.gt(right.value)) equal(ctx, left, right);
};

const union = <T>(...keys: Iterable<T>[]): T[] => [...new Set(keys.flatMap((k) => [...k]))];

const codeText = (code: string, row: ReadRow | undefined, table: ReadTable, nameKey: string | undefined) =>
  row && nameKey ? `科目 ${code} ${shown(table, row, nameKey)}`.trim() : `科目 ${code}`;

/** Each expense 类 of a summary table against the 类 rows of a code table: a 类 missing on one side is 0.00 there. */
const byClass = (ctx: CheckContext, check: CheckOf<"byClass">) => {
  const summary = ctx.table(check.left.table);
  const detail = ctx.table(check.right.table);
  if (!summary || !detail) return;
  const left = new Map(classRows(summary, ctx.options.catalog, check.left.label).map((c) => [c.code, c.row]));
  const right = new Map([...byCode(detail, check.right.code)].filter(([code]) => code.length === 3));
  const nameKey = nameColumnOf(detail, check.right.code);
  for (const code of union(left.keys(), right.keys())) {
    const row = left.get(code);
    const other = right.get(code);
    equal(
      ctx,
      cell(ctx, summary, row, check.left.column, row ? `“${shown(summary, row, check.left.label)}”` : `支出类 ${code}`),
      cell(ctx, detail, other, check.right.column, codeText(code, other, detail, nameKey)),
    );
  }
};

/** Columns named in messages: “合计”, or “合计”与“上年结转”之和. */
const columnsText = (table: ReadTable, keys: string[]) =>
  `${keys.map((k) => `“${columnName(table, k)}”`).join("与")}${keys.length > 1 ? "之和" : ""}`;

const byCodeCheck = (ctx: CheckContext, check: CheckOf<"byCode">) => {
  const left = ctx.table(check.left.table);
  const right = ctx.table(check.right.table);
  if (!left || !right) return;
  const leftRows = byCode(left, check.left.code);
  const rightRows = byCode(right, check.right.code);
  const codes = check.op === "equal" ? union(leftRows.keys(), rightRows.keys()) : [...leftRows.keys()];
  const names = check.columns.map((pair) => [pair.name ?? columnsText(left, pair.left), columnsText(right, pair.right)]);
  // Thousands of codes: in one unit, two rows that agree in whole cents are passed over without making their sides.
  const sameUnit = ctx.unitOf(left.id) === ctx.unitOf(right.id);
  const centsIn = (table: ReadTable, row: ReadRow | undefined, keys: string[]) =>
    row ? sumCents(keys.map((key) => centsOf(ctx.parse(cellOf(table, row, key))))) : 0;
  for (const code of codes) {
    const row = leftRows.get(code);
    const other = rightRows.get(code);
    const leftOf = row ? [row] : [];
    const rightOf = other ? [other] : [];
    for (const [i, pair] of check.columns.entries()) {
      if (sameUnit) {
        const x = centsIn(left, row, pair.left);
        const y = centsIn(right, other, pair.right);
        const parts = Math.max(1, leftOf.length * pair.left.length + rightOf.length * pair.right.length - 1);
        if (x !== undefined && y !== undefined && ((check.op !== "equal" && x <= y) || judgeCents(x - y, parts, ctx.options) === "ok")) continue;
      }
      const a = side(ctx, left, leftOf, pair.left, names[i][0]);
      const b = side(ctx, right, rightOf, pair.right, names[i][1]);
      const [x, y] = sameUnit ? [a, b] : inOneUnit([a, b]);
      if (check.op === "equal" || x.value.gt(y.value)) equal(ctx, a, b, { code });
    }
  }
};

export const crossKinds: Kinds<"agree" | "equal" | "atLeast" | "atMost" | "byClass" | "byCode"> = {
  agree,
  equal: equalCheck,
  atLeast: bound,
  atMost: bound,
  byClass,
  byCode: byCodeCheck,
};
