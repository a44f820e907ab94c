/**
 * Builds the built-in sample (src/domain/samples/jincheng-2023.json) from the 晋城 seed disclosure:
 * every table body as published. Run: npx tsx scripts/sample-from-seed.ts
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { builtinPack } from "../src/domain/packs";
import type { CellValue } from "../src/domain/grid";
import { readSeed, seedTables } from "../tests/support/seed-text";
import { compactJson } from "./compact-json";

const pack = builtinPack();
const tables = seedTables(readSeed("jincheng"), pack);
const rows: Record<string, CellValue[][]> = {};
for (const table of pack.tables) {
  const seed = tables.get(table.id);
  if (!seed) throw new Error(`seed lacks ${table.id}`);
  rows[table.id] = seed.rows.slice(table.header.rows.length).map((cells) =>
    table.columns.map((c, i) => {
      const text = (cells[i] ?? "").trim();
      if (text === "") return null;
      if (c.kind !== "amount") return text;
      const n = Number(text.replace(/[,\s]/g, ""));
      if (!Number.isFinite(n)) throw new Error(`${table.id}: not an amount: ${text}`);
      return n;
    }),
  );
}
const sample = { department: "晋城市商务局", year: 2023, pack: pack.id, source: "晋城市商务局2023年度部门预算公开", rows };
writeFileSync(join(__dirname, "..", "src", "domain", "samples", "jincheng-2023.json"), compactJson(sample));
console.log(
  Object.entries(rows)
    .map(([id, r]) => `${id}:${r.length}`)
    .join(" "),
);
