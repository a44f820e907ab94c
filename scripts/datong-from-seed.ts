/**
 * Builds the 大同 sample (src/domain/samples/datong-2023.json) from the OCR'd 大同 seed disclosure: every
 * table body as published, with the OCR damage repaired. Run: npx tsx scripts/datong-from-seed.ts
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { builtinPack } from "../src/domain/packs";
import type { ColumnDecl, TableDecl } from "../src/domain/packs/schema";
import type { CellValue } from "../src/domain/grid";
import { norm, readSeed, seedTables } from "../tests/support/seed-text";

const pack = builtinPack();
const seeds = seedTables(readSeed("datong"), pack);

/** Specks the OCR read off the table rules, alone in cells that are blank on the page. */
const SPECKS = new Set(["_"]);

/**
 * Cells the OCR dropped, by table: rows of `width` cells lack the cell at `at`. T09's second page lost the
 * expense 合计 column, which its first page (header included) prints blank on every 类/款 row.
 */
const DROPPED: Partial<Record<string, { width: number; at: number }>> = { T09: { width: 7, at: 5 } };

const isCode = (text: string | undefined) => /^\d{3}(\d{2}){0,2}$/.test(norm(text));

/** "2, 178. 00" → 2178; blank or a speck → null. */
function amount(text: string | undefined): number | null {
  const t = (text ?? "").replace(/[\s,]/g, "");
  if (t === "" || SPECKS.has(t)) return null;
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`not an amount: ${text}`);
  return n;
}

/** Names break across cells and lines with stray spaces ("一般公共服 务支出"): join them back. */
function cellValue(column: ColumnDecl, text: string | undefined): CellValue {
  if (column.kind === "amount") return amount(text);
  const t = (text ?? "").replace(/\s+/g, "");
  return t === "" ? null : t;
}

/** The seed's body lines (after the header rows), dropped cells put back, cells past the table's width checked blank. */
function bodyLines(table: TableDecl): string[][] {
  const seed = seeds.get(table.id);
  if (!seed) throw new Error(`seed lacks ${table.id}`);
  const dropped = DROPPED[table.id];
  return seed.rows.slice(table.header.rows.length).map((line) => {
    const cells = dropped && line.length === dropped.width ? [...line.slice(0, dropped.at), "", ...line.slice(dropped.at)] : line;
    const extra = cells.slice(table.columns.length).filter((c) => c.trim() !== "");
    if (extra.length) throw new Error(`${table.id}: cells beyond the table: ${cells.join(" | ")}`);
    return cells;
  });
}

/**
 * Fixed tables (T01, T04, T10): gather lines until every label column reads as the pack's row (a label the OCR
 * broke over two lines takes two), then write the pack's own wording beside the figures.
 */
function fixedRows(table: TableDecl, lines: string[][]): CellValue[][] {
  let at = 0;
  const out = table.body.rows.map((decl) => {
    const labels = table.columns.map(() => "");
    const row = table.columns.map((c, i): CellValue => (c.kind === "amount" ? null : decl.cells[i]));
    // So far the lines read as the start of the pack's labels (exact: as the whole labels).
    const reads = (exact: boolean) =>
      table.columns.every((c, i) => {
        const [want, got] = [norm(decl.cells[i]), norm(labels[i])];
        return c.kind === "amount" || (exact ? want === got : want.startsWith(got));
      });
    do {
      const line = lines[at++];
      if (!line) throw new Error(`${table.id}: seed ends before ${decl.cells.filter(Boolean).join(" / ")}`);
      table.columns.forEach((c, i) => {
        const figure = c.kind === "amount" ? amount(line[i]) : null;
        if (c.kind !== "amount") labels[i] += line[i] ?? "";
        else if (figure !== null) {
          if (row[i] !== null) throw new Error(`${table.id}: two figures for ${decl.cells.filter(Boolean).join(" / ")}`);
          row[i] = figure;
        }
      });
      if (!reads(false)) throw new Error(`${table.id}: seed reads ${labels.join(" / ")}, pack ${decl.cells.join(" / ")}`);
    } while (!reads(true));
    return row;
  });
  if (at < lines.length) throw new Error(`${table.id}: seed has rows past the pack's: ${lines[at].join(" | ")}`);
  return out;
}

/**
 * List tables: a line without codes or figures is the rest of the names above it (T09 breaks 资源勘探工业信息等支出
 * over a page). The pack's leading rows (合计) come out garbled ("4 | ों।", "合 | #") or shifted into the name
 * column: their labels are the pack's.
 */
function listRows(table: TableDecl, lines: string[][]): CellValue[][] {
  const codeCols = table.columns.flatMap((c, i) => (c.kind === "code" ? [i] : []));
  const amountCols = table.columns.flatMap((c, i) => (c.kind === "amount" ? [i] : []));
  const joined: string[][] = [];
  for (const line of lines) {
    const above = joined[joined.length - 1];
    const continues = above && codeCols.length > 0 && codeCols.every((i) => !line[i]?.trim()) && amountCols.every((i) => amount(line[i]) === null);
    if (continues) line.forEach((text, i) => (above[i] = (above[i] ?? "") + text));
    else joined.push([...line]);
  }
  table.body.rows.forEach((decl, r) => {
    const line = joined[r];
    if (!line || codeCols.some((i) => isCode(line[i]))) throw new Error(`${table.id}: seed lacks the row ${decl.cells[0]}`);
    table.columns.forEach((c, i) => {
      if (c.kind !== "amount") line[i] = decl.cells[i] ?? "";
    });
  });
  return joined.map((line) => table.columns.map((c, i) => cellValue(c, line[i])));
}

const rows: Record<string, CellValue[][]> = {};
for (const table of pack.tables) {
  const lines = bodyLines(table);
  rows[table.id] = table.body.kind === "fixed" ? fixedRows(table, lines) : listRows(table, lines);
}

// The seed prints "大同市商务局[部门]": "[部门]" is the budget system's tag for the department level, not part of the name.
const sample = { department: "大同市商务局", year: 2023, pack: pack.id, source: "大同市商务局2023年度部门预算公开", rows };
// Laid out like the 晋城 sample: one table row per line keeps the file readable and its diffs small.
const tableLines = pack.tables.map((t) => {
  const body = rows[t.id].map((r) => `   [${r.map((c) => JSON.stringify(c)).join(", ")}]`);
  return `  ${JSON.stringify(t.id)}: [${body.length ? `\n${body.join(",\n")}\n  ` : ""}]`;
});
const head = Object.entries(sample)
  .filter(([key]) => key !== "rows")
  .map(([key, value]) => ` ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
const text = ["{", ...head, ' "rows": {', tableLines.join(",\n"), " }", "}", ""].join("\n");
writeFileSync(join(__dirname, "..", "src", "domain", "samples", "datong-2023.json"), text);
console.log(Object.entries(rows).map(([id, r]) => `${id}:${r.length}`).join(" "));
