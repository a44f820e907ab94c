import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import shanxi from "../../src/domain/packs/shanxi-2023.json";
import { builtinPack, type Pack } from "../../src/domain/packs";
import { version } from "../../package.json";
import { runCli, useTempDir } from "../support/cli";
import { withTables } from "../support/packs";

const pack = builtinPack();
const tempDir = useTempDir("cli-template-");

const run = runCli;

async function open(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

const sheet = (workbook: ExcelJS.Workbook, tableId: string) =>
  workbook.getWorksheet(pack.tables.find((t) => t.id === tableId)!.sheetName)!;

describe("budget-disclosure template", () => {
  it("writes the 13 empty tables as the pack lays them out", async () => {
    const out = path.join(tempDir(), "out.xlsx");
    const r = await run("template", "--year", "2023", "--department", "晋城市商务局", "-o", out);
    expect(r).toEqual({ code: 0, out: `已写入 ${out}：13 张表（晋城市商务局，2023年）\n`, err: "" });

    const workbook = await open(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(pack.tables.map((t) => t.sheetName));
    expect(sheet(workbook, "T01").getCell("A2").value).toBe("2023年预算收支总表");
    for (const table of pack.tables)
      expect(sheet(workbook, table.id).getCell("A2").value).toBe(table.title.replace("{year}", "2023"));

    const t01 = sheet(workbook, "T01");
    expect(t01.model.merges).toEqual(expect.arrayContaining(["A2:F2", "A4:B4", "C4:F4"]));
    expect(t01.getCell("A3").value).toBe("部门名称：晋城市商务局");
    expect(t01.getCell("F3").value).toBe("单位：万元");
    expect(t01.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(t01.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
    expect(t01.getColumn(1).width).toBe(shanxi.tables[0].columns[0].width);
  });

  it("formats amount cells #,##0.00, codes as text, and draws the header bold and bordered", async () => {
    const out = path.join(tempDir(), "out.xlsx");
    await run("template", "--year", "2023", "--department", "晋城市商务局", "-o", out);
    const workbook = await open(out);
    const t01 = sheet(workbook, "T01");
    for (const a of ["B6", "D6", "E6", "F6"]) expect(t01.getCell(a).numFmt).toBe("#,##0.00");
    expect(t01.getCell("A6").numFmt).toBeFalsy();
    expect(t01.getCell("A4").numFmt).toBeFalsy();
    expect(t01.getCell("A4").font).toMatchObject({ bold: true, name: "宋体" });
    expect(t01.getCell("A4").border).toMatchObject({ top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } });
    expect(t01.getCell("B6").border).toMatchObject({ top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } });
    expect(t01.getCell("A2").font).toMatchObject({ bold: true, size: 16 });
    expect(t01.getCell("A2").border ?? {}).toEqual({});
    expect(sheet(workbook, "T02").getCell("A6").numFmt).toBe("@");
  });

  it("--sample fills in the 晋城 figures and marks empty tables", async () => {
    const out = path.join(tempDir(), "sample.xlsx");
    const r = await run("template", "--sample", "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("（晋城市商务局，2023年）");
    const workbook = await open(out);
    expect(sheet(workbook, "T01").getCell("B6").value).toBe(5307.69);
    expect(sheet(workbook, "T01").getCell("B6").numFmt).toBe("#,##0.00");
    const t07 = sheet(workbook, "T07");
    const columnA = t07.getColumn(1).values;
    expect(columnA).toContain("注：本表无数据");
    expect(sheet(workbook, "T01").getColumn(1).values).not.toContain("注：本表无数据");
  });

  it.each([["T01,T10"], ["t01，T10"]])("--tables %s writes only those tables", async (tables) => {
    const out = path.join(tempDir(), "two.xlsx");
    const r = await run("template", "--sample", "--tables", tables, "-o", out);
    expect(r.out).toBe(`已写入 ${out}：2 张表（晋城市商务局，2023年）\n`);
    expect((await open(out)).worksheets.map((w) => w.name)).toEqual(["表1 预算收支总表", "表10 三公经费支出表"]);
  });

  it("--year 2025 puts 2025 in every title", async () => {
    const out = path.join(tempDir(), "2025.xlsx");
    await run("template", "--year", "2025", "--department", "某某局", "-o", out);
    const workbook = await open(out);
    for (const w of workbook.worksheets) expect(String(w.getCell("A2").value)).toMatch(/^2025年/);
    expect(workbook.worksheets[0].getCell("A3").value).toBe("部门名称：某某局");
  });

  it("--pack uses the pack file, and a bad one is refused naming the field", async () => {
    const good = path.join(tempDir(), "good.json");
    fs.writeFileSync(good, "\uFEFF" + JSON.stringify(withTables(builtinPack(), 2)));
    const out = path.join(tempDir(), "out.xlsx");
    expect((await run("template", "--sample", "--pack", good, "-o", out)).code).toBe(0);
    expect((await open(out)).worksheets.filter((w) => /^表\d/.test(w.name))).toHaveLength(2);

    const bad = path.join(tempDir(), "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ ...shanxi, tables: shanxi.tables.map((t, i) => (i === 2 ? { ...t, sheetName: "" } : t)) }));
    const out2 = path.join(tempDir(), "out2.xlsx");
    const r = await run("template", "--sample", "--pack", bad, "-o", out2);
    expect(r.code).toBe(2);
    expect(r.err).toContain(bad);
    expect(r.err).toContain("tables[2].sheetName");
    expect(fs.existsSync(out2)).toBe(false);
  });

  describe("the Shanghai packs, by id", () => {
    const shanghai = builtinPack("shanghai-putuo-2025");
    const shSheet = (workbook: ExcelJS.Workbook, p: Pack, tableId: string) => workbook.getWorksheet(p.tables.find((t) => t.id === tableId)!.sheetName)!;

    it("--pack shanghai-putuo-2025 writes its 9 tables: titles, 编制部门, 类/款/项 in columns of their own under merged captions", async () => {
      const out = path.join(tempDir(), "sh.xlsx");
      const r = await run("template", "--pack", "shanghai-putuo-2025", "--year", "2025", "--department", "上海市普陀区某某局", "-o", out);
      expect(r).toEqual({ code: 0, out: `已写入 ${out}：9 张表（上海市普陀区某某局，2025年）\n`, err: "" });

      const workbook = await open(out);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(shanghai.tables.map((t) => t.sheetName));
      expect(workbook.worksheets).toHaveLength(9);
      for (const table of shanghai.tables) expect(shSheet(workbook, shanghai, table.id).getCell("A2").value).toBe(table.title.replace("{year}", "2025"));
      expect(shSheet(workbook, shanghai, "T02").getCell("A2").value).toBe("2025年部门收入预算总表");

      const t02 = shSheet(workbook, shanghai, "T02");
      // No 预算公开表N line above the title in the Shanghai format.
      expect(t02.getCell("A1").value).toBeNull();
      expect(t02.getCell("A3").value).toBe("编制部门：上海市普陀区某某局");
      expect(t02.getCell("I3").value).toBe("单位：元");
      expect(t02.getCell("A4").value).toBe("项目");
      expect(t02.getCell("A5").value).toBe("功能分类科目编码");
      expect(["A6", "B6", "C6"].map((a) => t02.getCell(a).value)).toEqual(["类", "款", "项"]);
      expect(t02.getCell("D5").value).toBe("功能分类科目名称");
      expect(t02.getCell("E5").value).toBe("合计");
      expect(t02.model.merges).toEqual(expect.arrayContaining(["A2:I2", "A4:D4", "E4:I4", "A5:C5", "D5:D6", "E5:E6", "I5:I6"]));
      // The 合计 at the bottom, across the code and name columns, under the rows left for entry.
      expect(t02.getCell("A17").value).toBe("合计");
      expect(t02.model.merges).toEqual(expect.arrayContaining(["A17:D17"]));
      expect(t02.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
      for (const c of [1, 2, 3]) expect(t02.getColumn(c).width).toBe(shanghai.tables[1].columns[0].width);
      for (const a of ["A7", "B7", "C7"]) expect(t02.getCell(a).numFmt).toBe("@");
      expect(t02.getCell("E7").numFmt).toBe("#,##0.00");

      // 表8 lists 经济分类 codes in two columns: 类 and 款.
      const t08 = shSheet(workbook, shanghai, "T08");
      expect(["A5", "A6", "B6", "C5"].map((a) => t08.getCell(a).value)).toEqual(["部门预算经济分类科目编码", "类", "款", "经济分类科目名称"]);
      expect(t08.model.merges).toEqual(expect.arrayContaining(["A5:B5", "C5:C6"]));
    });

    it("--pack shanghai-putuo-2025 --sample fills 表5 with the 上海市普陀区商务委员会 2025 figures, codes split by level", async () => {
      const out = path.join(tempDir(), "sh-sample.xlsx");
      const r = await run("template", "--pack", "shanghai-putuo-2025", "--sample", "-o", out);
      expect(r).toEqual({ code: 0, out: `已写入 ${out}：9 张表及 7 个说明工作表（上海市普陀区商务委员会，2025年）\n`, err: "" });
      const workbook = await open(out);
      const t05 = shSheet(workbook, shanghai, "T05");
      expect(t05.getCell("A2").value).toBe("2025年部门一般公共预算支出功能分类预算表");
      expect(t05.getCell("A3").value).toBe("编制部门：上海市普陀区商务委员会");
      const row = (n: number) => ["A", "B", "C", "D", "E", "F", "G"].map((c) => t05.getCell(`${c}${n}`).value);
      expect(row(7)).toEqual(["201", null, null, "一般公共服务支出", 21601733, 12291733, 9310000]);
      expect(row(8)).toEqual(["201", "13", null, "商贸事务", 21601733, 12291733, 9310000]);
      expect(row(9)).toEqual(["201", "13", "01", "行政运行", 9389913, 9389913, null]);
      const last = t05.rowCount;
      // exceljs reads each cell of a merge as its top-left one.
      expect(row(last)).toEqual(["合计", "合计", "合计", "合计", 371514655, 19830655, 351684000]);
      expect(t05.model.merges).toEqual(expect.arrayContaining([`A${last}:D${last}`]));
      // Tables without figures carry the pack's note.
      expect(shSheet(workbook, shanghai, "T06").getColumn(1).values.some((v) => typeof v === "string" && v.startsWith("注"))).toBe(true);
    });

    it("--pack shanghai-putuo-2025-unit --sample fills the 单位预算 tables", async () => {
      const unit = builtinPack("shanghai-putuo-2025-unit");
      const out = path.join(tempDir(), "unit.xlsx");
      expect((await run("template", "--pack", "shanghai-putuo-2025-unit", "--sample", "-o", out)).code).toBe(0);
      const workbook = await open(out);
      // The tables, then the sample's input sheets, its published texts, 名词解释 and 目录.
      expect(workbook.worksheets.map((w) => w.name)).toEqual([
        ...unit.tables.map((t) => t.sheetName),
        ...["公开文本", "说明数据", "上年预算执行数", "单位编制说明", "其他相关情况说明", "名词解释", "目录"],
      ]);
      expect(shSheet(workbook, unit, "T01").getCell("A3").value).toBe("编制单位：上海市普陀区商务委员会");
      expect(shSheet(workbook, unit, "T05").getCell("E7").value).toBe(21601733);
    });

    it("--sample with a pack that has no sample exits 2 and writes nothing", async () => {
      const file = path.join(tempDir(), "own.json");
      fs.writeFileSync(file, JSON.stringify({ ...withTables(builtinPack(), 2), id: "own-pack", name: "自定义模板包" }));
      const out = path.join(tempDir(), "out.xlsx");
      const r = await run("template", "--pack", file, "--sample", "-o", out);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^错误：模板包 own-pack（自定义模板包）没有内置示例数据/);
      expect(fs.existsSync(out)).toBe(false);
      // Without --sample the pack draws its tables as usual.
      expect((await run("template", "--pack", file, "--year", "2025", "--department", "某某局", "-o", out)).code).toBe(0);
    });

    it("an unknown pack id exits 2, naming the built-in packs", async () => {
      const r = await run("template", "--pack", "shanghai-2099", "--sample", "-o", path.join(tempDir(), "out.xlsx"));
      expect(r.code).toBe(2);
      expect(r.err).toContain("没有编号为“shanghai-2099”的内置模板包");
      expect(r.err).toContain("shanghai-putuo-2025");
    });
  });

  it.each([
    ["a file that is not JSON", "{ 不是 JSON", "不是有效的 JSON"],
    ["a missing file", null, "无法读取模板包"],
  ])("--pack with %s exits 2", async (_, content, message) => {
    const file = path.join(tempDir(), "pack.json");
    if (content !== null) fs.writeFileSync(file, content);
    const r = await run("template", "--sample", "--pack", file, "-o", path.join(tempDir(), "out.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it("refuses to replace an existing file unless --force", async () => {
    const out = path.join(tempDir(), "out.xlsx");
    fs.writeFileSync(out, "原有内容");
    const r = await run("template", "--sample", "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--force");
    expect(r.out).toBe("");
    expect(fs.readFileSync(out, "utf8")).toBe("原有内容");

    expect((await run("template", "--sample", "-o", out, "--force")).code).toBe(0);
    // The 13 tables, 公开文本, 说明数据, 绩效目标表, 名词解释, 目录.
    expect((await open(out)).worksheets).toHaveLength(18);
  });

  it.each([
    [["--department", "某某局"], "--year"],
    [["--year", "1999", "--department", "某某局"], "2000 至 2100"],
    [["--year", "2101", "--department", "某某局"], "2000 至 2100"],
    [["--year", "20x3", "--department", "某某局"], "2000 至 2100"],
    [["--year", "2024"], "--department"],
    [["--year", "2024", "--department", "  "], "部门名称不能为空"],
    [["--sample", "--tables", "T01,T99"], "T99"],
    [["--sample", "--tables", ","], "至少"],
    [["--sample", "--bogus"], "未知选项 --bogus"],
  ])("%j is refused with exit 2", async (args, message) => {
    const out = path.join(tempDir(), "out.xlsx");
    const r = await run("template", ...args, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^错误：/);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("needs -o, ending in .xlsx", async () => {
    expect(await run("template", "--sample")).toMatchObject({ code: 2, err: expect.stringContaining("-o") });
    const r = await run("template", "--sample", "-o", path.join(tempDir(), "out.xls"));
    expect(r).toMatchObject({ code: 2, err: expect.stringContaining(".xlsx") });
    expect(fs.readdirSync(tempDir())).toEqual([]);
  });

  it("--debug adds the stack trace", async () => {
    const r = await run("template", "--year", "1999", "--department", "某某局", "-o", path.join(tempDir(), "out.xlsx"), "--debug");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\n\s+at /);
  });
});

describe("budget-disclosure", () => {
  it("prints Chinese help and the package version, exit 0", async () => {
    const help = await run("template", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("用法：");
    expect(help.out).toContain("--sample");
    expect(help.out).toContain("shanghai-putuo-2025");
    expect(await run("--version")).toEqual({ code: 0, out: `${version}\n`, err: "" });
  });

  it("aligns help descriptions in the terminal, where a Chinese character takes two columns", async () => {
    const { out } = await run("template", "--help");
    const column = (flag: string) => {
      const line = out.split("\n").find((l) => l.trimStart().startsWith(flag))!;
      const term = /^\s*\S+(?: <[^>]+>)?\s+/.exec(line)![0];
      return term.length + (term.match(/[\u4e00-\u9fff]/g)?.length ?? 0);
    };
    expect(column("--year")).toBe(column("--sample"));
    expect(column("--department")).toBe(column("--force"));
  });

  it("refuses an unknown command with exit 2", async () => {
    const r = await run("tempalte");
    expect(r.code).toBe(2);
    expect(r.err).toContain("未知命令 tempalte");
  });

  it("says in Chinese that a required argument is missing (commander's own message), with exit 2", async () => {
    const r = await runCli("pack", "info");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^错误：缺少参数“模板包”\n/);
    expect(r.err).not.toContain("error:");
  });

  it("runs from the bin script, with the exit code", () => {
    const bin = path.join(__dirname, "../../bin/budget-disclosure.js");
    const out = path.join(tempDir(), "bin.xlsx");
    const first = spawnSync(process.execPath, [bin, "template", "--sample", "-o", out], { encoding: "utf8" });
    expect(first.stdout).toBe(`已写入 ${out}：13 张表及 5 个说明工作表（晋城市商务局，2023年）\n`);
    expect(first.status).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
    const second = spawnSync(process.execPath, [bin, "template", "--sample", "-o", out], { encoding: "utf8" });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain("已存在");
  });
});
