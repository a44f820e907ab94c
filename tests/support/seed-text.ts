/**
 * Reads the 13 tables out of a seed disclosure (tests/fixtures/seeds/*.txt: the published PDFs as text,
 * one table row per line, cells separated by tabs). Used by tests to compare our drawing with the
 * published layout, and by scripts/sample-from-seed.ts to build the sample figures.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Pack, TableDecl } from "../../src/domain/packs/schema";
import { tableTitle } from "../../src/domain/render/render";

/** The seed documents, copied into the repository (their source: its README). */
export const SEEDS_DIR = join(__dirname, "..", "fixtures", "seeds");

export function readSeed(name: "jincheng" | "datong"): string {
  return readFileSync(join(SEEDS_DIR, `${name}-commerce-2023-budget.txt`), "utf8");
}

/** Compare texts as printed: no whitespace, ASCII punctuation and quotes as their full-width forms. */
export function norm(s: string | null | undefined): string {
  return (s ?? "")
    .replace(/\s+/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/:/g, "：")
    .replace(/["“”]/g, "“");
}

export interface SeedTable {
  id: string;
  /** Lines after the title, without the 部门名称/单位 lines, blank lines and notes; cells split on tabs. */
  rows: string[][];
  note: boolean;
  /** All text of the block, whitespace removed (for OCR'd seeds whose cells break across lines). */
  text: string;
}

export function seedTables(text: string, pack: Pack, year = 2023): Map<string, SeedTable> {
  const lines = text.split(/\r?\n/);
  const titles = new Map(pack.tables.map((t) => [norm(tableTitle(t, year)), t] as [string, TableDecl]));
  const starts: { line: number; table: TableDecl }[] = [];
  lines.forEach((l, i) => {
    const t = titles.get(norm(l));
    if (t) starts.push({ line: i, table: t });
  });
  const out = new Map<string, SeedTable>();
  starts.forEach((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].line : lines.findIndex((l, i) => i > s.line && /^第三部分/.test(l.trim()));
    const block = lines.slice(s.line + 1, end < 0 ? undefined : end);
    const kept = block.filter(
      (l) =>
        l.trim() !== "" &&
        !/^(部门名称|单位)[:：]/.test(l.trim()) &&
        !/^(预算公开表|部门公开\s*表)\s*\d+$/.test(l.trim()) &&
        !/^[-\s]+$/.test(l.replace(/\t/g, "")) &&
        !/^注[:：]/.test(l.trim()),
    );
    out.set(s.table.id, {
      id: s.table.id,
      rows: kept.map((l) => l.split("\t")),
      note: block.some((l) => /^注[:：]\s*本表无数据/.test(l.trim())),
      text: norm(kept.join("")),
    });
  });
  return out;
}
