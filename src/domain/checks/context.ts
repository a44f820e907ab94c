/** What every check is handed: the disclosure read from the workbook, the pack, the catalogue, the tolerance. */
import type { StampedPack } from "../packs/versions";
import type { Catalog } from "../catalog/catalog";
import { SEVERITY_ORDER, type Finding, type Place, type Severity } from "../finding";
import type { DisclosureInputs } from "../inputs";
import { Decimal, formatAmount, judge, parseAmount, type Parsed, type Unit } from "../money";
import type { CheckRow } from "../packs/checks";
import { unitOf } from "../packs/decls";
import { type Pack } from "../packs/schema";
import { cellOf, type Disclosure, type ReadCell, type ReadRow, type ReadTable } from "../read/read";
import { packRuleOf, ruleTitle } from "../rules";

export interface CheckOptions {
  /**
   * The check is for the publishable document (an export): what the document needs and nobody entered is reported
   * (S11) even when the workbook has none of the pack's input sheets yet.
   */
  document?: boolean;
  /** Exact comparison, without the rounding allowance of RULES.md. */
  strict: boolean;
  catalog: Catalog;
  /** What the disclosure says besides the tables (texts, forms, the edited 情况说明); absent when not read. */
  inputs?: DisclosureInputs | null;
  /** The pack the workbook's stamp says it was made with, if it has a stamp. */
  stamp?: StampedPack | null;
}

type Figure = Decimal | string | null | undefined;
type Params = Record<string, string | number>;

export interface Report {
  /** Placeholders of the rule's message (besides expected, actual, difference); a function is called only to report. */
  params?: Params | (() => Params);
  expected?: Figure;
  actual?: Figure;
  /** The other places compared; a function is called only to report (most comparisons agree, and say nothing). */
  related?: Place[] | (() => Place[]);
  /** Overrides the rule's severity (e.g. info in the rounding zone); the check row's severity still caps it. */
  severity?: Severity;
}

const show = (f: Figure): string | undefined => (f === null || f === undefined ? undefined : typeof f === "string" ? f : formatAmount(f));

/** Messages split at their placeholders ({row}), once per message: thousands of findings may be worded per run. */
const templates = new Map<string, string[]>();

/** A rule's message with its placeholders filled in; one the check did not fill is left as written, to be seen. */
function fill(message: string, values: Record<string, string>): string {
  let parts = templates.get(message);
  if (!parts) templates.set(message, (parts = message.split(/\{(\w+)\}/)));
  let out = parts[0];
  // Odd parts are the placeholders' names, even parts the text between them.
  for (let i = 1; i < parts.length; i += 2) out += (values[parts[i]] ?? `{${parts[i]}}`) + parts[i + 1];
  return out;
}

const NO_CELL: Parsed = parseAmount(undefined);
const ZERO = new Decimal(0);

export class CheckContext {
  readonly findings: Finding[] = [];
  /** The check row being run: its rule and severity are those of every finding reported. */
  private current: CheckRow | undefined;

  constructor(
    readonly disclosure: Disclosure,
    readonly pack: Pack,
    readonly options: CheckOptions,
  ) {}

  /** Run `body` as the check row `check`. */
  as(check: CheckRow, body: () => void): void {
    this.current = check;
    try {
      body();
    } finally {
      this.current = undefined;
    }
  }

  table(id: string): ReadTable | undefined {
    return this.disclosure.tables.get(id);
  }

  /** Units and labels by table id: asked for at every figure compared. */
  private readonly units = new Map<string, Unit>();
  private readonly labels = new Map<string, string>();

  /** The unit of a table's amounts (元, 万元). */
  unitOf(id: string): Unit {
    let unit = this.units.get(id);
    if (unit === undefined) {
      const decl = this.pack.tables.find((t) => t.id === id);
      this.units.set(id, (unit = decl ? unitOf(this.pack, decl) : this.pack.unit));
    }
    return unit;
  }

  /** How messages name a table: 表1“预算收支总表”. */
  label(id: string): string {
    let label = this.labels.get(id);
    if (label === undefined) {
      const decl = this.pack.tables.find((t) => t.id === id);
      this.labels.set(id, (label = decl ? `表${decl.number}“${decl.title.replace(/^\{year\}年度?/, "")}”` : id));
    }
    return label;
  }

