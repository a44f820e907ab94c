/**
 * A template pack is data, validated here: tables declared once (title, header rows and merges,
 * columns, fixed rows) and used to draw, read and name cells. No code in packs, ever.
 */
import { amendmentSchema } from "../catalog/amendment-schema";
import { z } from "zod";
import { FIRST_YEAR, LAST_YEAR } from "../budget-year";
import { parseRange, type RangePos } from "../grid";
import { RULES } from "../rules";
import { SEVERITY_ORDER } from "../finding";
import { sheetNameProblem } from "../render/sheet-names";
import { checkReferences, checkSchema, figureReferences, FORMULA_PARAMS, formulaProblems, type CheckRow, type Reference } from "./checks";
import { documentSchema, glossaryEntrySchema, narrativeSchema, placeholders } from "./document";
import { declaredRow, physicalColumns } from "./layout";

const overlaps = (a: RangePos, b: RangePos) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

const A1_RANGE = /^[A-Z]{1,3}\d{1,7}(:[A-Z]{1,3}\d{1,7})?$/;

const rangeString = z.string().regex(A1_RANGE, "应为 A1 形式的区域，如 A1:B2");

/** A cell of a header or fixed row: text, or null where nothing is printed (an amount to enter). */
const cell = z.string().nullable();

export const columnSchema = z
  .object({
    /** Stable key: checks and readers speak of columns by key, never by letter. */
    key: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/, "应为英文字母开头的标识符"),
    /** code: subject code; name: catalogue name beside a code; label: row caption; amount: in the table's unit; text: free text. */
    kind: z.enum(["code", "name", "label", "amount", "text"]),
    /** Width in characters (of each part, when split). */
    width: z.number().positive().max(120),
    /** A code printed in several columns: their captions, e.g. 类, 款, 项. The reader also takes it in one column. */
    split: z.array(z.string().min(1)).min(2).max(3).optional(),
    /** What the column holds, in words a reader of the pack understands (本年收入合计, 一般公共预算 …). */
    role: z.string().min(1).optional(),
    /** Other captions a workbook may print over it, read as its own (小计 where the template prints 合计). */
    aliases: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.split && c.kind !== "code") ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["split"], message: "只有 code 列可以分列" });
  });

const fixedRowSchema = z
  .object({
    /** One cell per column (logical: a split code column takes one cell). */
    cells: z.array(cell),
    /** A total row (合计, 本年收入合计 …), drawn bold. */
    total: z.boolean().optional(),
    /** Merges inside the row, as ranges on row 1 of the drawn columns (e.g. "A1:B1" joins the first two cells). */
    merges: z.array(rangeString).optional(),
    /** Other captions a workbook may print for this row (e.g. 一般公共预算 for 一般公共预算资金). */
    aliases: z.array(z.string().min(1)).optional(),
  })
  .strict();

const sheetName = z.string().superRefine((s, ctx) => {
  const problem = sheetNameProblem(s);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
});

/** What a table and an input sheet share: title, columns, header, body. */
const layout = {
  sheetName,
  /** Title with placeholders: {year}. */
  title: z.string().min(1),
  columns: z.array(columnSchema).min(1),
  header: z.object({
    /** One cell per drawn column (a split code column takes one per part). */
    rows: z.array(z.array(cell)).min(1),
    /** Merges relative to the header's first row and column (A1 = top-left header cell). */
    merges: z.array(rangeString),
  }),
};

interface Layout {
  columns: { key: string; kind: string; width: number; split?: string[] }[];
  header: { rows: unknown[][]; merges: string[] };
  body: { rows: { cells: unknown[]; merges?: string[] }[]; trailing?: { cells: unknown[]; merges?: string[] }[] };
}

