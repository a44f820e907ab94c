/**
 * The Shanxi pack as its owner might reissue it: 1.1.0 adds a column to 表3, renames a fixed row of 表10 and re-grades
 * a check; 2.0.0 then splits 表11 in two (its second half the new 表14). Made from the built-in pack's source, as the owner would edit it.
 * And a bureau's pack that extends it with a rule of its own.
 */
import shanxi from "../../src/domain/packs/shanxi-2023.json";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const copy = (x: unknown): Json => JSON.parse(JSON.stringify(x));
const table = (pack: Json, id: string): Json => pack.tables.find((t: Json) => t.id === id);

/** The renamed row of 表10, before and after. */
export const RENAMED = ["公务接待费", "国内公务接待费"] as const;

export function shanxi110(): Json {
  const pack = copy(shanxi);
  pack.version = "1.1.0";
  const t03 = table(pack, "T03");
  t03.columns.push({ key: "other", kind: "amount", width: 13 });
  t03.header.rows[0].push(null);
  t03.header.rows[1].push("其他支出");
  t03.header.merges = t03.header.merges.map((m: string) => (m === "C1:E1" ? "C1:F1" : m));
  for (const row of [...t03.body.rows, ...(t03.body.trailing ?? [])]) row.cells.push(null);
  // A row is named in the checks by its caption: the rename is made there too.
  const text = JSON.stringify(pack).split(`"${RENAMED[0]}"`).join(`"${RENAMED[1]}"`);
  const renamed = JSON.parse(text);
  const regraded = renamed.checks.find((c: Json) => c.rule === "A01" && c.table === "T02");
  regraded.severity = "warning";
  return renamed;
}

export function shanxi200(): Json {
  const pack = shanxi110();
  pack.version = "2.0.0";
  // 表11 keeps its id (the checks and texts that read it still do); its second half is the new 表14.
  const t11 = table(pack, "T11");
  const t14 = { ...copy(t11), id: "T14", number: 14, sheetName: "表14 机关运行经费执行表", title: "{year}年机关运行经费执行情况表" };
  pack.tables.splice(pack.tables.indexOf(t11) + 1, 0, t14);
  return pack;
}

/**
 * A bureau's own pack: shanxi-2023 with one rule and check of its own, 收入总计 (表1) of at least `minimum` 万元 —
 * as a bureau writes it to load in the 模板 pane or give with --pack.
 */
export function bureauPack(id: string, title: string, minimum: string): Json {
  return {
    id,
    version: "1.0.0",
    name: "某市财政局部门预算表样",
    extends: "shanxi-2023",
    rules: [{ id: "F01", title, severity: "error", message: "{table}{row}为 {actual}，应不少于 {expected}" }],
    addChecks: [{ kind: "formula", rule: "F01", left: [{ table: "T01", column: "incomeAmount", row: "收入总计" }], op: ">=", right: [{ constant: minimum }] }],
  };
}
