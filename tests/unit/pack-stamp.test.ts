/**
 * S15 on the 晋城 sample's figures: a workbook stamped with version 1.0.1 of the Shanxi pack, checked with 1.1.0 (an
 * upgrade it may make), 2.0.0 (one it must make), the same 1.0.1 (nothing said) or an edited 1.0.1; and the CLI
 * reading the stamp from the file's custom XML part as the add-in writes it; a bureau's pack carried in the stamp and
 * used by the CLI without --pack.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { checkWorkbook } from "../../src/domain/checks/check-workbook";
import { builtinPack, type Pack } from "../../src/domain/packs";
import { readPackData } from "../../src/domain/packs/validate";
import type { PackStamp } from "../../src/domain/port";
import { renderTables } from "../../src/domain/render/render";
import { jinchengSample as J } from "../../src/domain/samples";
import { stampFromXml, stampOf, stampToXml } from "../../src/domain/stamp";
import { packInStamp } from "../../src/domain/packs/stored";
import { writePlans } from "../../src/xlsx/write-plans";
import { runCli, useTempDir } from "../support/cli";
import { gridsOf } from "../support/disclosure";
import { bureauPack, shanxi110, shanxi200 } from "../support/pack-versions";

const v100 = builtinPack("shanxi-2023");
const v110 = readPackData(shanxi110());
const v200 = readPackData(shanxi200());
const made = stampOf(v100, J.department, J.year);

const s15 = (pack: Pack, stamp: PackStamp | null) =>
  checkWorkbook(pack, gridsOf(J.rows, J.department), { strict: false, catalogFor: builtinCatalog, stamp })
    .findings.filter((f) => f.rule === "S15")
    .map((f) => `${f.severity} ${f.message}`);

test("checked with the pack it was made with, or without a stamp: no S15", () => {
  expect(s15(v100, made)).toEqual([]);
  expect(s15(v100, null)).toEqual([]);
});

test("a minor version later: info, the upgrade optional; a major one: an error, the upgrade required", () => {
  expect(s15(v110, made)).toEqual(["info 工作簿按模板包 shanxi-2023 1.0.1 制作，当前为 1.1.0：可以升级（不升级也可照常校验和导出）"]);
  expect(s15(v200, made)).toEqual(["error 工作簿按模板包 shanxi-2023 1.0.1 制作，当前为 2.0.0（主版本不同）：须升级到新版模板包后再填报"]);
});

test("made with a later version than the one loaded, or with the same version edited: warnings", () => {
  expect(s15(v100, stampOf(v110, J.department, J.year))).toEqual([
    "warning 工作簿按模板包 shanxi-2023 1.1.0 制作，比当前的 1.0.1 新：请载入新版模板包后再校验",
  ]);
  const edited = { ...made, hash: "0123456789abcdef" };
  expect(s15(v100, edited)).toEqual([
    "warning 工作簿按模板包 shanxi-2023 1.0.1 制作，当前的同版本模板包内容不同（有人改动了模板包而未改版本号），请与发布单位核对",
  ]);
});

const tempDir = useTempDir("pack-stamp-");

test("validate --pack reads the stamp from the workbook file: the required upgrade fails the run", async () => {
  const file = path.join(tempDir(), "晋城.xlsx");
  const workbook = new ExcelJS.Workbook();
  writePlans(workbook, renderTables(v100, { department: J.department, year: J.year, rows: J.rows }));
  const parts = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  parts["customXml/item1.xml"] = strToU8(stampToXml(made));
  fs.writeFileSync(file, zipSync(parts));
  const packFile = path.join(tempDir(), "2.0.0.json");
  fs.writeFileSync(packFile, JSON.stringify(shanxi200()));

  const r = await runCli("validate", file, "--pack", packFile, "--format", "json");
  expect(r.code).toBe(1);
  const found = JSON.parse(r.out).files[0].findings.filter((f: { rule: string }) => f.rule === "S15");
  expect(found.map((f: { severity: string; message: string }) => `${f.severity} ${f.message}`)).toEqual([
    "error 工作簿按模板包 shanxi-2023 1.0.1 制作，当前为 2.0.0（主版本不同）：须升级到新版模板包后再填报",
  ]);
  // With the pack it was made with, the sample has no error at all.
  expect((await runCli("validate", file)).code).toBe(0);
});

describe("a bureau's pack travels with its workbook", () => {
  // shanxi-2023 with one rule of the bureau's own: 收入总计 of at least 6,000 万元 (晋城 has 5,307.69).
  const bureau = readPackData(bureauPack("bureau-jincheng", "收入总计不少于六千万元", "6000"));

  async function stamped(name: string, stamp: PackStamp): Promise<string> {
    const file = path.join(tempDir(), name);
    const workbook = new ExcelJS.Workbook();
    writePlans(workbook, renderTables(bureau, { department: J.department, year: J.year, rows: J.rows }));
    const parts = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
    parts["customXml/item1.xml"] = strToU8(stampToXml(stamp));
    fs.writeFileSync(file, zipSync(parts));
    return file;
  }
  const rules = (out: string) => JSON.parse(out).files[0].findings.map((f: { rule: string }) => f.rule);

  test("the stamp carries it (a pack no built-in one is), and it is read back as the same pack", () => {
    const stamp = stampOf(bureau, J.department, J.year, true);
    expect(packInStamp(stampFromXml(stampToXml(stamp)))?.checks).toEqual(bureau.checks);
    expect(stampOf(v100, J.department, J.year).data).toBeUndefined();
  });

  test("validate without --pack checks with the carried pack: its own rule fires, and the run fails", async () => {
    const r = await runCli("validate", await stamped("某局.xlsx", stampOf(bureau, J.department, J.year, true)), "--format", "json");
    expect(rules(r.out)).toContain("F01");
    expect(JSON.parse(r.out).files[0].pack.id).toBe("bureau-jincheng");
    expect(r.code).toBe(1);
  });

  test("a carried pack whose hash is not the stamp's is not used: the built-in pack whose tables the workbook holds is", async () => {
    const r = await runCli("validate", await stamped("改过.xlsx", { ...stampOf(bureau, J.department, J.year, true), hash: "0123456789abcdef" }), "--format", "json");
    expect(rules(r.out)).not.toContain("F01");
    expect(JSON.parse(r.out).files[0].pack.id).toBe("shanxi-2023");
  });
});
