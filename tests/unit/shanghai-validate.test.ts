/**
 * The six built-in samples — 晋城 and 大同 (Shanxi format), the 普陀区商务委员会 2025 部门 and 单位 budgets and the
 * 万里街道 2024 and 2025 budgets (Shanghai format) — written as the add-in draws them, into one folder, and checked
 * with one `validate <folder>` run: each file is checked with its own pack, found by its tables' titles, and
 * only the real errors of the published documents are reported.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { writePlans } from "../../src/xlsx/write-plans";
import type { Finding } from "../../src/domain/finding";
import { builtinPack } from "../../src/domain/packs";
import { renderTables } from "../../src/domain/render/render";
import {
  datongSample,
  jinchengSample,
  shanghaiCommerceSample,
  shanghaiCommerceUnitSample,
  shanghaiWanli2024Sample,
  shanghaiWanli2025Sample,
  type Sample,
} from "../../src/domain/samples";
import { runCli, useTempDir } from "../support/cli";

const tempDir = useTempDir("shanghai-validate-");

interface JsonReport {
  files: { file: string; pack?: { id: string; version: string; name: string }; tables_found: string[]; findings: Finding[]; error?: string }[];
}

/** The files, each with its sample and the pack the sample was filled in (the sample says which). */
const FILES: { file: string; sample: Sample; pack: string }[] = [
  { file: "晋城市商务局2023.xlsx", sample: jinchengSample, pack: "shanxi-2023" },
  { file: "大同市商务局2023.xlsx", sample: datongSample, pack: "shanxi-2023" },
  { file: "普陀区商务委员会2025部门.xlsx", sample: shanghaiCommerceSample, pack: "shanghai-putuo-2025" },
  { file: "普陀区商务委员会2025单位.xlsx", sample: shanghaiCommerceUnitSample, pack: "shanghai-putuo-2025-unit" },
  { file: "万里街道2024.xlsx", sample: shanghaiWanli2024Sample, pack: "shanghai-putuo-2025" },
  { file: "万里街道2025.xlsx", sample: shanghaiWanli2025Sample, pack: "shanghai-putuo-2025" },
];

async function writeSample(dir: string, file: string, sample: Sample): Promise<string> {
  const full = path.join(dir, file);
  const workbook = new ExcelJS.Workbook();
  writePlans(workbook, renderTables(builtinPack(sample.pack), { department: sample.department, year: sample.year, rows: sample.rows }));
  await workbook.xlsx.writeFile(full);
  return full;
}

