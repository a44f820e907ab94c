/**
 * `upgrade`: the 晋城 sample moved to versions 1.1.0 and 2.0.0 of the Shanxi pack carries every figure, code, name
 * and text — compared cell by cell with the source, by column key — and leaves the input's bytes as they were; a
 * column the new version lacks is reported cell by cell, and carried + reported is every cell read.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { readWorkbookFile } from "../../src/cli/grids";
import { rowsOf } from "../../src/domain/export/rows";
import { builtinPack, type Pack } from "../../src/domain/packs";
import { readPackData } from "../../src/domain/packs/validate";
import { readDisclosure } from "../../src/domain/read/read";
import { renderTables } from "../../src/domain/render/render";
import { jinchengSample as J } from "../../src/domain/samples";
import { plansToXlsx } from "../../src/xlsx/write-plans";
import { runCli, useTempDir } from "../support/cli";
import { RENAMED, shanxi110, shanxi200 } from "../support/pack-versions";

jest.setTimeout(60_000);
const tempDir = useTempDir("upgrade-");
const v100 = builtinPack("shanxi-2023");
const v110 = readPackData(shanxi110());
const digest = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** A workbook file's tables, read with `pack`, by table id and column key. */
async function tablesOf(file: string, pack: Pack) {
  const read = await readWorkbookFile(file);
  if ("error" in read) throw new Error(read.error);
  const rows = rowsOf(pack, readDisclosure(pack, read.grids));
  const byKey = Object.fromEntries(
    pack.tables.map((t) => [t.id, (rows[t.id] ?? []).map((row) => Object.fromEntries(t.columns.map((c, i) => [c.key, row[i]])))]),
  );
  return { byKey, grids: read.grids };
}

async function writeFiles() {
  const sample = path.join(tempDir(), "晋城.xlsx");
  expect((await runCli("template", "--sample", "-o", sample)).code).toBe(0);
  const packs = { "1.1.0": path.join(tempDir(), "1.1.0.json"), "2.0.0": path.join(tempDir(), "2.0.0.json") };
  fs.writeFileSync(packs["1.1.0"], JSON.stringify(shanxi110()));
  fs.writeFileSync(packs["2.0.0"], JSON.stringify(shanxi200()));
  return { sample, packs };
}

test("1.0.1 → 1.1.0: every cell carried by key, the new column empty, the renamed row under its new caption, the input unchanged", async () => {
  const { sample, packs } = await writeFiles();
  const before = digest(sample);
  const out = path.join(tempDir(), "晋城-1.1.0.xlsx");
  const r = await runCli("upgrade", sample, "--pack", packs["1.1.0"], "-o", out);
  expect(r.code).toBe(0);
  expect(r.err).toBe("");
  expect(r.out).toContain("shanxi-2023 1.0.1 → shanxi-2023 1.1.0");
  expect(r.out).toContain("  新增：表3新增列“其他支出”\n");
  expect(digest(sample)).toBe(before);

  const old = await tablesOf(sample, v100);
  const now = await tablesOf(out, v110);
  for (const t of v100.tables) {
    const expected: Record<string, unknown>[] = old.byKey[t.id].map((row) => ({ ...row, ...(t.id === "T03" ? { other: null } : {}) }));
    if (t.id === "T10") {
      // The fixed row's caption is the new pack's; its figures are the workbook's.
      const at = expected.findIndex((row) => row.item === RENAMED[0]);
      expected[at] = { ...expected[at], item: RENAMED[1] };
    }
    expect({ table: t.id, rows: now.byKey[t.id] }).toEqual({ table: t.id, rows: expected });
  }
  // The sheets without tables are copied value by value.
  for (const name of ["公开文本", "说明数据", "名词解释"]) {
    const [a, b] = [old.grids, now.grids].map((gs) => gs.find((g) => g.name === name)!.values);
    expect(b).toEqual(a);
  }
  // The result checks clean with the new version, as the sample does with the old.
  expect((await runCli("validate", out, "--pack", packs["1.1.0"])).code).toBe(0);
});

test("1.1.0 → 2.0.0: the table split off is said to be new, nothing is lost", async () => {
  const { sample, packs } = await writeFiles();
  const mid = path.join(tempDir(), "1.1.0.xlsx");
  expect((await runCli("upgrade", sample, "--pack", packs["1.1.0"], "-o", mid)).code).toBe(0);
  const out = path.join(tempDir(), "2.0.0.xlsx");
  const r = await runCli("upgrade", mid, "--from", packs["1.1.0"], "--pack", packs["2.0.0"], "-o", out);
  expect(r.code).toBe(0);
  expect(r.err).toBe("");
  expect(r.out).toContain("  新增：新增表14“机关运行经费执行情况表”\n");
});

test("a column the new version lacks: its cells listed with their old place and value; carried + listed = every cell read", async () => {
  // A workbook of version 1.1.0 with 其他支出 entered on three rows of 表3, taken back to 1.0.1, which has no such column.
  const rows = JSON.parse(JSON.stringify(J.rows));
  rows.T03 = rows.T03.map((row: unknown[], i: number) => [...row, i < 3 ? 1.5 + i : null]);
  const file = path.join(tempDir(), "1.1.0-其他支出.xlsx");
  fs.writeFileSync(file, await plansToXlsx(renderTables(v110, { department: J.department, year: J.year, rows })));
  const pack110 = path.join(tempDir(), "1.1.0.json");
  fs.writeFileSync(pack110, JSON.stringify(shanxi110()));

  const out = path.join(tempDir(), "1.0.1.xlsx");
  const r = await runCli("upgrade", file, "--from", pack110, "--pack", "shanxi-2023", "-o", out);
  expect(r.code).toBe(0);
  expect(r.err).toBe(
    "新版中放不下 3 个单元格（未转入，请手工处理）：\n" +
      ["F6  1.5", "F7  2.5", "F8  3.5"].map((c) => `  '表3 预算支出总表'!${c}  新版表3没有列“其他支出”\n`).join(""),
  );
  const read = await readWorkbookFile(file);
  if ("error" in read) throw new Error(read.error);
  const cells = [...readDisclosure(v110, read.grids).tables.values()].flatMap((t) => t.rows.flatMap((row) => row.cells.filter((c) => c && c.value !== null && c.value !== "")));
  const carried = Number(/转入 (\d+) 个单元格/.exec(r.out)![1]);
  expect(carried + 3).toBe(cells.length);
});
