/**
 * Next year's workbook from this year's: the tables with their code rows kept and their amounts empty, the texts that
 * do not change with the year (职责, 机构设置, 其他说明 …; a pack marks the others `yearly`), the 名词解释, and this
 * year's figures as next year's 上年 figures. Which figure becomes which 上年 field is what the pack's 情况说明 already
 * says: an item stating a figure and its change from last year names both, so this year's value of the item is next
 * year's value of that field (and per code for an item stated for each 项).
 */
import type { Catalog } from "./catalog/catalog";
import { rowsOf } from "./export/rows";
import type { SheetGrid } from "./grid";
import type { DisclosureInputs } from "./inputs";
import { renderContents, renderGlossary } from "./inputs/narrative";
import { readInputs } from "./inputs/read-inputs";
import { renderInputSheets, type SheetInputs } from "./inputs/sheets";
import type { Decimal } from "./money";
import { contentsOf } from "./narrative/contents";
import { narrativeFacts } from "./narrative/facts";
import { isEach } from "./packs/decls";
import type { Pack } from "./packs/schema";
import { readDisclosure, type Disclosure } from "./read/read";
import type { SheetPlan } from "./render/plan";
import { renderTables, type TableRows } from "./render/render";

export interface RolloverSource {
  /** This year's pack, and next year's (the same one, re-dated, when there is no newer one). */
  pack: Pack;
  next: Pack;
  grids: SheetGrid[];
  catalog: Catalog;
  department: string;
  year: number;
}

/** This year's figures as next year's 上年 fields, by field (万元), and per code for the fields by code. */
export function previousFigures(src: Omit<RolloverSource, "next" | "grids">, disclosure: Disclosure, inputs: DisclosureInputs): Pick<SheetInputs, "amounts" | "byCode"> {
  const facts = narrativeFacts({ ...src, disclosure, inputs });
  const amounts: Record<string, Decimal | null> = {};
  const byCode: Record<string, Record<string, Decimal>> = {};
  for (const section of src.pack.narrative?.sections ?? [])
    for (const decl of section.items) {
      if (!decl.previous) continue;
      const items = facts.sections[section.id] ?? [];
      if (isEach(decl)) {
        const codes = (byCode[decl.previous] ??= {});
        for (const item of items.filter((i) => i.key.startsWith(`${decl.key}:`))) if (item.amount) codes[item.key.slice(decl.key.length + 1)] = item.amount;
      } else {
        const item = items.find((i) => i.key === decl.key);
        if (item?.amount) amounts[decl.previous] = item.amount;
      }
    }
  return { amounts, byCode };
}

/** The tables that list rows by code, with those rows kept and their amounts empty; the other tables as templates. */
function codeRowsOnly(pack: Pack, next: Pack, disclosure: Disclosure): TableRows {
  const rows = rowsOf(pack, disclosure);
  const out: TableRows = {};
  for (const decl of next.tables) {
    const before = pack.tables.find((t) => t.id === decl.id);
    if (!before || decl.body.kind !== "list" || decl.projects || !decl.columns.some((c) => c.kind === "code")) continue;
    const at = decl.columns.map((c) => before.columns.findIndex((o) => o.key === c.key));
    out[decl.id] = (rows[decl.id] ?? []).map((row) => decl.columns.map((c, j) => (c.kind === "amount" || at[j] < 0 ? null : (row[at[j]] ?? null))));
  }
  return out;
}

/** Next year's workbook: its tables, input sheets, 名词解释 and 目录. */
export function rollover(src: RolloverSource): { plans: SheetPlan[]; previous: Pick<SheetInputs, "amounts" | "byCode"> } {
  const { pack, next, grids, department } = src;
  const year = src.year + 1;
  const disclosure = readDisclosure(pack, grids);
  const inputs = readInputs(pack, grids);
  const previous = previousFigures(src, disclosure, inputs);
  const yearly = new Set(pack.inputs.flatMap((d) => (d.body.kind === "fixed" ? d.body.rows.filter((r) => r.yearly).map((r) => r.field) : [])));
  const texts = Object.fromEntries(Object.entries(inputs.texts).filter(([field]) => !yearly.has(field)));
  return {
    previous,
    plans: [
      ...renderTables(next, { department, year, rows: codeRowsOnly(pack, next, disclosure) }),
      ...renderInputSheets(next, { department, year, inputs: { texts, ...previous } }),
      renderGlossary(inputs.glossary ?? next.glossary),
      renderContents(contentsOf(next, year, department)),
    ],
  };
}
