/** `pack info | validate | diff | test`: for template owners — what a pack is, whether it is valid, what changed, whether each check can fire. */
import type { Command } from "commander";
import type { Pack } from "../../domain/packs";
import { packDiff } from "../../domain/packs/diff";
import { packHash } from "../../domain/packs/versions";
import type { Io } from "../context";
import { noTablesFound, packByIdOrFile } from "../pack-file";
import { builtinCatalog } from "../../domain/catalog/catalog";
import { testPack, type CheckTrial } from "../../domain/checks/pack-test";
import { readInputs } from "../../domain/inputs/read-inputs";
import { checkReferences } from "../../domain/packs/checks";
import { budgetYearOf } from "../../domain/read/basis";
import { readDisclosure } from "../../domain/read/read";
import { excelRef } from "../../domain/report/text";
import { CliError } from "../context";
import { readWorkbookFile } from "../grids";

const EXAMPLES = `
示例：
  budget-disclosure pack info shanxi-2023
  budget-disclosure pack validate 模板包.json
  budget-disclosure pack diff 2025年模板包.json 2026年模板包.json
  budget-disclosure pack test 模板包.json 样例工作簿.xlsx

退出码：0 成功（validate：模板包有效；test：每行读取单元格的校验都能报告改动）；1 test 中有校验行改动所读的单元格后仍不报告；
2 文件无法读取或模板包有误（列出每处问题的字段）。
`;

/** Id, version, year, publisher, content hash: what a workbook's stamp records of it. */
function info(pack: Pack): string {
  const rows: [string, string][] = [
    ["编号", pack.id],
    ["版本", pack.version],
    ["名称", pack.name],
    ["年度", String(pack.year)],
    ["发布单位", pack.publisher],
    ["内容摘要", `${packHash(pack)}（SHA-256 前 16 位；同一版本号而摘要不同，说明模板包被改动过）`],
    ["金额单位", pack.unit],
    ["表", `${pack.tables.length} 张：${pack.tables.map((t) => `${t.id} ${t.sheetName}`).join("，")}`],
    ["填报工作表", pack.inputs.length ? pack.inputs.map((t) => t.sheetName).join("，") : "无"],
    ["校验", `${pack.checks.length} 行`],
    ["情况说明", pack.narrative ? `${pack.narrative.sections.length} 节` : "无"],
  ];
  return rows.map(([label, value]) => `${label}：${value}\n`).join("");
}

/** How `pack test` names a check row: its place in the pack, rule, kind and tables. */
function rowName(t: CheckTrial): string {
  const tables = [...new Set(checkReferences(t.check).map((r) => r.table))];
  return `第 ${t.index + 1} 行（checks[${t.index}]）${t.check.rule} ${t.check.kind}${tables.length ? `（${tables.join("、")}）` : ""}`;
}

/** The trials of every check row: those that never fired first, with what to look at. */
function trialsText(pack: Pack, file: string, trials: CheckTrial[]): string {
  const of = (s: CheckTrial["status"]) => trials.filter((t) => t.status === s);
  const lines = [
    `模板包 ${pack.id} ${pack.version} 在 ${file} 上逐行试验 ${trials.length} 行校验：${of("fired").length} 行在改动所读的单元格后报告，` +
      `${of("silent").length} 行始终不报告，${of("untried").length} 行不读取表中单元格（结构、文字类），未试验`,
  ];
  if (of("silent").length) {
    lines.push("始终不报告的行（所指的表、列、行可能写错；或工作簿中这张表没有它读取的内容，如空表）：");
    for (const t of of("silent")) lines.push(`  ${rowName(t)}：改动 ${t.tries} 处，均未报告`);
  }
  lines.push("会报告的行：");
  for (const t of of("fired")) lines.push(`  ${rowName(t)}：把 ${excelRef(t.changed!.sheet, t.changed!.cell)} 从“${t.changed!.from}”改为“${t.changed!.to}”后报告`);
  return `${lines.join("\n")}\n`;
}

export function registerPack(program: Command, io: Io, setExitCode: (code: number) => void): void {
  const pack = program.command("pack").description("模板包：查看、检查、比较两个版本").addHelpText("after", EXAMPLES);
  pack
    .command("info")
    .description("显示模板包的编号、版本、年度、发布单位、内容摘要和各表")
    .argument("<模板包>", "内置模板包编号或模板包 JSON 文件")
    .action((value: string) => io.out(info(packByIdOrFile(value))));
  pack
    .command("validate")
    .description("检查模板包：有误时逐条列出字段和原因（退出码 2）")
    .argument("<模板包>", "模板包 JSON 文件")
    .action((value: string) => {
      const p = packByIdOrFile(value);
      io.out(`模板包 ${p.id} ${p.version} 有效：${p.tables.length} 张表，${p.checks.length} 行校验\n`);
    });
  pack
    .command("diff")
    .description("列出两个模板包之间的改动：表、列、固定行、校验、情况说明、名词解释")
    .argument("<旧模板包>", "内置模板包编号或模板包 JSON 文件")
    .argument("<新模板包>", "内置模板包编号或模板包 JSON 文件")
    .action((before: string, after: string) => {
      const [a, b] = [packByIdOrFile(before), packByIdOrFile(after)];
      const changes = packDiff(a, b);
      io.out(
        changes.length
          ? `${a.id} ${a.version} → ${b.id} ${b.version}，${changes.length} 处改动：\n${changes.map((c) => `  ${c}\n`).join("")}`
          : `${a.id} ${a.version} 与 ${b.id} ${b.version} 没有改动\n`,
      );
    });
  pack
    .command("test")
    .description("逐行试验校验：依次改动每行校验读取的单元格，列出始终不报告的行（校验写错或读不到内容）")
    .argument("<模板包>", "内置模板包编号或模板包 JSON 文件")
    .argument("<工作簿>", "用该模板包填好的工作簿（.xlsx），如样例")
    .action(async (value: string, file: string) => {
      const p = packByIdOrFile(value);
      const read = await readWorkbookFile(file);
      if ("error" in read) throw new CliError(`${file} ${read.error}`);
      const disclosure = readDisclosure(p, read.grids);
      if (!disclosure.tables.size) throw new CliError(`${file} 中${noTablesFound(p)}`);
      const { year } = budgetYearOf(disclosure, read.grids, { stamp: read.stamp, packYear: p.year });
      const trials = testPack(p, disclosure, { catalog: builtinCatalog(year), inputs: readInputs(p, read.grids) });
      io.out(trialsText(p, file, trials));
      setExitCode(trials.some((t) => t.status === "silent") ? 1 : 0);
    });
}
