/** `validate`: check disclosure workbooks (files or whole folders) and report the findings as text, JSON or CSV. */
import * as fs from "node:fs";
import * as path from "node:path";
import { Presets, SingleBar } from "cli-progress";
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { builtinPacks } from "../../domain/packs";
import { readCatalogFile } from "../catalog-file";
import { CliError, EXIT_INPUT, EXIT_OK, fileProblem, parseBudgetYear, processIo, type Io } from "../context";
import { packByIdOrFile } from "../pack-file";
import { FORMATS, formatReport, type Format } from "../report";
import { hasOpenErrors, type Report } from "../../domain/report/model";
import { missingOf, newSince, readBaselineFile, readExpectFile } from "../review-files";
import { readRulesFile } from "../rules-file";
import { writeAtomically } from "../output";
import { countsText } from "../../domain/report/text";
import { stageLines } from "../stages";
import { validateFiles } from "../validate-pool";

/** Some workbook has an error-level finding. */
const EXIT_FINDINGS = 1;

/** One core stays with this thread (it checks files too); measured: on 2 cores a worker only adds its start-up. */
const DEFAULT_JOBS = Math.max(1, Math.min(4, availableParallelism() - 1));

interface ValidateOptions {
  format?: string;
  strict?: boolean;
  catalog?: string;
  jobs?: string;
  pack?: string;
  year?: string;
  output?: string;
  expect?: string;
  baseline?: string;
  rules?: string;
  explainText?: boolean;
}

const EXAMPLES = `
示例：
  budget-disclosure validate 晋城市商务局.xlsx
  budget-disclosure validate 各部门/ --format csv -o 校验结果.csv
  budget-disclosure validate 各部门/ --catalog 2024年支出功能分类科目.xlsx --format json -o 校验结果.json
  budget-disclosure validate 各部门/ --format html --expect 部门名单.csv -o 审核.html
  budget-disclosure validate 各部门/ --baseline 上次.json          # 只列上次报告之后新出现的问题

退出码：0 没有未说明的错误；1 有未说明的“错误”级别问题；2 有文件无法校验（无法读取、找不到任何预算公开表）或参数有误。
`;

export function registerValidate(program: Command, io: Io, setExitCode: (code: number) => void): void {
  program
    .command("validate")
    .description("校验部门预算公开工作簿（.xlsx/.xlsm）：表内与表间的勾稽关系、科目编码、表样")
    .argument("[文件或目录...]", "要校验的工作簿，或包含工作簿的目录（含子目录）")
    .option("--format <格式>", "报告格式：text（默认）、json、csv 或 html（一页看全部工作簿，可排序筛选）")
    .option("--strict", "严格模式：金额必须完全相等，不计尾差")
    .option("--catalog <文件>", "科目目录文件（.xlsx/.csv，编码、名称两列），视为完整目录")
    .option("--jobs <数量>", `同时校验的文件数（默认 ${DEFAULT_JOBS}，即处理器核数减一）`)
    .option("--pack <文件>", "内置模板包编号或模板包 JSON 文件（默认用工作簿记录的模板包，或按表标题选用内置模板包）")
    .option("--year <年度>", "预算年度，用于表中未写年度的工作簿（如决算表；默认取工作簿记录的年度、表标题或文中标题，都没有时取模板包的年度）")
    .option("-o, --output <文件>", "把报告写入文件（默认输出到屏幕）")
    .option("--expect <部门名单.csv>", "应报送的部门名单（第一列），报告列出未报送的部门")
    .option("--baseline <报告.json>", "上次 --format json 的报告：只列出其后新出现的问题")
    .option("--rules <规则.json>", "本次使用的规则设置：{\"rules\": {\"N11\": \"off\", \"X11\": \"error\"}}")
    .option("--explain-text", "逐句列出情况说明中每处金额读成了什么（所指项目或科目、上年数、增减），是否与表格核对（text 和 json 格式）")
    .addHelpText("after", EXAMPLES)
    .action(async (inputs: string[], options: ValidateOptions) => setExitCode(await validate(inputs, options, io)));
}

