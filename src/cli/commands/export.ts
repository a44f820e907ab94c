/** `export`: a checked workbook → the disclosure package, as a .zip or unpacked into a folder. */
import * as fs from "node:fs";
import type { Command } from "commander";
import { readCatalogFile } from "../catalog-file";
import { CliError, parseBudgetYear, type Io } from "../context";
import type { ExportSetup } from "../export-file";
import type { ExportMessage } from "../export-worker";
import { packByIdOrFile } from "../pack-file";
import { stageLines, type Stages } from "../stages";
import { moduleWorker } from "../worker";

interface ExportOptions {
  output?: string;
  draft?: boolean;
  strict?: boolean;
  catalog?: string;
  pack?: string;
  year?: string;
  force?: boolean;
}

const EXAMPLES = `
示例：
  budget-disclosure export 晋城市商务局.xlsx -o 公开文件.zip
  budget-disclosure export 晋城市商务局.xlsx -o 公开文件/            # 解压到目录
  budget-disclosure export 大同市商务局.xlsx -o 草稿.zip --draft     # 有错误时导出草稿，每页标注“草稿”

退出码：0 已导出；1 有“错误”级别的问题，未导出（可加 --draft 导出草稿）；2 参数有误、工作簿无法读取或输出已存在。
`;

export function registerExport(program: Command, io: Io, setExitCode: (code: number) => void): void {
  program
    .command("export")
    .description("导出部门预算公开文件包：Word 文档、表格 .xlsx、CSV 数据及说明、校验报告")
    .argument("<工作簿>", "填好的部门预算公开工作簿（.xlsx/.xlsm）")
    .option("-o, --output <目录或.zip>", "以.zip结尾时写入压缩包，否则解压写入该目录（必填）")
    .option("--draft", "有错误时也导出，文档每页标注“草稿”")
    .option("--strict", "严格模式：金额必须完全相等，不计尾差")
    .option("--catalog <文件>", "科目目录文件（.xlsx/.csv，编码、名称两列），视为完整目录")
    .option("--pack <文件>", "内置模板包编号或模板包 JSON 文件（默认用工作簿记录的模板包，或按表标题选用内置模板包）")
    .option("--year <年度>", "预算年度，用于表中未写年度的工作簿（如决算表）")
    .option("--force", "覆盖已存在的压缩包或目录中的同名文件")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, options: ExportOptions) => setExitCode(await exportPackage(file, options, io)));
}

async function exportPackage(file: string, options: ExportOptions, io: Io): Promise<number> {
  const output = options.output;
  if (output === undefined) throw new CliError("请用 -o 指定输出的 .zip 文件或目录，如 -o 公开文件.zip");
  const zipped = /\.zip$/i.test(output);
  const force = options.force ?? false;
  const strict = options.strict ?? false;
  // An existing package is refused before any work, not after it (the write still refuses one that appears meanwhile).
  if (zipped && !force && fs.existsSync(output)) throw new CliError(`${output} 已存在，未作改动。如需覆盖，请加 --force`);
  const forced = options.pack === undefined ? undefined : packByIdOrFile(options.pack);
  const catalog = options.catalog === undefined ? undefined : await readCatalogFile(options.catalog, io.err);

  const stages = stageLines(io);
  try {
    return await exportInWorker(file, { output, zipped, force, strict, draft: options.draft ?? false, forced, catalog, year: options.year === undefined ? undefined : parseBudgetYear(options.year) }, io, stages);
  } finally {
    stages.end();
  }
}

/**
 * The heap the export may use (MB; BUDGET_DISCLOSURE_EXPORT_HEAP_MB sets another). Its live data are a few hundred
 * megabytes even for 100,000 projects; the rest of a process's growth is garbage the collector leaves while it may.
 * A limit makes it collect: 22,000 function rows and 105,000 projects export at a peak of some 1.3 GB, not 2.1 GB.
 */
const exportHeapMb = () => Number(process.env.BUDGET_DISCLOSURE_EXPORT_HEAP_MB) || 1_200;

/** The export in a worker thread with its own heap limit: running out of it is a message, not a crash. */
function exportInWorker(file: string, setup: ExportSetup, io: Io, stages: Stages): Promise<number> {
  return new Promise((resolve, reject) => {
    const heap = exportHeapMb();
    const worker = moduleWorker("export-worker", { workerData: { file, setup }, resourceLimits: { maxOldGenerationSizeMb: heap } });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.on("message", (m: ExportMessage) => {
      if ("out" in m) io.out(m.out);
      else if ("err" in m) io.err(m.err);
      else if ("stage" in m) stages.say(m.stage);
      else if ("stagesEnd" in m) stages.end();
      else if ("done" in m) settle(() => resolve(m.done));
      else settle(() => reject(m.cli ? new CliError(m.failed) : new Error(m.failed)));
    });
    worker.on("error", (e: Error & { code?: string }) =>
      settle(() =>
        reject(
          e.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new CliError(`${file} 导出所需的内存超过上限（${heap.toLocaleString("zh-CN")} MB），未导出：可用环境变量 BUDGET_DISCLOSURE_EXPORT_HEAP_MB 调高上限（单位 MB）`)
            : e,
        ),
      ),
    );
    worker.on("exit", (code) => settle(() => reject(new Error(`导出线程意外退出，退出码 ${code}`))));
  });
}

