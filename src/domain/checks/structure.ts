/**
 * S — structure and completeness (RULES.md): every table present, empty tables noted, headers as the template,
 * one department, one year, 万元, amount cells that are numbers, no placeholders left.
 */
import { normalizeName } from "../catalog/catalog";
import { parseAmount } from "../money";
import type { ReadTable } from "../read/read";
import { fillPlaceholders } from "../render/render";
import type { CheckContext } from "./context";
import { columnName, mostCommon, rowName } from "./model";
import type { Check } from "./registry";

/** The tables found, in pack order. */
function found(ctx: CheckContext): ReadTable[] {
  return ctx.pack.tables.flatMap((d) => ctx.table(d.id) ?? []);
}


/** The budget year: the one most titles state. */
function budgetYear(ctx: CheckContext): number | undefined {
  return mostCommon(found(ctx).flatMap((t) => (t.year === null ? [] : [t.year])));
}

/** A template text with the year filled in, or left out when no title states one. */
function withYear(template: string, year: number | undefined): string {
  return year === undefined ? template.replace(/\{year\}年?度?/g, "") : fillPlaceholders(template, year);
}

/** A title with no header under it (a table of contents, a caption) is not the table. */
const hasHeader = (t: ReadTable) => t.headerTop >= 0;

const presence: Check = {
  rules: ["S01"],
  run(ctx) {
    const year = budgetYear(ctx);
    for (const decl of ctx.pack.tables) {
      const t = ctx.table(decl.id);
      if (t && hasHeader(t)) continue;
      const title = withYear(decl.title, year);
      // A missing table has no place in the workbook: sheet and cell stay empty.
      const at = t ? { table: t.id, sheet: t.sheet, cell: t.title.ref.cell } : { table: decl.id, sheet: "", cell: "" };
      const detail = t ? `标题“${title}”下没有可识别的表头` : `工作簿中找不到标题为“${title}”的表`;
      ctx.report("S01", at, { params: { detail } });
    }
  },
};

/** The note an empty table carries (注：本表无数据, or a longer wording that says the table is empty). */
const EMPTY_NOTE = /本表无数据|空表/;

const emptyNote: Check = {
  rules: ["S02"],
  run(ctx) {
    const note = ctx.pack.emptyNote;
    for (const t of found(ctx).filter(hasHeader)) {
      const amountKeys = t.decl.columns.filter((c) => c.kind === "amount").map((c) => c.key);
      // Zeros are not figures: 大同 prints a table of 0 under 注：本表无数据.
      const figures = t.rows.some((r) => amountKeys.some((k) => !ctx.value(t, r, k).isZero()));
      const noted = t.note !== null && EMPTY_NOTE.test(normalizeName(String(t.note.value ?? "")));
      if (!figures && !noted)
        ctx.report("S02", { table: t.id, sheet: t.sheet, cell: t.title.ref.cell }, { params: { detail: `没有数据，但未注明“${note}”` } });
      if (figures && noted)
        ctx.report("S02", { table: t.id, ...t.note!.ref }, { params: { detail: `有数据，却注明“${String(t.note!.value).trim()}”` } });
    }
  },
};

const header: Check = {
  rules: ["S03"],
  run(ctx) {
    const year = budgetYear(ctx);
    for (const t of found(ctx).filter(hasHeader))
      for (const p of t.headerProblems)
        ctx.report("S03", { table: t.id, ...p.ref }, {
          params: { column: withYear(p.column, t.year ?? year), detail: p.kind === "missing" ? "缺失" : "的位置与表样不同" },
        });
  },
};

/** A trailing bracketed mark the budget system prints after the name (大同市商务局[部门]), cut short by OCR too. */
const departmentOf = (text: string) => normalizeName(text).replace(/\[[^\]]*\]?$/, "");

