/**
 * Amounts: Decimal everywhere (never binary floats), parsing of what clerks type into amount cells,
 * and the rounding tolerance of RULES.md (尾差).
 */
import Decimal from "decimal.js";
import type { CellValue } from "./grid";

export { Decimal };

/** The units amounts are printed in, and how many 元 one of each is. */
export type Unit = "元" | "万元";
export const YUAN_PER: Record<Unit, number> = { 元: 1, 万元: 10000 };

export type Parsed =
  /** An empty cell, or one that says "nothing" (-, —). */
  | { kind: "empty"; normalized: boolean }
  /**
   * A number; `normalized` when it had to be cleaned (text, separators, full-width digits …). `cents`: the amount in
   * whole cents when it has at most two decimals and 13 digits — the checks add those as plain numbers, exactly and
   * far faster; `value` is made on first use.
   */
  | { kind: "amount"; value: Decimal; normalized: boolean; cents?: number }
  /** Anything else: text, an Excel error, a date. */
  | { kind: "invalid"; reason: string };

const EMPTY_MARKS = new Set(["-", "—", "－", "–", "——", "/", "／"]);
const EXCEL_ERROR = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/** Full-width digits and punctuation to ASCII; every kind of space removed. */
function squeeze(text: string): string {
  return text.normalize("NFKC").replace(/[\s\u00a0\u3000]+/g, "");
}

/** At most this many characters of a cell are quoted in a message: a cell of 100,000 characters is not echoed. */
const QUOTED = 60;
export const quoted = (text: string): string => (text.length > QUOTED ? `${text.slice(0, QUOTED)}…（共 ${text.length} 个字符）` : text);

/** Digits an amount may have before and after the point: more is no budget figure (and would make work quadratic). */
const MAX_DIGITS = 15;

/** Shared: most cells of a table are blank, and parsed results are never changed. */
const BLANK: Parsed = { kind: "empty", normalized: false };

export function parseAmount(value: CellValue | Date | undefined): Parsed {
  if (value === null || value === undefined || value === "") return BLANK;
  if (value instanceof Date) return { kind: "invalid", reason: "日期" };
  if (typeof value === "boolean") return { kind: "invalid", reason: "逻辑值" };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "invalid", reason: "非有限数" };
    if (Math.abs(value) >= 10 ** MAX_DIGITS) return { kind: "invalid", reason: `位数过多的数（金额整数部分最多 ${MAX_DIGITS} 位）` };
    return new Amount(value, false);
  }
  const raw = value.trim();
  if (EXCEL_ERROR.test(raw)) return { kind: "invalid", reason: `Excel 错误值 ${raw}` };
  const text = squeeze(value);
  if (text === "") return { kind: "empty", normalized: true };
  if (EMPTY_MARKS.has(text)) return { kind: "empty", normalized: true };
  // 1,234.50 · (1,234.50) for negatives as accountants write them · a trailing 元/万元 is not accepted:
  // a unit inside a cell means the figure may be in the wrong unit.
  const m = /^(\()?([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\))?$/.exec(text.replace(/，/g, ","));
  if (!m || Boolean(m[1]) !== Boolean(m[5])) return { kind: "invalid", reason: `文字“${quoted(raw)}”` };
  const whole = m[3].replace(/,/g, "").replace(/^0+(?=\d)/, "");
  if (whole.length > MAX_DIGITS || (m[4] ?? "").length - 1 > MAX_DIGITS)
    return { kind: "invalid", reason: `位数过多的数（整数部分 ${whole.length} 位、小数 ${Math.max(0, (m[4] ?? "").length - 1)} 位；金额最多各 ${MAX_DIGITS} 位）` };
  const digits = `${m[1] ? "-" : m[2]}${m[3].replace(/,/g, "")}${m[4] ?? ""}`;
  return new Amount(digits, true);
}