  /** A cell read as an amount (empty when there is no cell); parsed once, as a dozen rules read each figure. */
  parse(cell: ReadCell | undefined): Parsed {
    return cell ? (cell.parsed ??= parseAmount(cell.value)) : NO_CELL;
  }

  /** A cell's amount; empty and unreadable cells count as no amount (S07 reports the unreadable ones). */
  amount(cell: ReadCell | undefined): Decimal | null {
    const p = this.parse(cell);
    return p.kind === "amount" ? p.value : null;
  }

  /** A row's amount in a column, blank as zero: a blank printed cell means nothing is budgeted. */
  value(table: ReadTable, row: ReadRow | undefined, key: string): Decimal {
    return (row && this.amount(cellOf(table, row, key))) ?? ZERO;
  }

  /** Where a row's column is, for findings; falls back to the row's first cell when the column is missing. */
  place(table: ReadTable, row: ReadRow, key: string): Place {
    const ref = (cellOf(table, row, key) ?? row.cells.find((c) => c))?.ref;
    return { table: table.id, sheet: ref?.sheet ?? table.sheet, cell: ref?.cell ?? table.title.ref.cell };
  }

  /** A finding of the current check row's rule at `at`. */
  report(at: Place, r: Report = {}): void {
    const check = this.current;
    if (!check) throw new Error("report() outside a check");
    const rule = packRuleOf(this.pack, check.rule);
    const chosen = r.severity ?? rule.severity;
    // A pack may lower a rule's severity, never raise it.
    const severity = check.severity && SEVERITY_ORDER[check.severity] > SEVERITY_ORDER[chosen] ? check.severity : chosen;
    const expected = show(r.expected);
    const actual = show(r.actual);
    const d = r.expected instanceof Decimal && r.actual instanceof Decimal ? r.actual.minus(r.expected) : undefined;
    // Signed for programs (the finding's field); in words for people: the figure is 多/少 so much.
    const difference = d && formatAmount(d);
    const said = d ? (d.isZero() ? "相差 0.00" : `${d.gt(0) ? "多" : "少"} ${formatAmount(d.abs())}`) : "";
    const values: Record<string, string> = { table: this.label(at.table), expected: expected ?? "", actual: actual ?? "", difference: said };
    const params = (typeof r.params === "function" ? r.params() : r.params) ?? {};
    for (const k of Object.keys(params)) values[k] = String(params[k]);
    let message = fill(rule.message, values);
    if (severity === "info" && rule.severity !== "info" && difference !== undefined) message = `可能为尾差：${message}`;
    // Keys in this order, the figures only when given: as findings are written out. (No spreads: thousands per run.)
    const finding: Omit<Finding, "message"> = {
      rule: rule.id,
      severity,
      table: at.table,
      sheet: at.sheet,
      cell: at.cell,
      related: (typeof r.related === "function" ? r.related() : r.related) ?? [],
    };
    if (!ruleTitle(rule.id)) finding.title = rule.title;
    if (expected !== undefined) finding.expected = expected;
    if (actual !== undefined) finding.actual = actual;
    if (difference !== undefined) finding.difference = difference;
    this.findings.push(Object.assign(finding, { message }));
  }

  /** Whether two figures agree within the tolerance (`parts`: how many figures were summed into them). */
  within(a: Decimal, b: Decimal, parts = 1): boolean {
    return judge(a.minus(b), parts, { strict: this.options.strict }) === "ok";
  }

  /**
   * `actual` should equal `expected`, a sum of `parts` figures (1 for a single figure in another table).
   * Within the tolerance nothing is said; in the rounding zone an info; beyond it the rule's severity.
   */
  compare(at: Place, actual: Decimal, expected: Decimal, parts: number, r: Omit<Report, "expected" | "actual"> = {}): boolean {
    const verdict = judge(actual.minus(expected), parts, { strict: this.options.strict });
    if (verdict === "ok") return true;
    this.report(at, { ...r, expected, actual, severity: verdict === "rounding" ? "info" : r.severity });
    return verdict !== "error";
  }
}
