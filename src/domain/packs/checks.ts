/**
 * A pack's checks as rows of data: each names a rule of RULES.md (its ID), may lower its severity, and applies
 * one check kind — implemented once in src/domain/checks — to the tables, columns and rows it names by key and
 * caption. `checkReferences` lists what a row names, so that a pack naming anything it does not declare is
 * refused when loaded, with the field.
 */
import { z } from "zod";

const key = z.string().regex(/^[a-z][a-zA-Z0-9_]*$/, "应为英文字母开头的标识符");
const tableId = z.string().regex(/^T\d{2}$/, "应为 T01 形式的表号");
const severity = z.enum(["error", "warning", "info"]);
const caption = z.string().min(1);
const catalogKind = z.enum(["functional", "econDept", "income"]);

/**
 * One figure, or the sum of several, in one column of one table: the row printed with `row` as caption, the rows
 * of `codes` (by code in a code column, by catalogue name in a label column), the rows whose 政府经济科目 falls
 * under `govClass`, or the table's projects (its total row when printed, else the sum of its projects).
 */
const figureShape = {
  table: tableId,
  column: key,
  row: caption.optional(),
  /** With `row`: the n-th row printing that caption (1: the first), where a table prints one caption twice. */
  occurrence: z.number().int().min(1).max(50).optional(),
  /** With `row`: the first row printing that caption below the row captioned `under` (a heading row). */
  under: caption.optional(),
  /** The n-th row of the table's body (1: the first), whatever its caption. */
  position: z.number().int().min(1).max(100000).optional(),
  codes: z
    .array(z.string().regex(/^\d{3,7}$/, "应为 3 至 7 位数字的科目编码"))
    .min(1)
    .optional(),
  /** The column holding the codes (or names) of `codes`, or the 政府经济科目 names of `govClass`. */
  by: key.optional(),
  govClass: z
    .string()
    .regex(/^\d{3}$/, "应为 3 位数字的类编码")
    .optional(),
  /** With `govClass`: the 部门经济科目 column that decides a 政府经济科目 name the catalogue does not know. */
  dept: key.optional(),
  projects: z.literal(true).optional(),
  /** The table's only body row (a table of one row of figures, such as a 三公 table printed across). */
  only: z.literal(true).optional(),
  /** How findings name the figure, where the row and column do not say it well. */
  name: z.string().min(1).optional(),
};

type FigureFields = { [K in keyof typeof figureShape]?: unknown };

/** Exactly one way of choosing rows, with the fields it needs; a term of a formula has two more (`all`, `sameCode`). */
function checkSelectors(f: FigureFields, ctx: z.RefinementCtx, extra: number, term = false): void {
  const selectors = [f.row, f.codes, f.govClass, f.projects, f.only, f.position].filter((s) => s !== undefined).length + extra;
  if (selectors !== 1)
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `应有且只有 row、position、codes、govClass、projects、only${term ? "、all、sameCode" : ""} 之一` });
  if ((f.codes || f.govClass) && !f.by) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["by"], message: "codes 或 govClass 需要 by 列" });
  if (f.govClass && !f.dept) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["dept"], message: "govClass 需要 dept 列" });
  if ((f.occurrence !== undefined || f.under !== undefined) && f.row === undefined)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [f.occurrence !== undefined ? "occurrence" : "under"], message: "occurrence 和 under 只能与 row 同用" });
  if (f.occurrence !== undefined && f.under !== undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["under"], message: "occurrence 和 under 只能用其一" });
}

/**
 * One figure, or the sum of several, in one column of one table: the row printed with `row` as caption (its n-th
 * occurrence, or the first under a heading row), the body's n-th row, the rows of `codes` (by code in a code column,
 * by catalogue name in a label column), the rows whose 政府经济科目 falls under `govClass`, or the table's projects
 * (its total row when printed, else the sum of its projects).
 */
export const figureRefSchema = z
  .object(figureShape)
  .strict()
  .superRefine((f, ctx) => checkSelectors(f, ctx, 0));

export type FigureRef = z.infer<typeof figureRefSchema>;

/** A field of DisclosureInputs holding an amount (previous.incomeTotal): a figure the tables do not print. */
const inputField = z.string().regex(/^[a-z][a-zA-Z0-9_]*(\.[a-z][a-zA-Z0-9_]*)*$/, "应为 previous.incomeTotal 形式的字段名");