/** Row widths, merges inside the header and rows, unique column keys. */
function checkLayout(t: Layout, ctx: z.RefinementCtx): void {
  const width = physicalColumns(t.columns).length;
  const checkRow = (row: unknown[], path: (string | number)[], n: number, what: string) => {
    if (row.length !== n) ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: `应有 ${n} 个单元格（与${what}相同），实际 ${row.length} 个` });
  };
  t.header.rows.forEach((r, i) => checkRow(r, ["header", "rows", i], width, width === t.columns.length ? "列数" : "分列后的列数"));
  const bodyRows = [
    ...t.body.rows.map((r, i) => ({ r, path: ["body", "rows", i] })),
    ...(t.body.trailing ?? []).map((r, i) => ({ r, path: ["body", "trailing", i] })),
  ];
  bodyRows.forEach(({ r, path }) => checkRow(r.cells, [...path, "cells"], t.columns.length, "列数"));
  const inside = (ref: string, rows: number) => {
    const r = parseRange(ref);
    return r.bottom < rows && r.right < width;
  };
  t.header.merges.forEach((m, i) => {
    if (!inside(m, t.header.rows.length))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["header", "merges", i], message: `合并区域 ${m} 超出表头范围` });
    const other = t.header.merges.slice(0, i).find((o) => overlaps(parseRange(o), parseRange(m)));
    if (other) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["header", "merges", i], message: `合并区域 ${m} 与 ${other} 重叠` });
  });
  bodyRows.forEach(({ r, path }) =>
    (r.merges ?? []).forEach((m, j) => {
      if (!inside(m, 1)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, "merges", j], message: `合并区域 ${m} 超出本行范围` });
    }),
  );
  const keys = new Set<string>();
  t.columns.forEach((c, i) => {
    if (keys.has(c.key)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["columns", i, "key"], message: `列标识 ${c.key} 重复` });
    keys.add(c.key);
  });
}

export const tableSchema = z
  .object({
    id: z.string().regex(/^T\d{2}$/, "应为 T01 形式的表号"),
    /** The printed number: 预算公开表N. */
    number: z.number().int().positive(),
    ...layout,
    /** The unit of its amounts, when not the pack's. */
    unit: z.enum(["元", "万元"]).optional(),
    /** Printed under the table when it has no figures, when not the pack's note; placeholders {year}, {subject}. */
    emptyNote: z.string().min(1).optional(),
    body: z
      .object({
        /** fixed: exactly these rows; list: these leading rows, then rows the clerk adds, then the trailing rows. */
        kind: z.enum(["fixed", "list"]),
        rows: z.array(fixedRowSchema),
        /** Empty rows left for entry when the table is inserted without figures. */
        blankRows: z.number().int().min(0).max(500),
        /** Rows after those the clerk adds: a 合计 printed at the bottom. */
        trailing: z.array(fixedRowSchema).optional(),
      })
      .strict(),
    /** The table lists projects (by the label column `column`), grouped under unit rows named in `units` when given. */
    projects: z
      .object({ column: z.string(), units: z.object({ table: z.string(), column: z.string() }).strict().optional() })
      .strict()
      .optional(),
  })
  .superRefine(checkLayout);

/** A field of DisclosureInputs an input feeds: overview.duties, previous.incomeTotal … — the pack's narrative names them. */
const inputField = z.string().regex(/^[a-z][a-zA-Z0-9_]*(\.[a-z][a-zA-Z0-9_]*)*$/, "应为 overview.duties 形式的字段名");

/**
 * A sheet of inputs the tables do not hold (概况 texts, last year's figures, 政府采购): drawn and found like a table
 * but not one of the published tables. Fixed: a label column and a value column, each row feeding its `field`;
 * list: rows of codes with an amount (last year's figure of each 项), feeding the sheet's `field`.
 */
