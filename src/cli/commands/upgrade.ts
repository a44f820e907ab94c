/** `upgrade`: a workbook's tables moved to another version of their pack, as a new file; the input is never changed. */
import type { Command } from "commander";
import { workbookPack } from "../../domain/read/detect";
import { packInStamp } from "../../domain/packs/stored";
import { readDisclosure } from "../../domain/read/read";
import { upgradeWorkbook } from "../../domain/upgrade";
import { plansToXlsx } from "../../xlsx/write-plans";
import { CliError, type Io } from "../context";
import { readWorkbookFile } from "../grids";
import { newWorkbookPath, writeAtomically } from "../output";
import { noTablesFound, packByIdOrFile } from "../pack-file";

interface UpgradeOptions {
  pack?: string;
  from?: string;
  output?: string;
  force?: boolean;
}

const EXAMPLES = `
示例：
  budget-disclosure upgrade 晋城市商务局.xlsx --pack 模板包-1.1.0.json -o 晋城市商务局-新版.xlsx
  budget-disclosure upgrade 旧.xlsx --from 模板包-1.0.0.json --pack 模板包-2.0.0.json -o 新.xlsx

每个数、编码、名称按表、行、列（列按键，固定表的行按位置）转入新版的表样；没有表的工作表（公开文本、说明数据、情况说明等）
原样复制。新版中放不下的单元格逐个列出原来的位置和值，新版新增的表、列、固定行也一并列出。输入的工作簿不会被修改。
退出码：0 已写出（有放不下的单元格时也写出，并在 stderr 列出）；2 参数有误、工作簿或模板包无法读取、输出已存在。
`;

export function registerUpgrade(program: Command, io: Io): void {
  program
    .command("upgrade")
    .description("把工作簿中的表转入模板包的新版本，写成新的工作簿（不修改原文件）")
    .argument("<工作簿>", "按旧版模板包填写的工作簿（.xlsx/.xlsm）")
    .option("--pack <模板包>", "新版模板包：内置编号或 JSON 文件（必填）")
    .option("--from <模板包>", "工作簿所用的旧版模板包（默认按工作簿的标记或表标题选用内置模板包）")
    .option("-o, --output <文件.xlsx>", "写出的新工作簿（必填）")
    .option("--force", "覆盖已存在的输出文件")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, options: UpgradeOptions) => upgrade(file, options, io));
}

async function upgrade(file: string, options: UpgradeOptions, io: Io): Promise<void> {
  if (!options.pack) throw new CliError("请用 --pack 指定新版模板包");
  const output = newWorkbookPath(options.output, file);
  const to = packByIdOrFile(options.pack);
  const read = await readWorkbookFile(file);
  if ("error" in read) throw new CliError(`${file} ${read.error}`);
  const from = options.from ? packByIdOrFile(options.from) : (packInStamp(read.stamp) ?? workbookPack(read.stamp, read.grids));
  if (!from) throw new CliError(`${file} 中${noTablesFound(undefined)}`);
  if (readDisclosure(from, read.grids, from.tables, { rows: false }).tables.size === 0) throw new CliError(`${file} 中${noTablesFound(from)}`);

  const moved = upgradeWorkbook(from, to, read.grids, read.stamp);
  writeAtomically(output, await plansToXlsx(moved.plans), options.force ?? false);

  io.out(
    `已写出 ${output}：${from.id} ${from.version} → ${to.id} ${to.version}，转入 ${moved.carried} 个单元格` +
      `${moved.copied.length ? `，原样复制 ${moved.copied.length} 个工作表（${moved.copied.join("、")}）` : ""}\n` +
      moved.added.map((a) => `  新增：${a}\n`).join(""),
  );
  if (moved.lost.length)
    io.err(
      `新版中放不下 ${moved.lost.length} 个单元格（未转入，请手工处理）：\n` +
        moved.lost.map((l) => `  '${l.sheet}'!${l.cell}  ${JSON.stringify(l.value)}  ${l.why}\n`).join(""),
    );
}
