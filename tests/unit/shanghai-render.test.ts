/**
 * Each of the four Shanghai 普陀区 seeds, drawn through its pack with its figures, reproduces every published
 * header and body cell: the sample (src/domain/samples/shanghai-*.json) names the pack and holds the figures; the
 * seed text (tests/fixtures/seeds/shanghai-putuo-*.txt, read by tests/support/shanghai-seed.ts) is what was printed.
 *
 * The drawing is compared with the printed text, never with the sample: titles, the 编制部门/编制单位 line, the
 * unit, every header cell (in the printed header block), every body cell (codes in their 类/款/项 columns, labels,
 * amounts) and the 注 of an empty table.
 */
import { builtinPack, type TableDecl } from "../../src/domain/packs";
import type { CellValue } from "../../src/domain/grid";
import { HEADER_TOP, renderTables } from "../../src/domain/render/render";
import type { SheetPlan } from "../../src/domain/render/plan";
import { SAMPLES, type Sample } from "../../src/domain/samples";
import {
  SHANGHAI_SEEDS,
  amountOf,
  columnsOf,
  parseShanghaiSeed,
  readShanghaiSeed,
  type Cell,
  type SeedTable,
  type ShanghaiSeedName,
} from "../support/shanghai-seed";

const squash = (s: string) => s.replace(/\s+/g, "");
/** Full- and half-width colons are the same colon here (单位：元 / 单位:万元 in one document). */
const colon = (s: string) => s.replace(/:/g, "：");
const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v));

/** Whether the characters of `needle` appear in `hay` in order (not necessarily together). */
function inOrder(needle: string, hay: string): boolean {
  let at = 0;
  for (const ch of needle) {
    const found = hay.indexOf(ch, at);
    if (found < 0) return false;
    at = found + ch.length;
  }
  return true;
}

const tableId = (n: number) => `T${String(n).padStart(2, "0")}`;