export const inputSheetSchema = z
  .object({
    id: z.string().regex(/^I\d{2}$/, "应为 I01 形式的编号"),
    /** Printed above the title where a table prints 预算公开表N: what the sheet is for. */
    hint: z.string().min(1),
    ...layout,
    /** For a list sheet: the field its rows feed, by code. */
    field: inputField.optional(),
    body: z.union([
      z
        .object({
          kind: z.literal("fixed"),
          // `yearly`: this year's only (国有资产占有使用情况 as of a date): not carried into next year's workbook.
          rows: z.array(fixedRowSchema.extend({ field: inputField, yearly: z.literal(true).optional() })).min(1),
          blankRows: z.literal(0),
        })
        .strict(),
      z.object({ kind: z.literal("list"), rows: z.array(fixedRowSchema).max(0), blankRows: z.number().int().min(0).max(500) }).strict(),
    ]),
  })
  .superRefine((t, ctx) => {
    checkLayout(t, ctx);
    const has = (...kinds: string[]) => t.columns.some((c) => kinds.includes(c.kind));
    if (t.body.kind === "fixed" && (!has("label") || !has("text", "amount")))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["columns"], message: "应有一个 label 列和一个 text 或 amount 列" });
    if (t.body.kind === "list" && (!has("code") || !has("amount") || !t.field))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["columns"], message: "按科目填列的说明数据应有 code 列、amount 列和 field" });
  });

/** A rule a pack declares, or a built-in rule it grades otherwise. */
const packRuleSchema = z
  .object({
    id: z.string().regex(/^[A-Z]\d{2}$/, "应为 F01 形式的规则编号"),
    title: z.string().min(1).max(40).optional(),
    severity: z.enum(["error", "warning", "info"]).optional(),
    message: z.string().min(1).max(300).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const say = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    if (RULES.some((b) => b.id === r.id)) {
      if (r.title !== undefined || r.message !== undefined) say(r.title !== undefined ? "title" : "message", `${r.id} 是内置规则：模板包只能调整其级别（severity）`);
      if (r.severity === undefined) say("severity", `调整内置规则 ${r.id} 时应写明级别`);
      return;
    }
    for (const field of ["title", "severity", "message"] as const) if (r[field] === undefined) say(field, `模板包自己的规则 ${r.id} 应写明 ${field}`);
  });

const packShape = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "应为小写字母、数字和连字符"),
  /** Semantic: a major step breaks workbooks made with the last one (upgrade required), a minor one does not. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "应为“主版本.次版本.修订号”，如 1.0.0"),
  name: z.string().min(1),
  /** The budget year the pack is issued for. */
  year: z.number().int().min(FIRST_YEAR).max(LAST_YEAR),
  /** Who issues it: 山西省财政厅, 上海市普陀区财政局 … */
  publisher: z.string().min(1),
  /**
   * The subject catalogue it is made for: that year's, with the amendments the bureau issues with the pack, which the
   * checks of a workbook of that budget year then apply (a withdrawn code is C02, naming the notice and date).
   */
  catalog: z.object({ year: z.number().int().min(FIRST_YEAR).max(LAST_YEAR), amendments: z.array(amendmentSchema) }).strict().optional(),
  /** The unit of every table's amounts, unless a table says otherwise. */
  unit: z.enum(["元", "万元"]),
  /** Printed under a table that has no figures; placeholders {year}, {subject}. */
  emptyNote: z.string().min(1),
  /** Printed above each table's title ({number}: the table's number), when the pack's format prints it. */
  tableNumber: z.string().min(1).nullable().default("预算公开表{number}"),
  /** The caption of the department line over each table (部门名称, 编制部门 …); null: the format prints none (决算). */
  departmentLabel: z.string().min(1).nullable().default("部门名称"),
  /** How the texts name the department itself (本部门, 本单位). */
  subject: z.string().min(1).default("本部门"),
  /** What the document is: a 预算 (budget, in spring) or a 决算 (final accounts, in autumn): its title and file names. */
  family: z.enum(["预算", "决算"]).default("预算"),
  /** 部门 or 单位 (a 部门预算 or a 单位预算): {scope} in the texts' titles and sheet names. */
  scope: z.string().min(1).default("部门"),
  tables: z.array(tableSchema).min(1),
  /** Input sheets, apart from the tables: S01 asks for the tables only. */
  inputs: z.array(inputSheetSchema),
  /**
   * The pack's own rules (an id RULES.md does not use, with its title, severity and message), and built-in rules
   * graded otherwise for this pack (the id and a severity only).
   */
  rules: z.array(packRuleSchema).default([]),
  /** The checks, as rows: a rule (of RULES.md or the pack's own), a kind, and what it applies to. */
  checks: z.array(checkSchema),
  /** The 情况说明: its sections, their figures and sentence patterns (absent: the pack has no text part). */
  narrative: narrativeSchema.optional(),
  /** The 名词解释 the document prints unless the workbook has its own. */
  glossary: z.array(glossaryEntrySchema),
  /** The published document: cover, parts in order, charts. */
  document: documentSchema,
})
  // A misspelt key is an error, not a setting silently ignored.
  .strict();