/**
 * A term of a formula: a figure as the other kinds name it, every row of a column but its total (`all`), a named
 * input figure, or a constant; in a formula run per row, a column of the current row (`column` alone) or, per code,
 * the row of the current code in another table (`sameCode`). Added, or subtracted (`sign`), `weight` times.
 */
export const termSchema = z
  .object({
    ...figureShape,
    table: tableId.optional(),
    column: key.optional(),
    all: z.literal(true).optional(),
    sameCode: z.literal(true).optional(),
    input: inputField.optional(),
    constant: z
      .string()
      .regex(/^-?\d{1,15}(\.\d{1,6})?$/, "应为数字，如 0 或 100.5")
      .optional(),
    sign: z.enum(["+", "-"]).optional(),
    weight: z.number().positive().max(1e6).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const say = (message: string, path: string[] = []) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    if (t.input !== undefined || t.constant !== undefined) {
      const own = Object.keys(t).filter((k) => !["input", "constant", "sign", "weight"].includes(k));
      if (t.input !== undefined && t.constant !== undefined) say("input 和 constant 只能用其一");
      if (own.length) say(`${t.input !== undefined ? "input" : "constant"} 项不能再有 ${own.join("、")}`, [own[0]]);
      return;
    }
    if (t.column === undefined) return say("应有 column（或 input、constant）", ["column"]);
    if (t.table === undefined) {
      const own = Object.keys(t).filter((k) => !["column", "sign", "weight", "name"].includes(k));
      if (own.length) say(`没有 table 的项指当前行的一列，不能再有 ${own.join("、")}`, [own[0]]);
      return;
    }
    if (t.sameCode && !t.by) say("sameCode 需要 by（该表的编码列）", ["by"]);
    checkSelectors(t, ctx, (t.all ? 1 : 0) + (t.sameCode ? 1 : 0), true);
  });

export type Term = z.infer<typeof termSchema>;

/** A formula run once per row: each code row, every body row, or the rows of a list of captions. */
const eachSchema = z
  .object({ table: tableId, code: key.optional(), all: z.literal(true).optional(), label: key.optional(), rows: z.array(caption).min(1).optional() })
  .strict()
  .superRefine((e, ctx) => {
    if ([e.code, e.all, e.rows].filter((x) => x !== undefined).length !== 1)
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "应有且只有 code、all、rows 之一" });
    if (e.rows && !e.label) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["label"], message: "rows 需要 label 列" });
    if (!e.rows && e.label) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["label"], message: "label 只与 rows 同用" });
  });

/** A side of an equation: the figures added up. */
const sum = z.array(figureRefSchema).min(1);

const rule = z.string().regex(/^[A-Z]\d{2}$/, "应为 A01 形式的规则编号");
const base = { rule, severity: severity.optional(), note: z.string().optional() };
/** Structure checks apply to every table of the pack, or to those listed. */
const everyTable = { ...base, tables: z.array(tableId).optional() };

const codeColumn = { table: tableId, code: key };
const side = z.object({ label: key, subtotal: caption.optional(), total: caption }).strict();

/** A check row of one kind; fields it does not know are refused (a misspelt field would silently do nothing). */
const kind = <K extends string, S extends z.ZodRawShape>(name: K, shape: S) => z.object({ kind: z.literal(name), ...shape }).strict();

