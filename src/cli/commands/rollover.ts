/** `rollover`: next year's workbook from this year's, as a new file; the input is never changed. */
import type { Command } from "commander";
import { workbookPack } from "../../domain/read/detect";
import { packInStamp } from "../../domain/packs/stored";
import { departmentIn, statedYearOf } from "../../domain/read/basis";
import { readDisclosure } from "../../domain/read/read";
import { rollover } from "../../domain/rollover";
import { inputFieldOf } from "../../domain/inputs/sheets";
import { formatAmount } from "../../domain/money";
import type { Pack } from "../../domain/packs";
import { plansToXlsx } from "../../xlsx/write-plans";
import { builtinCatalog } from "../../domain/catalog/catalog";
import { CliError, parseBudgetYear, type Io } from "../context";
import { readWorkbookFile } from "../grids";
import { newWorkbookPath, writeAtomically } from "../output";
import { noTablesFound, packByIdOrFile } from "../pack-file";

interface RolloverOptions {
  year?: string;
  pack?: string;
  output?: string;
  force?: boolean;
}

const EXAMPLES = `
示例：
  budget-disclosure rollover 万里街道2024.xlsx --year 2025 -o 万里街道2025.xlsx
  budget-disclosure rollover 晋城市商务局2023.xlsx --year 2024 --pack 山西2024模板包.json -o 晋城市商务局2024.xlsx

新工作簿：各表保留科目编码行、金额留空；职责、机构设置、其他说明等文字和名词解释照搬（模板包标为“当年”的，如国有资产
占有使用情况，不照搬）；本年的收支合计、财政拨款、“三公”经费、机关运行经费等写入“说明数据”的上年数（按情况说明中
与上年比较的各项，上海按科目比较的写入“上年预算执行数”）。原工作簿不会被修改。
退出码：0 已写出；2 参数有误、工作簿或模板包无法读取、输出已存在。
`;

export function registerRollover(program: Command, io: Io): void {
  program
    .command("rollover")
    .description("由本年度的工作簿生成下一年度的工作簿（不修改原文件）")
    .argument("<工作簿>", "本年度的部门预算公开工作簿（.xlsx/.xlsm）")
    .option("--year <年度>", "下一年度（必填，应为工作簿年度加一）")
    .option("--pack <模板包>", "下一年度的模板包：内置编号或 JSON 文件（默认沿用本年度的模板包）")
    .option("-o, --output <文件.xlsx>", "写出的新工作簿（必填）")
    .option("--force", "覆盖已存在的输出文件")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, options: RolloverOptions) => run(file, options, io));
}

async function run(file: string, options: RolloverOptions, io: Io): Promise<void> {
  const output = newWorkbookPath(options.output, file);
  if (options.year === undefined) throw new CliError("请用 --year 指定下一年度，如 --year 2026");
  const target = parseBudgetYear(options.year);
  const read = await readWorkbookFile(file);
  if ("error" in read) throw new CliError(`${file} ${read.error}`);
  const pack = packInStamp(read.stamp) ?? workbookPack(read.stamp, read.grids);
  if (!pack) throw new CliError(`${file} 中${noTablesFound(undefined)}`);
  const disclosure = readDisclosure(pack, read.grids);
  const year = statedYearOf(disclosure, read.grids, read.stamp);
  if (year === null) throw new CliError(`${file} 的表标题和文中标题中都没有年度，无法确定下一年度`);
  if (target !== year + 1) throw new CliError(`${file} 是 ${year} 年度的工作簿，下一年度应为 ${year + 1}（收到 --year ${target}）`);
  const next = options.pack ? packByIdOrFile(options.pack) : pack;
  const department = departmentIn(disclosure, read.grids, read.stamp);

  const result = rollover({ pack, next, grids: read.grids, catalog: builtinCatalog(year), department, year });
  writeAtomically(output, await plansToXlsx(result.plans), options.force ?? false);
  const amounts = Object.entries(result.previous.amounts).filter(([, v]) => v !== null);
  const codes = Object.values(result.previous.byCode).reduce((n, c) => n + Object.keys(c).length, 0);
  io.out(
    `已写出 ${output}：${department} ${target} 年度（模板包 ${next.id} ${next.version}）；上年数 ${amounts.length} 项` +
      `${codes ? `，按科目 ${codes} 个` : ""}：\n${amounts.map(([field, v]) => `  ${fieldName(next, field)}：${formatAmount(v!)} 万元\n`).join("")}`,
  );
}

/** How the input sheet captions a field: “说明数据”的“上年财政拨款收入”; the field's key where no sheet has it. */
function fieldName(pack: Pack, field: string): string {
  const at = inputFieldOf(pack, field);
  return at ? `“${at.sheet}”的“${at.label}”` : field;
}
