/** `template`: the official tables of a pack as an .xlsx file, empty or filled with the pack's sample. */
import type { Command } from "commander";
import { builtinPack, builtinPacks, DEFAULT_PACK_ID, type Pack } from "../../domain/packs";
import { renderTables } from "../../domain/render/render";
import type { Sample } from "../../domain/samples";
import { FIRST_YEAR, LAST_YEAR } from "../../domain/budget-year";
import { CliError, parseBudgetYear, type Io } from "../context";
import { workbookPath, writeAtomically } from "../output";
import { packByIdOrFile } from "../pack-file";
import { plansToXlsx } from "../../xlsx/write-plans";

/**
 * The samples, read when a command asks for them: their figures are half of the CLI's code, which every start would
 * otherwise compile (a synchronous require, as commander's help text is made synchronously).
 */
const samples = (): typeof import("../../domain/samples") & typeof import("../../domain/samples/workbook") => ({
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ...(require("../../domain/samples") as typeof import("../../domain/samples")),
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ...(require("../../domain/samples/workbook") as typeof import("../../domain/samples/workbook")),
});

interface TemplateOptions {
  year?: string;
  department?: string;
  output?: string;
  tables?: string;
  pack?: string;
  sample?: boolean;
  force?: boolean;
}

/**
 * The help after the options: the built-in packs with their samples, then examples. A function, so that the packs are
 * read (and validated) only when the help is shown, not on every start of the CLI.
 */
function examples(): string {
  const packs = builtinPacks();
  const idWidth = Math.max(...packs.map((p) => p.id.length));
  const { sampleOf } = samples();
  const list = packs.map((p) => {
    const sample = sampleOf(p);
    return `  ${p.id.padEnd(idWidth)}  ${p.name}${sample ? `，示例：${sample.department} ${sample.year}` : ""}`;
  });
  return `
内置模板包（--pack 的编号，--sample 填入的示例）：
${list.join("\n")}

示例：
  budget-disclosure template --year 2023 --department 晋城市商务局 -o 预算公开表.xlsx
  budget-disclosure template --sample -o 示例.xlsx
  budget-disclosure template --year 2024 --department 某某局 --tables T01,T10 -o 表1和表10.xlsx
  budget-disclosure template --pack shanghai-putuo-2025 --year 2025 --department 上海市普陀区某某局 -o 部门预算表.xlsx
  budget-disclosure template --pack shanghai-putuo-2025-unit --sample -o 单位预算示例.xlsx
  budget-disclosure template --pack 模板包.json --year 2024 --department 某某局 -o 预算公开表.xlsx
`;
}

export function registerTemplate(program: Command, io: Io): void {
  program
    .command("template")
    .description("生成部门预算公开表样（.xlsx），可填入示例数据")
    .option("--year <年度>", `预算年度，${FIRST_YEAR}–${LAST_YEAR}（加 --sample 时默认为示例的年度）`)
    .option("--department <名称>", "部门名称（加 --sample 时默认为示例部门）")
    .option("-o, --output <文件>", "输出的 .xlsx 文件（必填）")
    .option("--tables <表号>", "只生成这些表，逗号分隔，如 T01,T02（默认全部）")
    .option("--pack <模板包>", `内置模板包编号（见下）或模板包文件，默认 ${DEFAULT_PACK_ID}`)
    .option("--sample", "填入所选模板包的示例数据（见下）")
    .option("--force", "覆盖已存在的输出文件")
    .addHelpText("after", examples)
    .action((options: TemplateOptions) => template(options, io));
}

async function template(options: TemplateOptions, io: Io): Promise<void> {
  const output = workbookPath(options.output);
  const pack = options.pack === undefined ? builtinPack() : packByIdOrFile(options.pack);
  const { SAMPLES, sampleOf, samplePlans } = samples();
  const sample = options.sample ? sampleOf(pack) : undefined;
  if (options.sample && !sample)
    throw new CliError(
      `模板包 ${pack.id}（${pack.name}）没有内置示例数据，不能加 --sample；有示例的模板包：${[...new Set(SAMPLES.map((s) => s.pack))].join("、")}`,
    );
  const year = parseYear(options.year, sample);
  const department = parseDepartment(options.department, sample);
  const tables = options.tables === undefined ? undefined : parseTables(options.tables, pack);

  // The whole sample — its input sheets, forms and texts too — unless only some tables are asked for.
  const whole = sample && !tables && year === sample.year && department === sample.department;
  const plans = whole ? samplePlans(pack, sample) : renderTables(pack, { department, year, tables, rows: sample?.rows });
  const count = plans.filter((p) => pack.tables.some((t) => t.id === p.tableId)).length;
  writeAtomically(output, await plansToXlsx(plans), options.force ?? false);
  const others = plans.length - count;
  io.out(`已写入 ${output}：${count} 张表${others ? `及 ${others} 个说明工作表` : ""}（${department}，${year}年）\n`);
}

function parseYear(text: string | undefined, sample: Sample | undefined): number {
  if (text === undefined) {
    if (sample) return sample.year;
    throw new CliError("请用 --year 指定预算年度，如 --year 2023");
  }
  return parseBudgetYear(text);
}

function parseDepartment(text: string | undefined, sample: Sample | undefined): string {
  if (text === undefined) {
    if (sample) return sample.department;
    throw new CliError("请用 --department 指定部门名称，如 --department 晋城市商务局");
  }
  const name = text.trim();
  if (!name) throw new CliError("部门名称不能为空");
  return name;
}

function parseTables(text: string, pack: Pack): string[] {
  // Commas typed with a Chinese input method are full-width.
  const ids = text
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map((id) => id.toUpperCase());
  if (!ids.length) throw new CliError("--tables 至少应列出一张表，如 --tables T01,T02");
  const known = pack.tables.map((t) => t.id);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length) throw new CliError(`模板包 ${pack.id} 中没有这些表：${unknown.join("、")}（可用：${known.join(",")}）`);
  return ids;
}