export const checkSchema = z.discriminatedUnion("kind", [
  // S — structure
  kind("tablesPresent", { ...everyTable }),
  /** S12: a table the workbook holds twice (a copy left on another sheet). */
  kind("repeatedTables", { ...everyTable }),
  /** S13: a table on a sheet hidden in Excel, which a reviewer should know of. */
  kind("hiddenTables", { ...everyTable }),
  /** S14: a sheet too large to read whole: the values left unread. */
  kind("clippedSheets", { ...base }),
  /** S15: the workbook's stamp names an older (or newer, or edited) version of this pack. */
  kind("packVersion", { ...base }),
  /** S11: what the document needs from the input sheets (fields of the pack's inputs), entered. */
  kind("inputsEntered", { ...base, fields: z.array(z.string().min(1)).min(1) }),
  kind("emptyNote", { ...everyTable }),
  kind("header", { ...everyTable }),
  kind("sameDepartment", { ...everyTable }),
  kind("sameYear", { ...everyTable }),
  kind("unit", { ...everyTable }),
  kind("amountCells", { ...everyTable }),
  kind("decimals", { ...everyTable }),
  kind("negative", { ...everyTable }),
  kind("placeholders", { ...everyTable }),
  // C — subject codes
  kind("codeFormat", { ...base, ...codeColumn, catalog: catalogKind }),
  kind("codeInCatalog", { ...base, ...codeColumn, catalog: catalogKind }),
  kind("nameMatchesCatalog", { ...base, ...codeColumn, name: key, catalog: catalogKind }),
  /** C10: one code, one name across the tables the pack's nameMatchesCatalog rows of `catalog` name. */
  kind("codeNamesAgree", { ...base, catalog: catalogKind }),
  kind("codeParents", { ...base, ...codeColumn, catalog: catalogKind }),
  kind("codeOrder", { ...base, ...codeColumn, catalog: catalogKind }),
  kind("econNames", { ...base, table: tableId, dept: key, gov: key }),
  kind("econPairs", { ...base, table: tableId, dept: key, gov: key }),
  /** The expense rows of a summary table are official 类, in official order; `complete`: all of them. */
  kind("classList", { ...base, table: tableId, label: key, complete: z.boolean() }),
  // A — arithmetic inside one table
  /** In every row: `total` = Σ `parts`. */
  kind("columnSum", { ...base, table: tableId, total: key, parts: z.array(key).min(1) }),
  /** 类 = Σ 款, 款 = Σ 项, in `amounts` (every amount column when omitted). */
  kind("hierarchy", { ...base, ...codeColumn, amounts: z.array(key).min(1).optional() }),
  /** The total row = Σ the 类 rows. */
  kind("totalOfClasses", { ...base, ...codeColumn, amounts: z.array(key).min(1).optional() }),
  /** Two sides of a summary table: items add up to their (sub)totals, and the two totals agree. */
  kind("balance", {
    ...base,
    table: tableId,
    /** Absent: only the expense side is summed (further columns of a side whose balance another row checks). */
    income: side.extend({ amount: key }).optional(),
    /** The first of `amounts` is the side's total: the income total is compared with it. */
    expense: side.extend({ amounts: z.array(key).min(1) }),
  }),
  /** The row captioned `total` = Σ the rows captioned `parts`, in `amounts` (every amount column when omitted). */
  kind("rowSum", {
    ...base,
    table: tableId,
    label: key,
    total: caption,
    parts: z.array(caption).min(1),
    detail: z.string().min(1),
    amounts: z.array(key).min(1).optional(),
  }),
  /** Economic groups by name (工资福利支出 over its items): group = Σ items, total = Σ groups; `homes`: 类 code → column. */
  kind("econGroups", { ...base, table: tableId, dept: key, gov: key, homes: z.record(z.string().regex(/^\d{3}$/), key) }),
  /** Items of an economic 类 have amounts only in its home column (`homes`: 类 code → column). */
  kind("columnHome", { ...base, ...codeColumn, homes: z.record(z.string().regex(/^\d{3}$/), key) }),
  /** The total row = Σ every other named row (`detail` names them in messages: 各单位之和). */
  kind("listTotal", { ...base, table: tableId, label: key, detail: z.string().min(1) }),
  /** Units = Σ their projects, the department = Σ units (the table declares its projects). */
  kind("projectGroups", { ...base, table: tableId }),
  // X — across tables
  /** One figure printed in several tables: each agrees with the one most of them agree on. */
  kind("agree", { ...base, figures: z.array(figureRefSchema).min(2) }),
  kind("equal", { ...base, left: sum, right: sum }),
  /**
   * Σ±`left` op Σ±`right`, once or per row (`each`), when a term is non-zero or filled (`when`); `tolerance` in the
   * larger unit of the tables named (input figures are 万元), else the rounding allowance of RULES.md for the figures summed.
   */
  kind("formula", {
    ...base,
    left: z.array(termSchema).min(1),
    op: z.enum(["=", "<=", ">="]),
    right: z.array(termSchema).min(1),
    each: eachSchema.optional(),
    when: z.object({ term: termSchema, is: z.enum(["nonZero", "filled"]) }).strict().optional(),
    tolerance: z.number().min(0).max(1e9).optional(),
  }),
  kind("atLeast", { ...base, left: sum, right: sum }),
  kind("atMost", { ...base, left: sum, right: sum }),
  /** Each expense 类 row of a summary table (by catalogue name) against the 类 rows (by code) of a code table. */
  kind("byClass", {
    ...base,
    left: z.object({ table: tableId, label: key, column: key }).strict(),
    right: z.object({ table: tableId, code: key, column: key }).strict(),
  }),
  /** Per code: Σ `left` columns against Σ `right` columns, equal (codes of either table) or at most (codes of the left). */
  kind("byCode", {
    ...base,
    op: z.enum(["equal", "atMost"]),
    left: z.object({ table: tableId, code: key }).strict(),
    right: z.object({ table: tableId, code: key }).strict(),
    columns: z.array(z.object({ left: z.array(key).min(1), right: z.array(key).min(1), name: z.string().min(1).optional() }).strict()).min(1),
  }),
  // X15/X16 — performance forms against the projects of a table
  kind("formAmounts", { ...base, table: tableId, amount: key }),
  kind("formCoverage", { ...base, table: tableId }),
  // X17, N — the 情况说明 text (its sections and figures are the pack's narrative)
  kind("narrativeFigures", { ...base }),
  kind("narrativeSections", { ...base }),
  kind("narrativeChanges", { ...base }),
  kind("narrativeReasons", { ...base }),
  kind("narrativeRepeats", { ...base }),
  kind("narrativeClassNames", { ...base }),
  /** What the text says of empty tables: each fund's word, its tables, and the narrative items that state it. */
  kind("narrativeEmptyTables", {
    ...base,
    funds: z.array(z.object({ word: z.string().min(1), tables: z.array(tableId).min(1), items: z.array(z.string()) }).strict()).min(1),
  }),
  kind("narrativeYears", { ...base }),
  /** N13: a 决算 text's 完成年初预算的p% and 决算数大于/小于预算数 against the two figures it states. */
  kind("narrativeBudgetActual", { ...base }),
  /** N12 (info): how many amounts of the text were read, compared, and left unchecked. */
  kind("narrativeCoverage", { ...base }),
  kind("narrativeSubjectAmounts", { ...base }),
  kind("narrativeScope", { ...base }),
  kind("narrativePunctuation", { ...base }),
  /** 政府采购: the items of a section stating the total, its parts and the share for small firms. */
  kind("narrativeProcurement", { ...base, section: z.string().min(1), total: z.string(), parts: z.array(z.string()).min(1), smes: z.string() }),
]);

