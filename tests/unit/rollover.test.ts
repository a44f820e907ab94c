/**
 * `rollover`: the 万里街道 2024 workbook made into 2025's gives the 上年 figures the published 2025 text uses — each
 * equal to the 2024 tables — so the 2025 text generated with them compares as the one generated with the seed's own;
 * code rows are kept with empty amounts, lasting texts carried, a year's own (国有资产占有使用情况) not. The 晋城 2023
 * workbook gives 2024 its ten 上年 figures from its tables.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { readWorkbookFile } from "../../src/cli/grids";
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import type { SheetGrid } from "../../src/domain/grid";
import { readInputs } from "../../src/domain/inputs/read-inputs";
import type { Decimal } from "../../src/domain/money";
import { generateNarrative } from "../../src/domain/narrative/narrative";
import { builtinPack } from "../../src/domain/packs";
import { yearOfTitles } from "../../src/domain/read/model";
import { readDisclosure } from "../../src/domain/read/read";
import { shanghaiInputs, shanghaiWanli2024Sample as W24, shanghaiWanli2025Sample as W25 } from "../../src/domain/samples";
import { samplePlans } from "../../src/domain/samples/workbook";
import { plansToXlsx } from "../../src/xlsx/write-plans";
import { runCli, useTempDir } from "../support/cli";
import { gridsOf } from "../support/disclosure";

jest.setTimeout(60_000);
const tempDir = useTempDir("rollover-");
const shanghai = builtinPack("shanghai-putuo-2025");
const previousOf = (amounts: Record<string, Decimal | null>) =>
  Object.fromEntries(Object.entries(amounts).filter(([k, v]) => k.startsWith("previous.") && v !== null).map(([k, v]) => [k, v!.toFixed(2)]));

async function gridsOfFile(file: string): Promise<SheetGrid[]> {
  const read = await readWorkbookFile(file);
  if ("error" in read) throw new Error(read.error);
  return read.grids;
}

async function rolledWanli() {
  const source = path.join(tempDir(), "万里街道2024.xlsx");
  fs.writeFileSync(source, await plansToXlsx(samplePlans(shanghai, W24)));
  const before = createHash("sha256").update(fs.readFileSync(source)).digest("hex");
  const out = path.join(tempDir(), "万里街道2025.xlsx");
  const r = await runCli("rollover", source, "--year", "2025", "-o", out);
  expect(r.code).toBe(0);
  expect(createHash("sha256").update(fs.readFileSync(source)).digest("hex")).toBe(before);
  return { r, grids: await gridsOfFile(out) };
}

test("万里街道 2024 → 2025: the 上年 figures are those the published 2025 text uses, taken from the 2024 tables", async () => {
  const { r, grids } = await rolledWanli();
  const inputs = readInputs(shanghai, grids);
  expect(previousOf(inputs.amounts)).toEqual(previousOf(shanghaiInputs(W25).amounts));
  // Said by the input sheet's captions, not by the fields' keys.
  expect(r.out).toContain("  “说明数据”的“上年财政拨款收入（预算执行数）”：15,621.11 万元\n");
  expect(r.out).not.toContain("previous.");
  // Per code, the 2024 budget of each 项 as stated in the 编制说明 (万元): 专项普查活动 2010507 is 257,700 元.
  expect(inputs.byCode["previous.byCode"]["2010507"].toFixed(2)).toBe("25.77");
  // Lasting texts carried, the year's own not.
  const w24 = shanghaiInputs(W24);
  expect(inputs.texts["overview.duties"]).toBe(w24.texts["overview.duties"]);
  expect(inputs.texts["overview.organization"]).toBe(w24.texts["overview.organization"]);
  expect(inputs.texts.assets).toBe("");
  expect(inputs.texts.projects).toBe("");
  // The tables are 2025's, their code rows kept with the amounts empty.
  const disclosure = readDisclosure(shanghai, grids);
  expect(yearOfTitles(disclosure)).toBe(2025);
  const t02 = disclosure.tables.get("T02")!;
  expect(t02.rows.map((row) => row.cells[0]?.value).slice(0, 3)).toEqual(["201", "20105", "2010507"]);
  expect(t02.rows.every((row) => row.cells.slice(2).every((c) => c === undefined || c.value === null))).toBe(true);
});

test("the 2025 text generated with the rolled-over 上年 figures compares as the one generated with the seed's", async () => {
  const { grids } = await rolledWanli();
  const rolled = readInputs(shanghai, grids);
  const seed = shanghaiInputs(W25);
  const tables = gridsOf(W25.rows, W25.department, 2025, shanghai);
  const disclosure = readDisclosure(shanghai, tables);
  const source = { pack: shanghai, disclosure, catalog: builtinCatalog(2025), department: W25.department, year: 2025 };
  // The seed states no per-code comparison: compared without it on both sides.
  const previous = Object.fromEntries(Object.entries(rolled.amounts).filter(([field]) => field.startsWith("previous.")));
  expect(Object.keys(previous).length).toBeGreaterThan(10);
  const withRolled = generateNarrative({ ...source, inputs: { ...seed, amounts: { ...seed.amounts, ...previous }, byCode: seed.byCode } });
  expect(withRolled).toEqual(generateNarrative({ ...source, inputs: seed }));
});

test("晋城 2023 → 2024: its ten 上年 figures from its tables; a year that does not follow is refused", async () => {
  const source = path.join(tempDir(), "晋城.xlsx");
  expect((await runCli("template", "--sample", "-o", source)).code).toBe(0);
  const out = path.join(tempDir(), "晋城2024.xlsx");
  expect((await runCli("rollover", source, "--year", "2024", "-o", out)).code).toBe(0);
  const inputs = readInputs(builtinPack("shanxi-2023"), await gridsOfFile(out));
  expect(previousOf(inputs.amounts)).toEqual({
    "previous.incomeTotal": "5307.69",
    "previous.expenseTotal": "5307.69",
    "previous.gpbAppropriation": "5307.69",
    "previous.threePublicTotal": "3.05",
    "previous.abroad": "0.00",
    "previous.reception": "0.50",
    "previous.vehicleTotal": "2.55",
    "previous.vehiclePurchase": "0.00",
    "previous.vehicleOperation": "2.55",
    "previous.operatingCost": "154.25",
  });
  const wrong = await runCli("rollover", source, "--year", "2025", "-o", path.join(tempDir(), "x.xlsx"));
  expect(wrong.code).toBe(2);
  expect(wrong.err).toContain("是 2023 年度的工作簿，下一年度应为 2024（收到 --year 2025）");
});
