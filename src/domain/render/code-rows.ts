/** Body rows of a functional-code table for chosen codes, parents included, in code order, between the table's own rows. */
import type { CellValue } from "../grid";
import type { Pack, TableDecl } from "../packs/schema";

/** The 类 and 款 above a 项 code (and the 类 above a 款), then the code itself. */
function withParents(code: string): string[] {
  const out = [code.slice(0, 3)];
  if (code.length >= 5) out.push(code.slice(0, 5));
  if (code.length === 7) out.push(code);
  return out;
}

/**
 * The tables a code picker serves: list tables with a code column first and its name beside it, which the pack checks
 * against the functional catalogue — not 收入 or 经济分类 codes.
 */
export function functionalCodeTables(pack: Pack): TableDecl[] {
  return pack.tables.filter(
    (t) =>
      t.body.kind === "list" &&
      t.columns[0]?.kind === "code" &&
      t.columns[1]?.kind === "name" &&
      pack.checks.some(
        (c) => (c.kind === "codeFormat" || c.kind === "codeInCatalog") && c.table === t.id && c.code === t.columns[0].key && c.catalog === "functional",
      ),
  );
}

/** The table's leading rows, a row per chosen code (its 类 and 款 added, in code order), then its trailing rows (a 合计 at the bottom). */
export function codeRows(table: TableDecl, codes: string[], nameOf: (code: string) => string | undefined): CellValue[][] {
  const width = table.columns.length;
  const all = [...new Set(codes.flatMap(withParents))].sort();
  const leading = table.body.rows.map((r) => [...r.cells]);
  const rows = all.map((code) => {
    const row = new Array<CellValue>(width).fill(null);
    row[0] = code;
    row[1] = nameOf(code) ?? null;
    return row;
  });
  return [...leading, ...rows, ...(table.body.trailing ?? []).map((r) => [...r.cells])];
}