/**
 * An amount of these digits ([+-]digits[.digits]) or of a number typed as one: whole cents worked out at once when it
 * has them, the Decimal made when first asked for. A class, not a literal with a getter: tens of thousands are made
 * per check — every field set in the constructor, so that all of them share one shape and the checks' loops stay fast.
 */
class Amount {
  readonly kind = "amount" as const;
  readonly cents: number | undefined;
  private decimal: Decimal | undefined = undefined;

  constructor(
    private readonly digits: string | number,
    readonly normalized: boolean,
  ) {
    this.cents = wholeCents(digits);
  }

  get value(): Decimal {
    // The shortest decimal that round-trips is what the clerk typed (5307.69, not 5307.6899999…).
    return (this.decimal ??= new Decimal(String(this.digits)));
  }
}

/** An amount in whole cents, or undefined when it has more than two decimals or 13 digits. */
function wholeCents(digits: string | number): number | undefined {
  if (typeof digits === "number") {
    // Below 10¹³ doubles lie less than a cent apart: the number is a whole number of cents exactly when its shortest
    // decimal (what String() gives) has at most two decimals — found without making that string.
    const cents = Math.round(digits * 100);
    return Math.abs(digits) < 1e13 && cents / 100 === digits ? cents || 0 : undefined;
  }
  const m = /^([+-]?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(digits);
  if (!m) return undefined;
  const whole = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] === "-" && whole !== 0 ? -whole : whole;
}

/** A parsed cell in whole cents: 0 when empty; undefined when not a whole number of cents (Decimals then decide). */
export function centsOf(p: Parsed): number | undefined {
  return p.kind === "empty" ? 0 : p.kind === "amount" ? p.cents : undefined;
}

/** The sum in cents, or undefined when a term is not in cents or the sum might not be exact in a double. */
export function sumCents(cents: readonly (number | undefined)[]): number | undefined {
  let total = 0;
  let magnitude = 0;
  for (const c of cents) {
    if (c === undefined) return undefined;
    total += c;
    magnitude += Math.abs(c);
  }
  return magnitude <= Number.MAX_SAFE_INTEGER ? total : undefined;
}

/** Amounts as the tables print them: two decimals, thousands separators. */
export function formatAmount(value: Decimal): string {
  const fixed = value.toFixed(2);
  const [int, frac] = fixed.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  return `${sign}${int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

export interface Tolerance {
  /** Exact comparison: no rounding allowance at all. */
  strict: boolean;
}

export type Verdict = "ok" | "rounding" | "error";

/**
 * RULES.md: a figure is the interval [v − 0.005, v + 0.005]. A total of n parts holds within 0.005 × (n + 1);
 * two single figures within 0.01. Differences up to 0.01 are silent; between 0.01 and the bound they may be
 * rounding (info); beyond the bound the rule's severity applies.
 */
export function judge(difference: Decimal, parts: number, tolerance: Tolerance): Verdict {
  const d = difference.abs();
  if (tolerance.strict) return d.isZero() ? "ok" : "error";
  if (d.lte(CENT)) return "ok";
  return d.lte(HALF_CENT.times(parts + 1)) ? "rounding" : "error";
}

/** judge() for a difference in whole cents: the same bounds (0.01 is 1 cent, 0.005 half a cent), no Decimals. */
export function judgeCents(difference: number, parts: number, tolerance: Tolerance): Verdict {
  const d = Math.abs(difference);
  if (tolerance.strict) return d === 0 ? "ok" : "error";
  if (d <= 1) return "ok";
  return d * 2 <= parts + 1 ? "rounding" : "error";
}

// Made once: judge and sum run for every figure compared (Decimals are immutable, so sharing is safe).
const CENT = new Decimal("0.01");
const HALF_CENT = new Decimal("0.005");
const ZERO = new Decimal(0);

export function sum(values: (Decimal | null | undefined)[]): Decimal {
  return values.reduce<Decimal>((s, v) => (v ? s.plus(v) : s), ZERO);
}