/** Error-level findings as "rule table cell". */
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.table} ${f.cell}`);

describe("validate a folder of Shanxi and Shanghai workbooks", () => {
  it("checks each file with its own pack, and reports only the published documents' own errors", async () => {
    const dir = path.join(tempDir(), "各部门");
    fs.mkdirSync(dir);
    for (const f of FILES) {
      // The sample names the pack it was filled in; these are the ones meant.
      expect(f.sample.pack).toBe(f.pack);
      await writeSample(dir, f.file, f.sample);
    }

    const r = await runCli("validate", dir, "--format", "json");
    const json = JSON.parse(r.out) as JsonReport;
    expect(json.files.map((f) => path.basename(f.file)).sort()).toEqual(FILES.map((f) => f.file).sort());
    const entry = (file: string) => json.files.find((f) => path.basename(f.file) === file)!;

    for (const f of FILES) {
      const e = entry(f.file);
      expect({ file: f.file, error: e.error }).toEqual({ file: f.file, error: undefined });
      expect({ file: f.file, pack: e.pack?.id }).toEqual({ file: f.file, pack: f.pack });
      expect(e.pack?.version).toBe("1.0.1");
      expect(e.pack?.name).toBe(builtinPack(f.pack).name);
      expect(e.tables_found).toHaveLength(f.pack === "shanxi-2023" ? 13 : 9);
    }
    const found = Object.fromEntries(FILES.map((f) => [f.file, errors(entry(f.file).findings)]));
    expect(found["晋城市商务局2023.xlsx"]).toEqual([]);
    // 大同's T01 and T04 leave out the 政府性基金 income (a real error of the published document), as the
    // known-cases test finds on the fixture made from the seed text.
    expect([...found["大同市商务局2023.xlsx"]].sort()).toEqual(["A04 T01 B36", "A04 T04 B37", "X02 T01 B7", "X02 T04 B8"]);
    expect(found["普陀区商务委员会2025部门.xlsx"]).toEqual([]);
    expect(found["普陀区商务委员会2025单位.xlsx"]).toEqual([]);
    expect(found["万里街道2024.xlsx"]).toEqual([]);

    // 万里街道 2025 prints 21201 城乡社区管理事务 as 94,995,790 in T2, T3 and T5, while its 项 (and, in T3 and T5,
    // 基本支出 + 项目支出) give 94,995,789; 212 城乡社区支出 adds up from the 项, so 212 = Σ 款 breaks too. Those
    // findings, and no other error: A02 on 212 and 21201 in T2 (合计, 财政拨款收入), T3 and T5 (合计); A01 on 21201
    // in T3 and T5.
    const wanli = entry("万里街道2025.xlsx").findings.filter((f) => f.severity === "error");
    expect(wanli.map((f) => `${f.rule} ${f.table} ${f.cell}`)).toEqual([
      "A02 T02 E55",
      "A02 T02 F55",
      "A02 T02 E56",
      "A02 T02 F56",
      "A02 T03 E55",
      "A01 T03 E56",
      "A02 T03 E56",
      "A02 T05 E55",
      "A01 T05 E56",
      "A02 T05 E56",
    ]);
    for (const f of wanli) {
      expect(f.message).toMatch(/[多少] 1\.00$/);
      expect(f.difference?.replace("-", "")).toBe("1.00");
      // Row 55 is 212, row 56 is 21201, whichever the layout: the message names the row's code.
      expect(f.message).toContain(f.cell.endsWith("55") ? "212 城乡社区支出" : "21201 城乡社区管理事务");
    }
    expect(wanli.filter((f) => f.cell.endsWith("56")).map((f) => [f.actual, f.expected])).toEqual(
      new Array(6).fill(["94,995,790.00", "94,995,789.00"]),
    );
    expect(wanli.filter((f) => f.cell.endsWith("55")).map((f) => [f.actual, f.expected])).toEqual(
      new Array(4).fill(["154,369,326.00", "154,369,327.00"]),
    );
    expect(r.code).toBe(1);

    // The text report names each file's pack on its summary line.
    const text = await runCli("validate", dir);
    expect(text.code).toBe(1);
    for (const f of FILES) {
      const pack = builtinPack(f.pack);
      const line = text.out.split("\n").find((l) => l.startsWith("== ") && l.includes(f.file));
      expect(line).toMatch(new RegExp(`：模板包 ${pack.id} 1\\.0\\.1（${pack.name.replace(/[()（）]/g, ".")}）；找到 ${pack.tables.length}/${pack.tables.length} 张表；`));
    }
  });

  it("--pack forces a pack: the Shanxi pack finds no table in a Shanghai workbook (exit 2)", async () => {
    const file = await writeSample(tempDir(), "普陀区商务委员会2025部门.xlsx", shanghaiCommerceSample);
    const shanxiFile = path.join(__dirname, "..", "..", "src", "domain", "packs", "shanxi-2023.json");
    const r = await runCli("validate", file, "--pack", shanxiFile, "--format", "json");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as JsonReport;
    expect(json.files).toEqual([
      { file, tables_found: [], findings: [], error: "未找到任何公开表（按模板包“山西省部门预算公开表样（2023）”的表标题查找）" },
    ]);
    expect(r.err).toContain("未找到任何公开表");

    // Without --pack the same workbook is checked with its own pack.
    const own = await runCli("validate", file, "--format", "json");
    expect((JSON.parse(own.out) as JsonReport).files[0].pack?.id).toBe("shanghai-putuo-2025");
  });
});
