/** Body rows of a functional-code table (T02/T03/T05/T08) for chosen codes, parents included, in code order. */
import type { CellValue } from "../grid";
import type { TableDecl } from "../packs/schema";

/** The 类 and 款 above a 项 code (and the 类 above a 款), then the code itself. */
function withParents(code: string): string[] {
  const out = [code.slice(0, 3)];
  if (code.length >= 5) out.push(code.slice(0, 5));
  if (code.length === 7) out.push(code);
  return out;
}

/** True when the table lists functional codes in its first column (the tables a code picker serves). */
export function takesCodeRows(table: TableDecl): boolean {
  return table.body.kind === "list" && table.columns[0]?.kind === "code" && table.columns[1]?.kind === "name";
}

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
  return [...leading, ...rows];
}
