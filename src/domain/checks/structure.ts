/**
 * S — structure and completeness (RULES.md): every table present, empty tables noted, headers as the template,
 * one department, one year, the table's unit, amount cells that are numbers, no placeholders left. Each kind
 * applies to every table of the pack, or to the tables its check row lists.
 */
import { normalizeName } from "../catalog/catalog";
import type { CheckOf } from "../packs/checks";
import type { CellRef, Place } from "../finding";
import type { TableDecl } from "../packs/schema";
import { textsOfRow, type ReadCell, type ReadRow, type ReadTable } from "../read/read";
import { quoted, type Parsed } from "../money";
import { fillPlaceholders } from "../packs/text";
import { emptyNoteOf } from "../render/render";
import type { CheckContext } from "./context";
import { columnName, hasFigures, mostCommon, rowName, yearOfTitles } from "../read/model";
import { MERGE_CELL_LIMIT, SHEET_CELL_LIMIT, SHEET_MERGED_LIMIT } from "../read/bounds";
import { packRelation, relationNote } from "../packs/versions";
import type { Kinds } from "./kind";
import type { DisclosureInputs } from "../inputs";
import { inputFieldOf } from "../inputs/sheets";

type Scoped = { tables?: string[] };

/** The pack's tables a check row applies to, in pack order. */
const declsOf = (ctx: CheckContext, check: Scoped): TableDecl[] => ctx.pack.tables.filter((d) => !check.tables || check.tables.includes(d.id));

/** The tables found, in pack order (of those the row applies to). */
function found(ctx: CheckContext, check: Scoped = {}): ReadTable[] {
  return declsOf(ctx, check).flatMap((d) => ctx.table(d.id) ?? []);
}

/** The budget year the tables are judged by: the one most titles state. */
const budgetYear = (ctx: CheckContext): number | undefined => yearOfTitles(ctx.disclosure) ?? undefined;

/** A title with no header under it (a table of contents, a caption) is not the table. */
const hasHeader = (t: ReadTable) => t.headerTop >= 0;

const tablesPresent = (ctx: CheckContext, check: CheckOf<"tablesPresent">) => {
  const year = budgetYear(ctx);
  for (const decl of declsOf(ctx, check)) {
    const t = ctx.table(decl.id);
    if (t && hasHeader(t)) continue;
    const title = fillPlaceholders(decl.title, year);
    // A missing table has no place in the workbook: sheet and cell stay empty.
    const at = t ? { table: t.id, sheet: t.sheet, cell: t.title.ref.cell } : { table: decl.id, sheet: "", cell: "" };
    const detail = t ? `标题“${title}”下没有可识别的表头` : `工作簿中找不到标题为“${title}”的表`;
    ctx.report(at, { params: { detail } });
  }
};

/** The note an empty table carries (注：本表无数据, or a longer wording that says the table is empty). */
const EMPTY_NOTE = /本表无数据|空表/;

const emptyNote = (ctx: CheckContext, check: CheckOf<"emptyNote">) => {
  const year = budgetYear(ctx);
  for (const t of found(ctx, check).filter(hasHeader)) {
    const note = emptyNoteOf(ctx.pack, t.decl, year);
    const figures = hasFigures(t);
    const noted = t.notes.find((n) => EMPTY_NOTE.test(normalizeName(String(n.value ?? ""))));
    if (!figures && !noted)
      ctx.report({ table: t.id, sheet: t.sheet, cell: t.title.ref.cell }, { params: { detail: `没有数据，但未注明“${note}”` } });
    if (figures && noted) ctx.report({ table: t.id, ...noted.ref }, { params: { detail: `有数据，却注明“${String(noted.value).trim()}”` } });
  }
};

const header = (ctx: CheckContext, check: CheckOf<"header">) => {
  const year = budgetYear(ctx);
  for (const t of found(ctx, check).filter(hasHeader))
    for (const p of t.headerProblems)
      ctx.report(
        { table: t.id, ...p.ref },
        {
          params: { column: fillPlaceholders(p.column, t.year ?? year), detail: p.kind === "missing" ? "缺失" : "的位置与表样不同" },
        },
      );
};

