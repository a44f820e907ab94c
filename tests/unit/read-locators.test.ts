/**
 * What the reader finds besides the pack's own captions: a column printed under another caption the pack allows
 * (its aliases: 小计 where the template prints 合计), and every note line under a table (注：本表反映… then
 * 说明：本表无数据, as the 决算 template prints them) — on 晋城 2023 as published, drawn through the Shanxi pack.
 */
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { runChecks } from "../../src/domain/checks/registry";
import type { Finding } from "../../src/domain/finding";
import type { SheetGrid } from "../../src/domain/grid";
import { builtinPack, type Pack } from "../../src/domain/packs";
import { readDisclosure } from "../../src/domain/read/read";
import { jinchengSample } from "../../src/domain/samples";
import { copyRows, gridsOf } from "../support/disclosure";

const shanxi = builtinPack("shanxi-2023");

function grids(pack: Pack): SheetGrid[] {
  return gridsOf(copyRows(jinchengSample), jinchengSample.department, 2023, pack);
}

/** The cell of `sheet` holding exactly `text` (first found), as [row, column]. */
function find(grid: SheetGrid, text: string): [number, number] {
  for (const [r, row] of grid.values.entries()) {
    const c = row.findIndex((v) => v === text);
    if (c >= 0) return [r, c];
  }
  throw new Error(`${grid.name} has no cell ${text}`);
}

const sheetOf = (gs: SheetGrid[], pack: Pack, table: string) => gs.find((g) => g.name === pack.tables.find((t) => t.id === table)!.sheetName)!;

const check = (pack: Pack, gs: SheetGrid[], kinds: string[]): Finding[] =>
  runChecks(readDisclosure(pack, gs), { ...pack, checks: pack.checks.filter((c) => kinds.includes(c.kind)) }, { strict: false, catalog: builtinCatalog(2023) });

describe("header captions with aliases", () => {
  /** 表3 with its 合计 column headed 小计. */
  function withSubtotal(pack: Pack): SheetGrid[] {
    const gs = grids(pack);
    const sheet = sheetOf(gs, pack, "T03");
    const [r, c] = find(sheet, "合计");
    sheet.values[r][c] = "小计";
    return gs;
  }
  const aliased: Pack = {
    ...shanxi,
    tables: shanxi.tables.map((t) => (t.id === "T03" ? { ...t, columns: t.columns.map((c) => (c.key === "total" ? { ...c, aliases: ["小计"] } : c)) } : t)),
  };

  test("without an alias: the column is missing (S03) and its figures are not read", () => {
    const found = check(shanxi, withSubtotal(shanxi), ["header"]);
    expect(found.map((f) => [f.rule, f.table, f.message])).toEqual([["S03", "T03", expect.stringContaining("“合计”缺失")]]);
    const t3 = readDisclosure(shanxi, withSubtotal(shanxi)).tables.get("T03")!;
    expect(t3.columns[2]).toBe(-1);
  });

  test("with 小计 as an alias of 合计: no S03, and the column read with its figures", () => {
    expect(check(aliased, withSubtotal(aliased), ["header", "columnSum"])).toEqual([]);
    const t3 = readDisclosure(aliased, withSubtotal(aliased)).tables.get("T03")!;
    expect(t3.rows[0].cells[2]?.value).toBe(5307.69);
  });
});

describe("several note lines under a table", () => {
  /** 表7 (empty in 晋城) with its drawn 注 replaced by `lines`, one a row. */
  function notes(lines: string[]): SheetGrid[] {
    const gs = grids(shanxi);
    const sheet = sheetOf(gs, shanxi, "T07");
    const [r, c] = find(sheet, String(sheet.values.flat().find((v) => typeof v === "string" && v.startsWith("注："))));
    sheet.values.splice(r, 1, ...lines.map((line) => sheet.values[r].map((_, k) => (k === c ? line : null))));
    return gs;
  }
  const FIRST = "注：本表反映部门本年度政府性基金预算财政拨款收入情况。";

  test("注 then 说明：本表无数据: the empty table is noted (no S02), and both lines are read", () => {
    const gs = notes([FIRST, "说明：本部门本年度没有政府性基金预算财政拨款收入，故本表无数据。"]);
    expect(check(shanxi, gs, ["emptyNote"]).filter((f) => f.table === "T07")).toEqual([]);
    expect(readDisclosure(shanxi, gs).tables.get("T07")!.notes.map((n) => String(n.value).slice(0, 3))).toEqual(["注：本", "说明："]);
  });

  test("the 注 alone does not say the table is empty: S02 at its title", () => {
    const found = check(shanxi, notes([FIRST]), ["emptyNote"]).filter((f) => f.table === "T07");
    expect(found.map((f) => [f.rule, f.message])).toEqual([["S02", expect.stringContaining("没有数据，但未注明")]]);
  });

  test("a blank row between the two lines: still both read", () => {
    expect(readDisclosure(shanxi, notes([FIRST, "", "说明：本表无数据。"])).tables.get("T07")!.notes).toHaveLength(2);
  });
});