export type CheckRow = z.infer<typeof checkSchema>;
export type CheckKind = CheckRow["kind"];
export type CheckOf<K extends CheckKind> = Extract<CheckRow, { kind: K }>;

/** What a check row names: a table, a column of it (of certain kinds), or a row of it (by caption). */
export interface Reference {
  path: (string | number)[];
  table: string;
  column?: string;
  /** The kinds of column that fit (amount, code …). */
  kinds?: readonly string[];
  /** A row, by the caption its pack declaration prints. */
  row?: string;
  /** The table must declare its projects. */
  projects?: true;
  /** The table must have exactly one body row. */
  only?: true;
}

const AMOUNT = ["amount"] as const;
const CODE = ["code"] as const;
const LABEL = ["label", "name", "code"] as const;

/** What a figure reference names, with where (its path prefixed by `path`). */
export function figureReferences(f: FigureRef, path: (string | number)[]): Reference[] {
  const refs: Reference[] = [{ path: [...path, "column"], table: f.table, column: f.column, kinds: AMOUNT }];
  if (f.row) refs.push({ path: [...path, "row"], table: f.table, row: f.row });
  if (f.under) refs.push({ path: [...path, "under"], table: f.table, row: f.under });
  if (f.by) refs.push({ path: [...path, "by"], table: f.table, column: f.by, kinds: LABEL });
  if (f.dept) refs.push({ path: [...path, "dept"], table: f.table, column: f.dept, kinds: LABEL });
  if (f.projects) refs.push({ path: [...path, "projects"], table: f.table, projects: true });
  if (f.only) refs.push({ path: [...path, "only"], table: f.table, only: true });
  return refs;
}

const columns = (table: string, keys: string[] | undefined, path: (string | number)[], kinds: readonly string[]): Reference[] =>
  (keys ?? []).map((column, i) => ({ path: [...path, i], table, column, kinds }));