const sameDepartmentAndYear: Check = {
  rules: ["S04", "S05"],
  run(ctx) {
    const tables = found(ctx);
    const named = tables.flatMap((t) => (t.department ? [{ t, d: t.department }] : []));
    const department = mostCommon(named.map(({ d }) => departmentOf(d.text)));
    for (const { t, d } of named)
      if (departmentOf(d.text) !== department)
        ctx.report("S04", { table: t.id, ...d.ref }, { expected: department, actual: d.text });
    const year = budgetYear(ctx);
    for (const t of tables)
      if (t.year !== null && t.year !== year)
        ctx.report("S05", { table: t.id, ...t.title.ref }, { expected: String(year), actual: String(t.year) });
  },
};

const unit: Check = {
  rules: ["S06"],
  run(ctx) {
    const want = normalizeName(ctx.pack.unit);
    for (const t of found(ctx).filter(hasHeader)) {
      if (!t.unit)
        ctx.report("S06", { table: t.id, ...t.title.ref }, { params: { detail: `未注明金额单位，应为“单位：${want}”` }, expected: want });
      else if (normalizeName(t.unit.text) !== want)
        ctx.report("S06", { table: t.id, ...t.unit.ref }, {
          params: { detail: `的金额单位为“${t.unit.text}”，应为“${want}”` },
          expected: want,
          actual: t.unit.text,
        });
    }
  },
};

const amounts: Check = {
  rules: ["S07", "S08", "S09"],
  run(ctx) {
    for (const t of found(ctx)) {
      t.decl.columns.forEach((col, i) => {
        if (col.kind !== "amount") return;
        for (const row of t.rows) {
          const cell = row.cells[i];
          if (!cell) continue;
          const parsed = parseAmount(cell.value);
          const at = { table: t.id, ...cell.ref };
          const params = { row: rowName(t, row, col.key), column: columnName(t, col.key) };
          const typed = String(cell.value).trim();
          if (parsed.kind === "invalid") {
            ctx.report("S07", at, { params: { ...params, detail: `应为金额，实际为${parsed.reason}` }, actual: typed });
            continue;
          }
          // A cell of spaces alone is as blank as an empty one.
          if (parsed.normalized && typed !== "") {
            const as = parsed.kind === "amount" ? `已按金额 ${parsed.value.toFixed()} 读取` : "已按空白读取";
            ctx.report("S07", at, { params: { ...params, detail: `为文字“${typed}”，${as}` }, actual: typed, severity: "info" });
          }
          if (parsed.kind !== "amount") continue;
          if (parsed.value.decimalPlaces() > 2) ctx.report("S08", at, { params, actual: parsed.value.toFixed() });
          if (parsed.value.isNegative() && !parsed.value.isZero()) ctx.report("S09", at, { params, actual: parsed.value });
        }
      });
    }
  },
};

/**
 * Placeholders left from a template: XX/xx (not inside a Latin word), ××, 待填写/待补充, {单位}-style braces,
 * （此处填写…）/请填写. Texts are compared normalised, so full-width ＸＸ and ｛｝ count too.
 */
const PLACEHOLDER = /(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|×{2,}|待(?:填写?|补充)|\{[^{}]*\}|(?:此处|在此|请)填写/g;

const placeholders: Check = {
  rules: ["S10"],
  run(ctx) {
    for (const t of found(ctx)) {
      // Amount cells are S07's: a placeholder there is text where a number must be.
      const textCells = t.rows.flatMap((r) => r.cells.filter((c, i) => c && t.decl.columns[i].kind !== "amount"));
      const texts = [
        { text: String(t.title.value ?? ""), ref: t.title.ref },
        ...(t.department ? [t.department] : []),
        ...(t.unit ? [t.unit] : []),
        ...textCells.map((c) => ({ text: String(c!.value ?? ""), ref: c!.ref })),
        ...(t.note ? [{ text: String(t.note.value ?? ""), ref: t.note.ref }] : []),
      ];
      for (const { text, ref } of texts) {
        const hits = [...new Set(normalizeName(text).match(PLACEHOLDER) ?? [])];
        if (hits.length) ctx.report("S10", { table: t.id, ...ref }, { actual: hits.join("、") });
      }
    }
  },
};

export const structureChecks: Check[] = [presence, emptyNote, header, sameDepartmentAndYear, unit, amounts, placeholders];