export const packSchema = packShape.superRefine((p, ctx) => {
  checkTableReferences(p.tables, ctx);
  checkRules(p, ctx);
  p.checks.forEach((c, i) => checkCheck(p.tables, c, ["checks", i], ctx, p.rules));
  checkFormulaInputs(p, ctx);
  checkTextPart(p, ctx);
  const ids = new Set<string>();
  const names = new Set<string>();
  const fields = new Set<string>();
  const sheets = [...p.tables.map((t, i) => ({ t, path: ["tables", i] })), ...p.inputs.map((t, i) => ({ t, path: ["inputs", i] }))];
  sheets.forEach(({ t, path }) => {
    if (ids.has(t.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, "id"], message: `表号 ${t.id} 重复` });
    // Excel compares sheet names ignoring case.
    const name = t.sheetName.toLowerCase();
    if (names.has(name)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, "sheetName"], message: `工作表名称 ${t.sheetName} 重复` });
    ids.add(t.id);
    names.add(name);
  });
  p.inputs.forEach((t, i) => {
    const own = t.body.kind === "fixed" ? t.body.rows.map((r, j) => ({ field: r.field, path: ["inputs", i, "body", "rows", j, "field"] })) : [];
    if (t.field) own.push({ field: t.field, path: ["inputs", i, "field"] });
    for (const { field, path } of own) {
      if (fields.has(field)) ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: `字段 ${field} 重复` });
      fields.add(field);
    }
  });
});

type Tables = z.infer<typeof tableSchema>[];

function checkTableReferences(tables: Tables, ctx: z.RefinementCtx): void {
  tables.forEach((t, i) => {
    if (!t.projects) return;
    const path = ["tables", i, "projects"];
    const label = (table: Tables[number], key: string) => table.columns.some((c) => c.key === key && c.kind === "label");
    if (!label(t, t.projects.column))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, "column"], message: `表 ${t.id} 没有文字列 ${t.projects.column}` });
    const units = t.projects.units;
    if (!units) return;
    const other = tables.find((o) => o.id === units.table);
    if (!other) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, "units", "table"], message: `模板包中没有表 ${units.table}` });
    else if (!label(other, units.column))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, "units", "column"], message: `表 ${units.table} 没有文字列 ${units.column}` });
  });
}

const KIND_NAMES: Record<string, string> = { amount: "金额", code: "编码", label: "文字", name: "名称", text: "文字" };

/** Each rule id once in the pack; a rule of the pack's own is used by some check row (else it is a slip). */
function checkRules(p: PackShape, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  p.rules.forEach((r, i) => {
    if (seen.has(r.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["rules", i, "id"], message: `规则 ${r.id} 重复` });
    seen.add(r.id);
    if (r.message !== undefined && !p.checks.some((c) => c.rule === r.id))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["rules", i, "id"], message: `规则 ${r.id} 没有任何校验行使用` });
  });
}