/** A trailing bracketed mark the budget system prints after the name (大同市商务局[部门]), cut short by OCR too. */
const departmentOf = (text: string) => normalizeName(text).replace(/\[[^\]]*\]?$/, "");

const sameDepartment = (ctx: CheckContext, check: CheckOf<"sameDepartment">) => {
  const named = found(ctx, check).flatMap((t) => (t.department ? [{ t, d: t.department }] : []));
  const department = mostCommon(named.map(({ d }) => departmentOf(d.text)));
  for (const { t, d } of named)
    if (departmentOf(d.text) !== department) ctx.report({ table: t.id, ...d.ref }, { expected: department, actual: d.text });
};

const sameYear = (ctx: CheckContext, check: CheckOf<"sameYear">) => {
  const year = budgetYear(ctx);
  for (const t of found(ctx, check))
    if (t.year !== null && t.year !== year) ctx.report({ table: t.id, ...t.title.ref }, { expected: String(year), actual: String(t.year) });
};

const unit = (ctx: CheckContext, check: CheckOf<"unit">) => {
  for (const t of found(ctx, check).filter(hasHeader)) {
    const want = normalizeName(ctx.unitOf(t.id));
    if (!t.unit) ctx.report({ table: t.id, ...t.title.ref }, { params: { detail: `未注明金额单位，应为“单位：${want}”` }, expected: want });
    else if (normalizeName(t.unit.text) !== want)
      ctx.report(
        { table: t.id, ...t.unit.ref },
        { params: { detail: `的金额单位为“${t.unit.text}”，应为“${want}”` }, expected: want, actual: t.unit.text },
      );
  }
};

/** A cell read as a number. */
type Figure = Extract<Parsed, { kind: "amount" }>;

interface AmountCell<P extends Parsed = Parsed> {
  cell: ReadCell;
  parsed: P;
  t: ReadTable;
  row: ReadRow;
  key: string;
}

/**
 * The amount cells of the tables a row applies to whose parsed value `wanted` picks; where they are and their names
 * are worked out only to report (most of tens of thousands of cells are plain figures, and picked by none).
 */
function amountCells<P extends Parsed>(ctx: CheckContext, check: Scoped, wanted: (p: Parsed) => p is P): AmountCell<P>[] {
  const out: AmountCell<P>[] = [];
  for (const t of found(ctx, check))
    for (const [i, col] of t.decl.columns.entries()) {
      if (col.kind !== "amount") continue;
      // Indexed: every amount cell of every table, four rules a run.
      for (let r = 0; r < t.rows.length; r++) {
        const row = t.rows[r];
        const cell = row.cells[i];
        if (!cell) continue;
        const parsed = ctx.parse(cell);
        if (wanted(parsed)) out.push({ cell, parsed, t, row, key: col.key });
      }
    }
  return out;
}

const placeOf = (c: AmountCell): Place => ({ table: c.t.id, ...c.cell.ref });
const namesOf = (c: AmountCell) => ({ row: rowName(c.t, c.row, c.key), column: columnName(c.t, c.key) });

const amountCellsAreNumbers = (ctx: CheckContext, check: CheckOf<"amountCells">) => {
  for (const c of amountCells(ctx, check, (p): p is Parsed => p.kind === "invalid" || p.normalized)) {
    const { parsed } = c;
    const typed = quoted(String(c.cell.value).trim());
    if (parsed.kind === "invalid") ctx.report(placeOf(c), { params: { ...namesOf(c), detail: `应为金额，实际为${parsed.reason}` }, actual: typed });
    // A cell of spaces alone is as blank as an empty one.
    else if (typed !== "") {
      const as = parsed.kind === "amount" ? `已按金额 ${parsed.value.toFixed()} 读取` : "已按空白读取";
      ctx.report(placeOf(c), { params: { ...namesOf(c), detail: `为文字“${typed}”，${as}` }, actual: typed, severity: "info" });
    }
  }
};