/** Everything a check row names, with where it names it. */
export function checkReferences(c: CheckRow): Reference[] {
  const col = (table: string, column: string, field: string, kinds: readonly string[]): Reference => ({ path: [field], table, column, kinds });
  switch (c.kind) {
    case "tablesPresent":
    case "emptyNote":
    case "header":
    case "sameDepartment":
    case "sameYear":
    case "unit":
    case "amountCells":
    case "decimals":
    case "negative":
    case "placeholders":
      return (c.tables ?? []).map((table, i) => ({ path: ["tables", i], table }));
    case "codeFormat":
    case "codeInCatalog":
    case "codeParents":
    case "codeOrder":
      return [{ path: ["table"], table: c.table }, col(c.table, c.code, "code", CODE)];
    case "nameMatchesCatalog":
      return [{ path: ["table"], table: c.table }, col(c.table, c.code, "code", CODE), col(c.table, c.name, "name", LABEL)];
    case "econNames":
    case "econPairs":
      return [{ path: ["table"], table: c.table }, col(c.table, c.dept, "dept", LABEL), col(c.table, c.gov, "gov", LABEL)];
    case "classList":
      return [{ path: ["table"], table: c.table }, col(c.table, c.label, "label", LABEL)];
    case "columnSum":
      return [{ path: ["table"], table: c.table }, col(c.table, c.total, "total", AMOUNT), ...columns(c.table, c.parts, ["parts"], AMOUNT)];
    case "hierarchy":
    case "totalOfClasses":
      return [{ path: ["table"], table: c.table }, col(c.table, c.code, "code", CODE), ...columns(c.table, c.amounts, ["amounts"], AMOUNT)];
    case "balance":
      return [
        { path: ["table"], table: c.table },
        ...(c.income
          ? [
              { path: ["income", "label"], table: c.table, column: c.income.label, kinds: LABEL },
              { path: ["income", "amount"], table: c.table, column: c.income.amount, kinds: AMOUNT },
            ]
          : []),
        ...columns(c.table, c.expense.amounts, ["expense", "amounts"], AMOUNT),
        { path: ["expense", "label"], table: c.table, column: c.expense.label, kinds: LABEL },
        ...(["income", "expense"] as const).flatMap((s) =>
          (["subtotal", "total"] as const).flatMap((k) => {
            const row = c[s]?.[k];
            return row ? [{ path: [s, k], table: c.table, row }] : [];
          }),
        ),
      ];
    case "rowSum":
      return [
        { path: ["table"], table: c.table },
        col(c.table, c.label, "label", LABEL),
        { path: ["total"], table: c.table, row: c.total },
        ...c.parts.map((row, i) => ({ path: ["parts", i], table: c.table, row })),
        ...columns(c.table, c.amounts, ["amounts"], AMOUNT),
      ];
    case "econGroups":
      return [
        { path: ["table"], table: c.table },
        col(c.table, c.dept, "dept", LABEL),
        col(c.table, c.gov, "gov", LABEL),
        ...Object.entries(c.homes).map(([cls, column]) => ({ path: ["homes", cls], table: c.table, column, kinds: AMOUNT })),
      ];
    case "columnHome":
      return [
        { path: ["table"], table: c.table },
        col(c.table, c.code, "code", CODE),
        ...Object.entries(c.homes).map(([cls, column]) => ({ path: ["homes", cls], table: c.table, column, kinds: AMOUNT })),
      ];
    case "listTotal":
      return [{ path: ["table"], table: c.table }, col(c.table, c.label, "label", LABEL)];
    case "projectGroups":
    case "formCoverage":
      return [{ path: ["table"], table: c.table, projects: true }];
    case "formAmounts":
      return [{ path: ["table"], table: c.table, projects: true }, col(c.table, c.amount, "amount", AMOUNT)];
    case "agree":
      return c.figures.flatMap((f, i) => figureReferences(f, ["figures", i]));
    case "equal":
    case "atLeast":
    case "atMost":
      return [...c.left.flatMap((f, i) => figureReferences(f, ["left", i])), ...c.right.flatMap((f, i) => figureReferences(f, ["right", i]))];
    case "formula":
      return formulaReferences(c);
    case "byClass":
      return [
        { path: ["left", "label"], table: c.left.table, column: c.left.label, kinds: LABEL },
        { path: ["left", "column"], table: c.left.table, column: c.left.column, kinds: AMOUNT },
        { path: ["right", "code"], table: c.right.table, column: c.right.code, kinds: CODE },
        { path: ["right", "column"], table: c.right.table, column: c.right.column, kinds: AMOUNT },
      ];
    case "byCode":
      return [
        { path: ["left", "code"], table: c.left.table, column: c.left.code, kinds: CODE },
        { path: ["right", "code"], table: c.right.table, column: c.right.code, kinds: CODE },
        ...c.columns.flatMap((pair, i) => [
          ...columns(c.left.table, pair.left, ["columns", i, "left"], AMOUNT),
          ...columns(c.right.table, pair.right, ["columns", i, "right"], AMOUNT),
        ]),
      ];
    case "inputsEntered":
    case "repeatedTables":
    case "hiddenTables":
    case "clippedSheets":
    case "packVersion":
    case "codeNamesAgree":
      return [];
    case "narrativeEmptyTables":
      return c.funds.flatMap((f, i) => f.tables.map((table, j) => ({ path: ["funds", i, "tables", j], table })));
    case "narrativeFigures":
    case "narrativeCoverage":
    case "narrativeBudgetActual":
    case "narrativeSections":
    case "narrativeChanges":
    case "narrativeReasons":
    case "narrativeRepeats":
    case "narrativeClassNames":
    case "narrativeYears":
    case "narrativeProcurement":
    case "narrativeSubjectAmounts":
    case "narrativeScope":
    case "narrativePunctuation":
      return [];
  }
}