/** A check row names a rule of RULES.md or of the pack, and only tables, columns and rows the pack declares. */
function checkCheck(tables: Tables, c: CheckRow, path: (string | number)[], ctx: z.RefinementCtx, rules: PackShape["rules"]): void {
  const own = rules.find((r) => r.id === c.rule && r.message !== undefined);
  const builtin = RULES.find((r) => r.id === c.rule);
  if (!own && !builtin)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, "rule"], message: `RULES.md 和模板包的 rules 中都没有规则 ${c.rule}` });
  // A check row may lower its rule's severity, never raise it: a raise would be silently ignored.
  const graded = rules.find((r) => r.id === c.rule)?.severity ?? builtin?.severity;
  if (c.severity && graded && SEVERITY_ORDER[c.severity] < SEVERITY_ORDER[graded])
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, "severity"], message: `校验行只能降低规则 ${c.rule} 的级别（${graded}），不能提高；要提高请在 rules 中调整该规则` });
  // A formula's findings fill only the placeholders it has: a rule naming another would print a hole.
  const message = own?.message ?? builtin?.message;
  if (message && c.kind === "formula")
    for (const ph of message.match(/\{(\w+)\}/g) ?? [])
      if (!FORMULA_PARAMS.includes(ph.slice(1, -1)))
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [...path, "rule"],
          message: `规则 ${c.rule} 的说明中的 ${ph} 不是 formula 能填写的内容（可用：${FORMULA_PARAMS.map((x) => `{${x}}`).join("")}）`,
        });
  checkRefs(tables, checkReferences(c), path, ctx);
  if (c.kind === "formula")
    for (const problem of formulaProblems(c)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, ...problem.path], message: problem.message });
}

/** Where a reference's table is named: its own path when it names a table, else the `table` beside what it names. */
function tablePath(path: (string | number)[]): (string | number)[] {
  const last = path[path.length - 1];
  if (last === "table" || path[path.length - 2] === "tables") return path;
  let end = path.length;
  while (end > 0 && typeof path[end - 1] === "number") end--;
  return [...path.slice(0, Math.max(0, end - 1)), "table"];
}

/** Each reference names a table of the pack, and a column, row or property that table declares. */
function checkRefs(tables: Tables, refs: Reference[], path: (string | number)[], ctx: z.RefinementCtx): void {
  const say = (at: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [...path, ...at], message });
  const missing = new Set<string>();
  for (const ref of refs) {
    const table = tables.find((t) => t.id === ref.table);
    if (!table) {
      // Said once, where the table is named: the `table` field beside the column or row that needs it.
      if (!missing.has(ref.table)) say(tablePath(ref.path), `模板包中没有表 ${ref.table}`);
      missing.add(ref.table);
      continue;
    }
    if (ref.column !== undefined) {
      const column = table.columns.find((col) => col.key === ref.column);
      if (!column) say(ref.path, `表 ${ref.table} 没有列 ${ref.column}`);
      else if (ref.kinds && !ref.kinds.includes(column.kind))
        say(
          ref.path,
          `表 ${ref.table} 的列 ${ref.column} 不是${ref.kinds
            .map((k) => KIND_NAMES[k])
            .filter((k, i, a) => a.indexOf(k) === i)
            .join("或")}列`,
        );
    }
    if (ref.row !== undefined && !declaredRow(table, ref.row)) say(ref.path, `表 ${ref.table} 没有行“${ref.row}”`);
    if (ref.projects && !table.projects) say(ref.path, `表 ${ref.table} 未声明项目列（projects）`);
    if (ref.only && (table.body.kind !== "fixed" || table.body.rows.length !== 1)) say(ref.path, `表 ${ref.table} 不是只有一行的固定表`);
  }
}

/** The fields the pack's input sheets feed, by what they hold: text, or an amount. */
function inputFields(p: PackShape): { texts: Set<string>; amounts: Set<string> } {
  const texts = new Set<string>();
  const amounts = new Set<string>();
  for (const t of p.inputs) {
    const value = t.columns.find((c) => c.kind === "text" || c.kind === "amount")?.kind;
    if (t.body.kind === "fixed") for (const r of t.body.rows) (value === "text" ? texts : amounts).add(r.field);
    else if (t.field) amounts.add(t.field);
  }
  return { texts, amounts };
}

