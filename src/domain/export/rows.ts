/** The figures of a read Disclosure as TableRows: what renderTables draws into the .xlsx and the Word tables. */
import { parseAmount } from "../money";
import type { Pack } from "../packs/schema";
import type { Disclosure } from "../read/read";
import type { TableRows } from "../render/render";
import type { CellValue } from "../grid";

/**
 * Every table of the pack, body rows in the pack's column order. Amounts typed as text ("1,234.50") become
 * numbers of the same value and dashes become blanks, so the copies format them; unreadable text stays as typed.
 * A table missing from the workbook gets no rows, so it is drawn with 注：本表无数据 rather than as a template.
 */
export function rowsOf(pack: Pack, disclosure: Disclosure): TableRows {
  const rows: TableRows = {};
  for (const decl of pack.tables) {
    const table = disclosure.tables.get(decl.id);
    rows[decl.id] = (table?.rows ?? []).map((row) =>
      decl.columns.map((column, i): CellValue => {
        const value = row.cells[i]?.value ?? null;
        if (column.kind !== "amount") return value;
        const parsed = parseAmount(value);
        return parsed.kind === "amount" ? parsed.value.toNumber() : parsed.kind === "empty" ? null : value;
      }),
    );
  }
  return rows;
}