const decimals = (ctx: CheckContext, check: CheckOf<"decimals">) => {
  for (const c of amountCells(ctx, check, (p): p is Figure => p.kind === "amount" && p.cents === undefined && p.value.decimalPlaces() > 2))
    ctx.report(placeOf(c), { params: namesOf(c), actual: c.parsed.value.toFixed() });
};

const negative = (ctx: CheckContext, check: CheckOf<"negative">) => {
  const isNegative = (p: Parsed): p is Figure => p.kind === "amount" && (p.cents === undefined ? p.value.isNegative() && !p.value.isZero() : p.cents < 0);
  for (const c of amountCells(ctx, check, isNegative)) ctx.report(placeOf(c), { params: namesOf(c), actual: c.parsed.value });
};

/**
 * Placeholders left from a template: XX/xx (not inside a Latin word), ××, 待填写/待补充, {单位}-style braces,
 * （此处填写…）/请填写. Texts are compared normalised, so full-width ＸＸ and ｛｝ count too.
 */
const PLACEHOLDER = /(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|×{2,}|待(?:填写?|补充)|\{[^{}]*\}|(?:此处|在此|请)填写/g;

const placeholders = (ctx: CheckContext, check: CheckOf<"placeholders">) => {
  for (const t of found(ctx, check)) {
    const look = (normalized: string, ref: CellRef) => {
      const hits = normalized.match(PLACEHOLDER);
      if (hits) ctx.report({ table: t.id, ...ref }, { actual: [...new Set(hits)].join("、") });
    };
    look(normalizeName(String(t.title.value ?? "")), t.title.ref);
    if (t.department) look(normalizeName(t.department.text), t.department.ref);
    if (t.unit) look(normalizeName(t.unit.text), t.unit.ref);
    // Amount cells are S07's: a placeholder there is text where a number must be. The rows' texts are normalised already.
    const textColumns = t.decl.columns.flatMap((c, i) => (c.kind === "amount" ? [] : [i]));
    for (const r of t.rows) {
      const texts = textsOfRow(r);
      for (const i of textColumns) {
        const c = r.cells[i];
        if (c) look(texts[i], c.ref);
      }
    }
    for (const n of t.notes) look(normalizeName(String(n.value ?? "")), n.ref);
  }
};

/** A table's figures and texts as read, for telling a true copy from another version. */
const contentOf = (t: ReadTable) => JSON.stringify(t.rows.map((r) => r.cells.map((c) => c?.value ?? null)));

/**
 * S12: a table the workbook holds twice. The checks read the first in sheet order; the finding stands at the other
 * copy, names both places and says which one was checked — an error when the two differ, a warning for a true copy.
 */
const repeatedTables = (ctx: CheckContext, check: CheckOf<"repeatedTables">) => {
  const ids = new Set(declsOf(ctx, check).map((d) => d.id));
  for (const copy of ctx.disclosure.repeats.filter((t) => ids.has(t.id))) {
    const used = ctx.table(copy.id)!;
    const same = contentOf(copy) === contentOf(used);
    const where = (t: ReadTable) => `工作表“${t.sheet}”${t.title.ref.cell}`;
    ctx.report(
      { table: copy.id, sheet: copy.sheet, cell: copy.title.ref.cell },
      {
        params: { detail: `${where(used)}和${where(copy)}各有一份，${same ? "内容相同" : "数字不同"}；校验按${where(used)}的一份进行` },
        related: [{ table: used.id, sheet: used.sheet, cell: used.title.ref.cell }],
        severity: same ? "warning" : "error",
      },
    );
  }
};

/** S13: a table read from a sheet hidden in Excel: checked like any other, and said to be where the clerk cannot see it. */
const hiddenTables = (ctx: CheckContext, check: CheckOf<"hiddenTables">) => {
  const hidden = new Set(ctx.disclosure.hidden ?? []);
  for (const t of found(ctx, check).filter((x) => hidden.has(x.sheet)))
    ctx.report({ table: t.id, sheet: t.sheet, cell: t.title.ref.cell }, { params: { sheet: t.sheet } });
};

/**
 * S14: a sheet whose values span more than a grid may hold — what was left unread, at the first such cell — and
 * merges too large to load, read as unmerged.
 */
const clippedSheets = (ctx: CheckContext) => {
  const limit = `${SHEET_CELL_LIMIT / 10_000} 万个单元格的上限`;
  for (const { sheet, clipped, droppedMerges } of ctx.disclosure.oversized ?? []) {
    if (clipped) {
      const detail = clipped.skipped
        ? `的数据区域过大（${clipped.spans}，超过 ${limit}），已跳过：其中 ${clipped.ignored} 个有内容的单元格未读取、未校验`
        : `中有 ${clipped.ignored} 个单元格远离其余数据（最早的在 ${clipped.first}，数据区域因此达 ${clipped.spans}，超过 ${limit}），已忽略、未校验`;
      ctx.report({ table: "", sheet, cell: clipped.first }, { params: { sheet, detail } });
    }
    if (droppedMerges?.length) {
      const [first] = droppedMerges;
      const more = droppedMerges.length > 1 ? ` 等 ${droppedMerges.length} 个` : " ";
      const detail = `的合并区域 ${first}${more}过大（单个超过 ${MERGE_CELL_LIMIT / 10_000} 万个单元格，或合计超过 ${SHEET_MERGED_LIMIT / 10_000} 万个），已按未合并读取`;
      ctx.report({ table: "", sheet, cell: first.split(":")[0] }, { params: { sheet, detail } });
    }
  }
};

/**
 * S15: the workbook was made with another version of this pack — an upgrade required (a major version: an error),
 * optional (info), or a later or edited pack than the one loaded (warnings).
 */
const packVersion = (ctx: CheckContext) => {
  const stamp = ctx.options.stamp;
  const note = stamp && relationNote(stamp, ctx.pack);
  if (!stamp || !note) return;
  const relation = packRelation(stamp, ctx.pack);
  const severity = relation.kind === "upgrade" ? (relation.required ? "error" : "info") : "warning";
  ctx.report({ table: "", sheet: "", cell: "" }, { params: { detail: note }, severity });
};

/** Whether a field of the inputs holds something: a text, a figure, or figures by code. */
function entered(inputs: DisclosureInputs, field: string): boolean {
  if (field in inputs.texts) return inputs.texts[field].trim() !== "";
  if (field in inputs.byCode) return Object.keys(inputs.byCode[field]).length > 0;
  const v = inputs.amounts[field];
  return v !== null && v !== undefined;
}

/**
 * S11: what the document needs from the input sheets is entered — checked for an export, and once the workbook
 * holds any of the pack's input sheets (a workbook of the tables alone, as a reviewer gets it, is not the document).
 * An input nobody entered is no zero and no 无: the document prints a placeholder where it goes.
 */
const inputsEntered = (ctx: CheckContext, check: CheckOf<"inputsEntered">) => {
  const inputs = ctx.options.inputs;
  if (!inputs || !(ctx.options.document || inputs.sheets?.length)) return;
  const year = budgetYear(ctx);
  for (const field of check.fields) {
    if (entered(inputs, field)) continue;
    const where = inputFieldOf(ctx.pack, field);
    const sheet = where ? fillPlaceholders(where.sheet, year) : "";
    const place = inputs.places?.[field];
    ctx.report(place ? { table: "", ...place } : { table: "", sheet: "", cell: "" }, {
      params: { item: fillPlaceholders(where?.label ?? field, year), detail: place ? "" : `（请在“${sheet}”工作表中填写）` },
    });
  }
};

export const structureKinds: Kinds<
  | "tablesPresent"
  | "repeatedTables"
  | "hiddenTables"
  | "clippedSheets"
  | "packVersion"
  | "inputsEntered"
  | "emptyNote"
  | "header"
  | "sameDepartment"
  | "sameYear"
  | "unit"
  | "amountCells"
  | "decimals"
  | "negative"
  | "placeholders"
> = {
  inputsEntered,
  repeatedTables,
  hiddenTables,
  clippedSheets,
  packVersion,
  tablesPresent,
  emptyNote,
  header,
  sameDepartment,
  sameYear,
  unit,
  amountCells: amountCellsAreNumbers,
  decimals,
  negative,
  placeholders,
};