/** A formula's input figures are amount fields of the pack's input sheets. */
function checkFormulaInputs(p: PackShape, ctx: z.RefinementCtx): void {
  const { amounts } = inputFields(p);
  p.checks.forEach((c, i) => {
    if (c.kind !== "formula") return;
    const terms = [...c.left.map((t, j) => ({ t, at: ["left", j] })), ...c.right.map((t, j) => ({ t, at: ["right", j] }))];
    if (c.when) terms.push({ t: c.when.term, at: ["when", "term"] });
    for (const { t, at } of terms)
      if (t.input !== undefined && !amounts.has(t.input))
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["checks", i, ...at, "input"], message: `没有说明数据金额字段 ${t.input}` });
  });
}

const FIXED_PLACEHOLDERS = new Set(["year", "lastYear", "department", "subject", "scope"]);

/**
 * The text part names only what the pack declares: figures of its tables, input fields of its input sheets,
 * items, lists and change styles of the section a pattern stands in, sections of its narrative.
 */
function checkTextPart(p: PackShape, ctx: z.RefinementCtx): void {
  const say = (path: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
  const { texts, amounts } = inputFields(p);
  const n = p.narrative;
  const sectionIds = new Set(n?.sections.map((s) => s.id) ?? []);
  n?.sheets.forEach((sheet, i) =>
    sheet.sections.forEach((id, j) => {
      if (!sectionIds.has(id)) say(["narrative", "sheets", i, "sections", j], `情况说明中没有章节 ${id}`);
    }),
  );
  n?.sections.forEach((section, i) => {
    const path = ["narrative", "sections", i];
    if (!n.sheets.some((sheet) => sheet.sections.includes(section.id))) say([...path, "id"], `章节 ${section.id} 不在任何情况说明工作表中`);
    const keys = new Set<string>();
    const eachKeys = new Set<string>();
    section.items.forEach((item, j) => {
      const at = [...path, "items", j];
      if ("each" in item) {
        eachKeys.add(item.key);
        item.tables.forEach((t, k) =>
          checkRefs(
            p.tables,
            [
              { path: ["tables", k, "column"], table: t.table, column: t.column, kinds: ["amount"] },
              ...(t.label ? [{ path: ["tables", k, "label"], table: t.table, column: t.label, kinds: ["label"] }] : []),
              ...(t.code ? [{ path: ["tables", k, "code"], table: t.table, column: t.code, kinds: ["code"] }] : []),
            ],
            at,
            ctx,
          ),
        );
        if (item.previous && !amounts.has(item.previous)) say([...at, "previous"], `没有说明数据字段 ${item.previous}`);
        return;
      }
      keys.add(item.key);
      const v = item.value;
      if ("figures" in v) v.figures.forEach((f, k) => checkRefs(p.tables, figureReferences(f, ["value", "figures", k]), at, ctx));
      if ("inputs" in v) v.inputs.forEach((f, k) => amounts.has(f) || say([...at, "value", "inputs", k], `没有说明数据字段 ${f}`));
      if ("count" in v) checkRefs(p.tables, [{ path: ["value", "count", "table"], table: v.count.table, projects: true }], at, ctx);
      if (item.previous && !amounts.has(item.previous)) say([...at, "previous"], `没有说明数据字段 ${item.previous}`);
    });
    const lists = section.lists ?? {};
    const names = section.names ?? {};
    for (const [name, list] of Object.entries(lists))
      list.items.forEach((k, j) => keys.has(k) || eachKeys.has(k) || say([...path, "lists", name, "items", j], `本章节没有数字 ${k}`));
    for (const [name, d] of Object.entries(names))
      checkRefs(
        p.tables,
        [
          { path: ["label"], table: d.table, column: d.label, kinds: ["label", "name"] },
          { path: ["column"], table: d.table, column: d.column, kinds: ["amount"] },
          ...(d.gov ? [{ path: ["gov"], table: d.table, column: d.gov, kinds: ["label"] }] : []),
        ],
        [...path, "names", name],
        ctx,
      );
    const patterns = [
      ...section.text.map((t, j) => ({ text: typeof t === "string" ? t : t.text, at: [...path, "text", j] })),
      ...Object.entries(lists).map(([name, l]) => ({ text: l.format, at: [...path, "lists", name, "format"], inList: true })),
    ];
    for (const { text, at, inList } of patterns as { text: string; at: (string | number)[]; inList?: boolean }[])
      for (const ph of placeholders(text)) {
        const [head, rest] = ph.split(":");
        const [item, part] = head.split(".");
        const problem = FIXED_PLACEHOLDERS.has(ph)
          ? undefined
          : head === "list"
            ? rest in lists
              ? undefined
              : `没有列表 ${rest}`
            : head === "names"
              ? rest in names
                ? undefined
                : `没有名称列表 ${rest}`
              : head === "text"
                ? texts.has(rest)
                  ? undefined
                  : `没有文字字段 ${rest}`
                : inList && ["n", "name", "amount", "share", "previous", "change"].includes(item) && part === undefined
                  ? rest !== undefined && !(rest in n.changes)
                    ? `没有增减表述 ${rest}`
                    : undefined
                  : !keys.has(item)
                    ? `本章节没有数字 ${item}`
                    : part !== undefined && !["share", "previous", "change", "name"].includes(part)
                      ? `不认识的占位符 {${ph}}`
                      : rest !== undefined && !(rest in n.changes)
                        ? `没有增减表述 ${rest}`
                        : undefined;
        if (problem) say(at, `${problem}（{${ph}}）`);
      }
  });
  p.document.parts.forEach((part, i) => {
    if (part.kind === "narrative")
      part.sections.forEach((id, j) => sectionIds.has(id) || say(["document", "parts", i, "sections", j], `情况说明中没有章节 ${id}`));
    if (part.kind === "texts")
      part.texts.forEach((t, j) => texts.has(t.field) || say(["document", "parts", i, "texts", j, "field"], `没有文字字段 ${t.field}`));
  });
  const forms = p.document.forms;
  if (forms) {
    if (!sectionIds.has(forms.after)) say(["document", "forms", "after"], `情况说明中没有章节 ${forms.after}`);
    checkRefs(
      p.tables,
      [
        { path: ["table"], table: forms.table, projects: true },
        { path: ["amount"], table: forms.table, column: forms.amount, kinds: ["amount"] },
      ],
      ["document", "forms"],
      ctx,
    );
  }
  p.document.charts.forEach((chart, i) => {
    const at = ["document", "charts", i];
    if (!sectionIds.has(chart.after)) say([...at, "after"], `情况说明中没有章节 ${chart.after}`);
    if ("classes" in chart)
      checkRefs(
        p.tables,
        [
          { path: ["classes", "code"], table: chart.classes.table, column: chart.classes.code, kinds: ["code"] },
          { path: ["classes", "column"], table: chart.classes.table, column: chart.classes.column, kinds: ["amount"] },
        ],
        at,
        ctx,
      );
    else chart.bars.forEach((b, j) => checkRefs(p.tables, figureReferences(b.figure, ["bars", j, "figure"]), at, ctx));
  });
  // The narrative items the text checks name: N08's in its section, N06's in any section.
  const itemKeys = (sections: NonNullable<PackShape["narrative"]>["sections"]) =>
    new Set(sections.flatMap((s) => s.items.filter((item) => !("each" in item)).map((item) => item.key)));
  p.checks.forEach((c, i) => {
    if (c.kind === "narrativeProcurement") {
      const section = n?.sections.find((s) => s.id === c.section);
      if (!section) return say(["checks", i, "section"], `情况说明中没有章节 ${c.section}`);
      const keys = itemKeys([section]);
      const named: [(string | number)[], string][] = [
        [["total"], c.total],
        ...c.parts.map((k, j): [(string | number)[], string] => [["parts", j], k]),
        [["smes"], c.smes],
      ];
      for (const [at, key] of named) if (!keys.has(key)) say(["checks", i, ...at], `章节 ${c.section} 中没有项目 ${key}`);
    }
    if (c.kind === "inputsEntered")
      c.fields.forEach((f, j) => texts.has(f) || amounts.has(f) || say(["checks", i, "fields", j], `没有说明数据字段 ${f}`));
    if (c.kind === "narrativeEmptyTables") {
      const keys = itemKeys(n?.sections ?? []);
      c.funds.forEach((f, j) =>
        f.items.forEach((key, k) => keys.has(key) || say(["checks", i, "funds", j, "items", k], `情况说明中没有项目 ${key}`)),
      );
    }
  });
}

type PackShape = z.infer<typeof packShape>;

export type Pack = z.infer<typeof packSchema>;
export type TableDecl = z.infer<typeof tableSchema>;

export type ColumnDecl = z.infer<typeof columnSchema>;
export type InputSheetDecl = z.infer<typeof inputSheetSchema>;

/** Problems shown of a pack: a pack of thousands of bad tables lists the first ones and says how many more. */
const SHOWN_PROBLEMS = 50;

/** A pack that failed validation; `problems` name each bad field (e.g. "tables[2].sheetName"). */
export class PackError extends Error {
  constructor(readonly problems: string[]) {
    super(`模板包格式错误：${PackError.shown(problems).join("；")}`);
    this.name = "PackError";
  }

  /** The first problems, and a line saying how many more there are. */
  static shown(problems: readonly string[]): string[] {
    const more = problems.length - SHOWN_PROBLEMS;
    return more > 0 ? [...problems.slice(0, SHOWN_PROBLEMS), `……另有 ${more} 处问题`] : [...problems];
  }
}

function fieldPath(path: (string | number)[]): string {
  return path.reduce<string>((s, p) => (typeof p === "number" ? `${s}[${p}]` : s ? `${s}.${p}` : p), "") || "（根）";
}

/** zod's own messages are English; a clerk or template owner needs to read them. */
function zhMessage(issue: z.ZodIssue, data: unknown): string {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return issue.received === "undefined" ? "缺少此字段" : `类型应为 ${issue.expected}，实际为 ${issue.received}`;
    case z.ZodIssueCode.invalid_enum_value:
      return `应为 ${issue.options.join(" / ")} 之一，实际为 ${String(issue.received)}`;
    case z.ZodIssueCode.too_small:
      return issue.type === "array" ? `至少应有 ${issue.minimum} 项` : issue.type === "string" ? "不能为空" : `不能小于 ${issue.minimum}`;
    case z.ZodIssueCode.too_big:
      return issue.type === "string" ? `不能超过 ${issue.maximum} 个字符` : `不能大于 ${issue.maximum}`;
    case z.ZodIssueCode.unrecognized_keys:
      return `未知字段 ${issue.keys.join("、")}`;
    case z.ZodIssueCode.invalid_union_discriminator: {
      // zod does not say what it was given: the value at the field's path does.
      const given = issue.path.reduce<unknown>(
        (v, k) => (typeof v === "object" && v !== null ? (v as Record<string | number, unknown>)[k] : undefined),
        data,
      );
      return `应为 ${issue.options.map(String).join(" / ")} 之一，实际为 ${String(given)}`;
    }
    case z.ZodIssueCode.invalid_union:
      return "格式不符合任何一种写法";
    default:
      return issue.message;
  }
}

export type Path = (string | number)[];

/**
 * Validate unknown data (e.g. a parsed JSON file) as a pack; throws PackError naming the bad fields. `where` maps
 * a field of `data` to the field of the file the user wrote (a pack extending another is validated merged).
 */
export function parsePack(data: unknown, where: (path: Path) => Path = (p) => p): Pack {
  const result = packSchema.safeParse(data);
  if (result.success) return result.data;
  throw new PackError(result.error.issues.map((i) => `${fieldPath(where(i.path))}：${zhMessage(i, data)}`));
}