/** What a term names; a term of the current row names its column in the table the formula runs over. */
function termReferences(t: Term, path: (string | number)[], each: CheckOf<"formula">["each"]): Reference[] {
  if (t.input !== undefined || t.constant !== undefined || t.column === undefined) return [];
  if (t.table === undefined) return each ? [{ path: [...path, "column"], table: each.table, column: t.column, kinds: AMOUNT }] : [];
  if (t.all || t.sameCode)
    return [
      { path: [...path, "column"], table: t.table, column: t.column, kinds: AMOUNT },
      ...(t.sameCode && t.by ? [{ path: [...path, "by"], table: t.table, column: t.by, kinds: CODE }] : []),
    ];
  return figureReferences(t as FigureRef, path);
}

function formulaReferences(c: CheckOf<"formula">): Reference[] {
  const e = c.each;
  return [
    ...(e
      ? [
          { path: ["each", "table"], table: e.table },
          ...(e.code ? [{ path: ["each", "code"], table: e.table, column: e.code, kinds: CODE }] : []),
          ...(e.label ? [{ path: ["each", "label"], table: e.table, column: e.label, kinds: LABEL }] : []),
          ...(e.rows ?? []).map((row, i) => ({ path: ["each", "rows", i], table: e.table, row })),
        ]
      : []),
    ...c.left.flatMap((t, i) => termReferences(t, ["left", i], e)),
    ...c.right.flatMap((t, i) => termReferences(t, ["right", i], e)),
    ...(c.when ? termReferences(c.when.term, ["when", "term"], e) : []),
  ];
}

/** The placeholders a formula's findings fill in: a rule's message may use these. */
export const FORMULA_PARAMS = ["table", "row", "other", "code", "detail", "formula", "expected", "actual", "difference"];

/** Where a formula is wired so that it cannot run: a term of the current row without `each`, sameCode without `each.code`. */
export function formulaProblems(c: CheckOf<"formula">): { path: (string | number)[]; message: string }[] {
  const terms = [
    ...c.left.map((t, i) => ({ t, path: ["left", i] })),
    ...c.right.map((t, i) => ({ t, path: ["right", i] })),
    ...(c.when ? [{ t: c.when.term, path: ["when", "term"] }] : []),
  ];
  const out: { path: (string | number)[]; message: string }[] = [];
  for (const { t, path } of terms) {
    if (t.column !== undefined && t.table === undefined && !c.each) out.push({ path: [...path, "table"], message: "没有 each 时，每项都应写明 table" });
    if (t.sameCode && !c.each?.code) out.push({ path: [...path, "sameCode"], message: "sameCode 只能用于按科目逐行（each.code）的公式" });
  }
  return out;
}
