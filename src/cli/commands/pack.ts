/** `pack info | validate | diff`: for template owners — what a pack is, whether it is valid, what changed. */
import type { Command } from "commander";
import type { Pack } from "../../domain/packs";
import { packDiff } from "../../domain/packs/diff";
import { packHash } from "../../domain/packs/versions";
import type { Io } from "../context";
import { packByIdOrFile } from "../pack-file";

const EXAMPLES = `
示例：
  budget-disclosure pack info shanxi-2023
  budget-disclosure pack validate 模板包.json
  budget-disclosure pack diff 2025年模板包.json 2026年模板包.json

退出码：0 成功（validate：模板包有效）；2 文件无法读取或模板包有误（列出每处问题的字段）。
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

export function registerPack(program: Command, io: Io): void {
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
}
