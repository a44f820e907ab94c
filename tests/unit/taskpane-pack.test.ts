/**
 * The pack the task pane works with: 校验 and 导出 by the stamp, else by the tables the workbook holds; what the 模板
 * pane's code picker fills for each pack; the preview's samples by id.
 */
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import { builtinPack } from "../../src/domain/packs";
import { renderTables } from "../../src/domain/render/render";
import { SAMPLES, jinchengSample, sampleOf, shanghaiCommerceSample, shanghaiCommerceUnitSample, type Sample } from "../../src/domain/samples";
import { MemoryWorkbook } from "../../src/preview/memory-workbook";
import { SAMPLE_ENTRIES, initialSample } from "../../src/preview/samples";
import { runCheck } from "../../src/taskpane/check";
import { codeRows, functionalCodeTables } from "../../src/domain/render/code-rows";
import { packOf } from "../../src/taskpane/pack";
import { inputSheetNames, insertChartSheets, insertInputSheets } from "../../src/taskpane/export";

async function workbookOf(sample: Sample, stamped: boolean): Promise<MemoryWorkbook> {
  const pack = builtinPack(sample.pack);
  const wb = new MemoryWorkbook();
  const { department, year, rows } = sample;
  await wb.apply(renderTables(pack, { department, year, rows }), stamped ? { pack: pack.id, version: pack.version, department, year } : undefined);
  return wb;
}

describe("the pack of a check", () => {
  it.each([
    ["stamped", true],
    ["not stamped (chosen by its tables)", false],
  ])("a Shanghai workbook %s is checked with the Shanghai pack", async (_, stamped) => {
    const wb = await workbookOf(shanghaiCommerceSample, stamped);
    const run = await runCheck(wb, { stamp: await wb.metadata.get(), strict: false, catalogFor: builtinCatalog });
    expect(run.pack.id).toBe("shanghai-putuo-2025");
    expect(run.result.tablesFound).toHaveLength(9);
    expect(run).toMatchObject({ year: 2025, department: "上海市普陀区商务委员会" });
    expect(run.result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("the 单位预算 workbook is checked with the 单位预算 pack, without a stamp too", async () => {
    const wb = await workbookOf(shanghaiCommerceUnitSample, false);
    const run = await runCheck(wb, { stamp: null, strict: false, catalogFor: builtinCatalog });
    expect(run.pack.id).toBe("shanghai-putuo-2025-unit");
  });

  it("插入图表 reads the catalogue of the year the titles state when the workbook has no stamp", async () => {
    const wb = await workbookOf(jinchengSample, false);
    const years: number[] = [];
    const catalogFor = (year: number) => (years.push(year), builtinCatalog(year));
    await insertChartSheets(wb, null, catalogFor);
    expect(years).toEqual([2023]);
  });

  it("the stamp wins over the tables; an empty workbook without one takes the default pack", async () => {
    const wb = await workbookOf(jinchengSample, false);
    const grids = await wb.readGrids();
    const shanghai = builtinPack("shanghai-putuo-2025");
    expect(packOf(null, grids).id).toBe("shanxi-2023");
    expect(packOf({ pack: shanghai.id, version: shanghai.version, department: "某某局", year: 2025 }, grids).id).toBe(shanghai.id);
    expect(packOf(null, []).id).toBe("shanxi-2023");
  });
});

describe("the 模板 pane's code tables", () => {
  it("are the tables the pack checks against the functional catalogue: no 收入 or 经济分类 codes", () => {
    const ids = (id: string) => functionalCodeTables(builtinPack(id)).map((t) => t.id);
    expect(ids("shanxi-2023")).toEqual(["T02", "T03", "T05", "T08"]);
    expect(ids("shanghai-putuo-2025")).toEqual(["T02", "T03", "T05", "T06", "T07"]);
    expect(ids("shanghai-putuo-2025-unit")).toEqual(["T02", "T03", "T05", "T06", "T07"]);
  });

  const name = (code: string) => builtinCatalog(2025).get("functional", code)?.name;

  it("keep a Shanghai table's 合计 at the bottom, under the chosen codes and their parents", () => {
    const t05 = builtinPack("shanghai-putuo-2025").tables.find((t) => t.id === "T05")!;
    expect(codeRows(t05, ["2011301"], name)).toEqual([
      ["201", "一般公共服务支出", null, null, null],
      ["20113", "商贸事务", null, null, null],
      ["2011301", "行政运行", null, null, null],
      ["合计", null, null, null, null],
    ]);
  });

  it("keep a Shanxi table's 合计 on top", () => {
    const t05 = builtinPack().tables.find((t) => t.id === "T05")!;
    expect(codeRows(t05, ["2011301"], name).map((r) => r[0])).toEqual(["合计", "201", "20113", "2011301"]);
  });

  it("the sample a pack's department example comes from", () => {
    expect(sampleOf(builtinPack())?.department).toBe("晋城市商务局");
    expect(sampleOf(builtinPack("shanghai-putuo-2025-unit"))).toBe(shanghaiCommerceUnitSample);
  });

  it.each([
    ["晋城 (its 表12 lists projects: a 绩效目标表)", jinchengSample],
    ["上海 (no forms)", shanghaiCommerceSample],
  ])("同时插入… names the sheets insertInputSheets writes: %s", async (_, sample) => {
    const wb = await workbookOf(sample, true);
    const pack = builtinPack(sample.pack);
    const { inserted, kept } = await insertInputSheets(wb, { pack, department: sample.department, year: sample.year });
    expect(kept).toEqual([]);
    expect(inserted).toEqual(inputSheetNames(pack).all);
  });
});

describe("the preview's samples", () => {
  it("lists every sample once, under an id of its own", () => {
    expect(SAMPLE_ENTRIES.map((e) => e.sample)).toEqual(SAMPLES);
    expect(SAMPLE_ENTRIES.map((e) => e.id)).toEqual([
      "jincheng-2023",
      "datong-2023",
      "shanghai-commerce-2025",
      "shanghai-commerce-2025-unit",
      "shanghai-wanli-2024",
      "shanghai-wanli-2025",
      "shanghai-finance-2024-final",
    ]);
    expect(new Set(SAMPLE_ENTRIES.map((e) => e.label)).size).toBe(SAMPLES.length);
  });

  it.each([
    ["", "jincheng-2023"],
    ["?sample=shanghai-commerce-2025", "shanghai-commerce-2025"],
    ["?sample=shanghai-wanli-2024&x=1", "shanghai-wanli-2024"],
    ["?empty", null],
    ["?empty&sample=datong-2023", null],
  ])("%j opens %s", (query, id) => {
    expect(initialSample(query).entry?.id ?? null).toBe(id);
  });

  it("an unknown id opens a blank workbook, and says which", () => {
    expect(initialSample("?sample=beijing")).toEqual({ entry: null, unknown: "beijing" });
  });
});
