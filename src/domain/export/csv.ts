/** CSV as Excel reads and writes it: RFC 4180 quoting, a byte-order mark, formula-like text made inert. */

/** Rows of fields; quoted fields may hold commas, doubled quotes and line breaks. Blank lines give no row; a BOM is dropped. */
export function parseCsv(csv: string): string[][] {
  const text = csv.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== "") rows.push(row);
    row = [];
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") endRow();
    else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length) endRow();
  return rows;
}

// Excel runs a cell that starts like a formula; a plain number cannot be one and stays a number.
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?[\d,]*\.?\d+$/;

/** One field: formula-like text made inert with a leading ', quoted when it holds a comma, quote or line break. */
function csvField(value: string): string {
  const safe = FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Lines ending in CRLF as RFC 4180 says, after a byte-order mark so that Excel reads the Chinese as UTF-8. */
export function csvText(rows: string[][]): string {
  return `\uFEFF${rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("")}`;
}