async function validate(inputs: string[], options: ValidateOptions, io: Io): Promise<number> {
  const format = parseFormat(options.format);
  const jobs = parseJobs(options.jobs);
  const output = options.output === undefined ? undefined : outputPath(options.output);
  // Without --pack each workbook is checked with the built-in pack whose tables it holds.
  const pack = options.pack === undefined ? undefined : packByIdOrFile(options.pack);
  const catalog = options.catalog === undefined ? undefined : await readCatalogFile(options.catalog, io.err);
  const expected = options.expect === undefined ? undefined : readExpectFile(options.expect);
  const baseline = options.baseline === undefined ? undefined : readBaselineFile(options.baseline);
  const rules = options.rules === undefined ? undefined : readRulesFile(options.rules);
  const files = workbookFiles(inputs);

  // Progress redraws itself with terminal control codes: only on a terminal. Many files: a bar; one: its seconds.
  const terminal = io === processIo && process.stderr.isTTY;
  const bar =
    terminal && files.length > 1
      ? new SingleBar({ format: "校验 {bar} {value}/{total} 个文件", hideCursor: true, clearOnComplete: true }, Presets.shades_classic)
      : undefined;
  const stages = terminal && files.length === 1 ? stageLines(io) : undefined;
  const year = options.year === undefined ? undefined : parseBudgetYear(options.year);
  const setup = { pack, strict: options.strict ?? false, catalog, rules, explainText: options.explainText ?? false, year };
  bar?.start(files.length, 0);
  stages?.say(`校验 ${files[0]}`);
  const checked = await validateFiles(files, setup, jobs, () => bar?.increment()).finally(() => (bar?.stop(), stages?.end()));
  const reports = baseline ? newSince(checked, baseline) : checked;
  const report: Report = {
    checkedAt: new Date(),
    strict: setup.strict,
    files: reports,
    missing: expected && missingOf(expected, checked),
  };

  const text = formatReport(format, report, pack ? [pack] : builtinPacks());
  if (output === undefined) io.out(text);
  // A report replaces the earlier one, whole: a run stopped halfway leaves the earlier report as it was.
  else {
    writeAtomically(output, text, true);
    // Written to a file, the report says nothing on the screen: one line says where it went and what it holds.
    io.out(`已写入 ${output}：${reports.length} 个文件，${countsText(reports.flatMap((r) => r.findings))}\n`);
  }
  for (const r of reports) if (r.error !== undefined) io.err(`错误：${r.file}：${r.error}\n`);
  // An unusable file outweighs errors elsewhere: the run did not check everything it was given.
  if (reports.some((r) => r.error !== undefined)) return EXIT_INPUT;
  return reports.some((r) => hasOpenErrors(r.findings)) ? EXIT_FINDINGS : EXIT_OK;
}

function parseFormat(text: string | undefined): Format {
  const format = (text ?? "text").toLowerCase();
  if (!FORMATS.includes(format as Format)) throw new CliError(`--format 应为 ${FORMATS.join("、")} 之一，收到“${text}”`);
  return format as Format;
}

function parseJobs(text: string | undefined): number {
  const jobs = text === undefined ? DEFAULT_JOBS : /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!(jobs >= 1 && jobs <= 64)) throw new CliError(`--jobs 应为 1 至 64 之间的整数，收到“${text}”`);
  return jobs;
}

function outputPath(file: string): string {
  // A report written over a workbook would destroy it, perhaps the very one under review.
  if (/\.(xlsx|xlsm|xls)$/i.test(file)) throw new CliError(`-o 写入的是校验报告（文本、JSON、CSV 或 HTML），不能是工作簿文件：${file}`);
  return file;
}


const isWorkbook = (name: string) => /\.(xlsx|xlsm)$/i.test(name) && !name.startsWith("~$");
// Names in the order a Chinese file manager shows them: 表2 before 表10.
const byName = (a: string, b: string) => a.localeCompare(b, "zh-CN", { numeric: true });

/** Workbooks in a folder and its subfolders; Excel's ~$ lock files are not workbooks. */
function walk(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new CliError(`无法读取目录 ${dir}：${fileProblem(e)}`, { cause: e });
  }
  return entries
    .sort((a, b) => byName(a.name, b.name))
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return walk(full);
      return e.isFile() && isWorkbook(e.name) ? [full] : [];
    });
}

/** The files named, and the workbooks in the folders named, each once, in the order given. */
function workbookFiles(inputs: string[]): string[] {
  if (inputs.length === 0) throw new CliError("请指定要校验的工作簿或目录，如 budget-disclosure validate 预算公开表.xlsx");
  const files = inputs.flatMap((input) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      throw new CliError(`无法读取 ${input}：${fileProblem(e)}`, { cause: e });
    }
    if (!stat.isDirectory()) return [input];
    const found = walk(input);
    if (found.length === 0) throw new CliError(`目录 ${input} 中没有 .xlsx 或 .xlsm 文件`);
    return found;
  });
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = path.resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
