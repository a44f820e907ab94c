/**
 * Properties over generated disclosures (fast-check): a consistent disclosure yields no error; changing any
 * one amount by 1.00 or more yields an error on that table or on a table that must agree with it.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/domain/grid";
import { checkReferences } from "../../src/domain/packs/checks";
import { check, pack } from "../support/disclosure";
import { CATALOG_ITEMS, synthesize, type Spec } from "../support/synthetic";

const spec: fc.Arbitrary<Spec> = fc.record({
  department: fc.constant("测试市测试局"),
  items: fc.uniqueArray(
    fc.record({
      code: fc.constantFrom(...CATALOG_ITEMS),
      basic: fc.integer({ min: 0, max: 5_000_000 }),
      project: fc.integer({ min: 0, max: 5_000_000 }),
      fund: fc.constantFrom<"gpb" | "fund">("gpb", "gpb", "fund"),
    }),
    { minLength: 1, maxLength: 10, selector: (i) => i.code },
  ),
  publicShare: fc.integer({ min: 0, max: 60 }),
  projectsPerItem: fc.integer({ min: 1, max: 3 }),
});

/** The tables the pack's check rows of a rule read: a change there may show as a finding elsewhere. */
const tablesOfRule = (rule: string) =>
  new Set(pack.checks.filter((c) => c.rule === rule).flatMap((c) => checkReferences(c).map((r) => r.table)));

const errors = (rows: ReturnType<typeof synthesize>, department: string) => check(rows, department).filter((f) => f.severity === "error");

test("a consistent disclosure yields no error", () => {
  fc.assert(
    fc.property(spec, (s) => {
      expect(errors(synthesize(s), s.department)).toEqual([]);
    }),
    { numRuns: 60 },
  );
});

test("changing any one amount by 1.00 or more yields an error where it must", () => {
  fc.assert(
    fc.property(
      spec,
      fc.nat(),
      fc.nat(),
      fc.constantFrom(1, -1, 12.34, -250, 1000.01),
      (s, pickCell, pickTable, delta) => {
        const rows = synthesize(s);
        const tables = pack.tables.filter((t) => (rows[t.id]?.length ?? 0) > 0);
        const table = tables[pickTable % tables.length];
        const amountCols = table.columns.flatMap((c, i) => (c.kind === "amount" ? [i] : []));
        const body = rows[table.id]!;
        const cells = body.flatMap((_r, ri) => amountCols.map((ci) => [ri, ci] as const));
        const [ri, ci] = cells[pickCell % cells.length];
        const before = body[ri][ci];
        const after: CellValue = Math.round(((typeof before === "number" ? before : 0) + delta) * 100) / 100;
        body[ri][ci] = after;
        const found = errors(rows, s.department);
        const where = `${table.id} row ${ri} col ${table.columns[ci].key}: ${String(before)} → ${after}`;
        const relevant = found.filter((f) => f.table === table.id || tablesOfRule(f.rule).has(table.id));
        expect({ where, relevant: relevant.length > 0 }).toEqual({ where, relevant: true });
      },
    ),
    { numRuns: 150 },
  );
});
