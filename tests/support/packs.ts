/** Packs cut down for tests: some tables only, with the check rows that read nothing else. */
import { checkReferences, type CheckRow } from "../../src/domain/packs/checks";

interface PackJson {
  tables: { id: string }[];
  checks: CheckRow[];
}

export function withTables<P extends PackJson>(pack: P, count: number): P {
  const tables = pack.tables.slice(0, count);
  const kept = new Set(tables.map((t) => t.id));
  return { ...pack, tables, checks: pack.checks.filter((c) => checkReferences(c).every((r) => kept.has(r.table))) };
}
