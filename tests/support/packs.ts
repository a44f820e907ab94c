/** Packs cut down for tests: some tables only, with the check rows that read nothing else, and no text part. */
import { checkReferences } from "../../src/domain/packs/checks";
import type { Pack } from "../../src/domain/packs";

export function withTables(pack: Pack, count: number): Pack {
  const tables = pack.tables.slice(0, count);
  const kept = new Set(tables.map((t) => t.id));
  return {
    ...pack,
    tables,
    checks: pack.checks.filter((c) => !c.kind.startsWith("narrative") && checkReferences(c).every((r) => kept.has(r.table))),
    narrative: undefined,
    document: { ...pack.document, parts: pack.document.parts.filter((p) => p.kind !== "narrative"), charts: [], forms: undefined },
  };
}