/** The one built-in sample stored from the seed `name`. */
function storedSample(name: ShanghaiSeedName): Sample {
  const found = SAMPLES.filter((s) => s.source === `${name}.txt`);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The drawn body of a plan: the rows under the header, without the blank row and 注 line below them. */
function drawnBody(plan: SheetPlan, decl: TableDecl): { rows: CellValue[][]; note: string | null } {
  const rows = plan.values.slice(HEADER_TOP + decl.header.rows.length);
  const last = rows[rows.length - 1];
  const isNote = last !== undefined && /^注/.test(text(last[0])) && last.slice(1).every((c) => c === null);
  if (!isNote) return { rows, note: null };
  const blank = rows[rows.length - 2];
  expect(blank.every((c) => c === null)).toBe(true);
  return { rows: rows.slice(0, -2), note: text(last[0]) };
}

/** What the note of an empty table says, whitespace and colon width aside. */
const noteGist = (s: string) => colon(squash(s));

describe.each(SHANGHAI_SEEDS.map((name) => [name] as const))("%s drawn through its pack", (name) => {
  const seed = parseShanghaiSeed(readShanghaiSeed(name));
  const sample = storedSample(name);
  const pack = builtinPack(sample.pack);
  const plans = renderTables(pack, { department: sample.department, year: sample.year, rows: sample.rows });
  const departmentCaption = seed.variant === "unit" ? "编制单位" : "编制部门";

  it("the sample is of this seed's department and year, and its pack has the nine tables", () => {
    expect([sample.department, sample.year]).toEqual([seed.department, seed.year]);
    expect(pack.id).toBe(seed.variant === "unit" ? "shanghai-putuo-2025-unit" : "shanghai-putuo-2025");
    expect(plans.map((p) => p.tableId)).toEqual(seed.tables.map((t) => tableId(t.number)));
  });

  const cases = seed.tables.map((t) => [tableId(t.number), t] as const);

  describe.each(cases)("%s", (id, printed: SeedTable) => {
    const plan = plans.find((p) => p.tableId === id) as SheetPlan;
    const decl = pack.tables.find((t) => t.id === id) as TableDecl;
    const width = decl.columns.reduce((n, c) => n + (c.split ? c.split.length : 1), 0);

    it("title, department line and unit as printed", () => {
      const title = text(plan.values[1][0]);
      if (name === "shanghai-putuo-wanli-2024-department-budget" && id === "T09") {
        // The 2024 document prints this one title without its year (部门“三公”经费和机关运行经费预算表), the
        // other eight with it. The pack prints every title with the year, as the other three documents do, and
        // the reader takes a title with or without it: accept the drawn title less its leading year.
        expect(printed.title).not.toMatch(/^\d{4}年/);
        expect(title).toBe(`${seed.year}年${printed.title}`);
      } else expect(title).toBe(printed.title);

      expect(plan.values[2][0]).toBe(`${departmentCaption}：${seed.department}`);
      expect(colon(text(plan.values[2][0]))).toBe(colon(printed.departmentLine));
      expect(colon(text(plan.values[2][width - 1]))).toBe(colon(printed.unitLine));
      expect(printed.unitLine).toMatch(/^单位[：:](元|万元)$/);
    });

    it("every drawn header cell is printed in the header block", () => {
      expect(printed.header.length).toBeGreaterThan(0);
      const block = squash(printed.header.join(""));
      const cells = plan.values
        .slice(HEADER_TOP, HEADER_TOP + decl.header.rows.length)
        .flatMap((r) => r.filter((c): c is string | number | boolean => c !== null).map((c) => squash(text(c))));
      expect(cells.length).toBeGreaterThan(0);
      // pdftotext wraps a long caption over two lines (事业单位 / 经营收入), so a cell's characters are looked
      // for in order across the whole block, not as one run.
      const missing = cells.filter((c) => !inOrder(c, block));
      expect({ id, missing }).toEqual({ id, missing: [] });
    });

    it("the body: as many rows as printed, every cell the printed one", () => {
      const { rows } = drawnBody(plan, decl);
      expect(rows).toHaveLength(printed.rows.length);
      const logical = columnsOf(printed.number, seed.variant);
      // The pack's columns are the seed's logical columns, by key.
      expect(decl.columns.map((c) => c.key)).toEqual([...logical]);

      const mismatches: string[] = [];
      printed.rows.forEach((prow: Cell[], r) => {
        const drow = rows[r];
        expect(drow).toHaveLength(width);
        let at = 0;
        decl.columns.forEach((col, i) => {
          const p = prow[i];
          const where = `row ${r + 1} ${col.key}`;
          if (col.split) {
            const drawn = drow.slice(at, at + col.split.length);
            at += col.split.length;
            const parts = printed.codeParts[r];
            let want: (string | null)[];
            if (parts) {
              // The 2024 document prints the 款 of 30102 and 30107 as "2" and "7" (a number cell losing its
              // leading zero); the code is 30102, drawn 301 | 02.
              want = parts.map((x, k) => (k > 0 && x.length === 1 ? `0${x}` : x));
            } else want = [p];
            while (want.length < col.split.length) want.push(null);
            if (JSON.stringify(drawn) !== JSON.stringify(want))
              mismatches.push(`${where}: drawn ${JSON.stringify(drawn)}, printed ${JSON.stringify(want)}`);
            // Joined, the drawn parts give the printed code.
            if (parts && drawn.map(text).join("") !== p) mismatches.push(`${where}: drawn ${drawn.map(text).join("")}, printed code ${p}`);
            return;
          }
          const d = drow[at++];
          if (col.kind === "amount") {
            if (p === null) {
              if (d !== null) mismatches.push(`${where}: drawn ${text(d)}, printed blank`);
            } else if (typeof d !== "number" || d !== amountOf(p)) mismatches.push(`${where}: drawn ${JSON.stringify(d)}, printed ${p}`);
          } else if (p === null) {
            if (d !== null) mismatches.push(`${where}: drawn ${text(d)}, printed blank`);
          } else if (typeof d !== "string" || squash(d) !== squash(p)) mismatches.push(`${where}: drawn ${JSON.stringify(d)}, printed ${p}`);
        });
        expect(at).toBe(width);
      });
      expect(mismatches).toEqual([]);
    });

    it("an empty table carries the printed 注, exactly when the document prints it", () => {
      const { note } = drawnBody(plan, decl);
      const figures = printed.rows.some((r) => r.some((c, i) => c !== null && decl.columns[i].kind === "amount" && amountOf(c) !== 0));
      if (name === "shanghai-putuo-wanli-2024-department-budget" && id === "T09") {
        // The 2024 document prints T9's figures (47.91 … 443.18) and, below them, 注:本部门2024年无“三公”经费
        // 和机关运行经费预算，故本表为空表。 — a real inconsistency of that document. A table with figures is
        // not empty: the drawing prints the figures and no note.
        expect(printed.note).not.toBeNull();
        expect(figures).toBe(true);
        expect(note).toBeNull();
        return;
      }
      if (printed.note === null) expect(note).toBeNull();
      else {
        expect(figures).toBe(false);
        expect(note).not.toBeNull();
        expect(noteGist(note as string)).toBe(noteGist(printed.note));
      }
    });
  });

  it("T06 and T07 are the empty ones, each with its 注", () => {
    expect(seed.tables.filter((t) => t.note !== null && !/三公/.test(t.note)).map((t) => tableId(t.number))).toEqual(["T06", "T07"]);
    const noted = plans.filter((p) => drawnBody(p, pack.tables.find((t) => t.id === p.tableId) as TableDecl).note !== null);
    expect(noted.map((p) => p.tableId)).toEqual(["T06", "T07"]);
  });
});
