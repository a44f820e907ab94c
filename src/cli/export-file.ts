/** One workbook exported: read, checked, built and written — the work of `export`, run in a worker thread of its own. */
import * as fs from "node:fs";
import * as path from "node:path";
import { unzipSync } from "fflate";
import { buildPackage, ExportRefused, PAGINATE_ROWS } from "../domain/export";
import { exportRequest, prepare } from "../domain/export/prepare";
import type { Finding } from "../domain/finding";
import type { Pack } from "../domain/packs";
import { workbookPack } from "../domain/read/detect";
import { packInStamp } from "../domain/packs/stored";
import { openErrors } from "../domain/report/model";
import { excelRef } from "../domain/report/text";
import { catalogsFor, type CatalogImport } from "./catalog-file";
import { CliError, fileProblem, type Io } from "./context";
import { nodeExportHooks } from "./export-hooks";
import { readWorkbookFile } from "./grids";
import { writeAtomically } from "./output";
import { noTablesFound } from "./pack-file";
import type { Stages } from "./stages";

/** Error-level findings stand and --draft was not given. */
export const EXIT_REFUSED = 1;

/** What `export` was asked for, checked: plain data, so it can be sent to the worker. */
export interface ExportSetup {
  output: string;
  zipped: boolean;
  force: boolean;
  strict: boolean;
  draft: boolean;
  forced?: Pack;
  catalog?: CatalogImport;
  /** The budget year (--year) of a workbook that states none. */
  year?: number;
}

export async function exportFile(file: string, { output, zipped, force, strict, draft, forced, catalog, year }: ExportSetup, io: Io, stages: Stages): Promise<number> {
  stages.say(`读取 ${file}`);
  const read = await readWorkbookFile(file);
  if ("error" in read) throw new CliError(`${file} ${read.error}`);
  // Without --pack the workbook is read with the built-in pack whose tables it holds (none: no pack is chosen).
  const pack = forced ?? packInStamp(read.stamp) ?? workbookPack(read.stamp, read.grids);
  if (!pack) throw new CliError(`${file} 中${noTablesFound(forced)}`);
  stages.say(`校验（模板包 ${pack.id} ${pack.version}）`);
  const prepared = prepare(pack, read.grids, {
    strict,
    catalogFor: catalogsFor(catalog),
    year,
    explanations: read.explanations,
    stamp: read.stamp,
  });
  // A chosen pack has tables in the workbook: only the pack given with --pack may have none.
  if (prepared.check.tablesFound.length === 0) throw new CliError(`${file} 中${noTablesFound(forced)}`);

  const request = exportRequest(pack, prepared, { strict, draft, now: new Date() });
  let built: Awaited<ReturnType<typeof buildPackage>>;
  try {
    // The last stage ("完成") is said by the summary on stdout.
    built = await buildPackage(
      request,
      nodeExportHooks((stage, fraction) => {
        if (fraction < 1) stages.say(stage);
      }),
    );
  } catch (e) {
    if (!(e instanceof ExportRefused)) throw e;
    stages.end();
    io.err(refusal(e));
    return EXIT_REFUSED;
  }
  stages.end();

  if (zipped) writeAtomically(output, built.zip, force);
  else writeUnpacked(output, unzipSync(built.zip), force);
  const marked = draft ? "（草稿，每页标注“草稿”）" : "";
  io.out(`已导出${marked} ${zipped ? output : `${built.files.length} 个文件到 ${output}`}：\n${built.files.map((f) => `  ${f}\n`).join("")}`);
  if (built.tooLongToPage) io.err(`提示：表格超过 ${PAGINATE_ROWS.toLocaleString("zh-CN")} 行，文档目录中不标页码（为此排版一遍需要很久）。\n`);
  else if (!built.paged) io.err("提示：未找到 LibreOffice（soffice）和 pdftotext，文档目录中没有页码；安装后重新导出即可。\n");
  // A draft says what it still lacks: the open errors, missing inputs (S11) among them, each with where to fix it.
  const open = openErrors(request.findings);
  if (draft && open.length) io.err([`草稿中尚有 ${open.length} 个“错误”，文档中以【待填写：…】标出未填写的内容：`, ...open.map(findingLine), ""].join("\n"));
  return 0;
}

const findingLine = (f: Finding) => `  ${f.rule} ${f.sheet ? excelRef(f.sheet, f.cell) : "（表外）"}  ${f.message}`;

/** The blocking findings, each with the cell to fix, and the way out. */
function refusal(e: ExportRefused): string {
  const lines = e.errors.map(findingLine);
  return [
    `未导出：校验发现 ${e.errors.length} 个“错误”级别的问题，须修正后才能导出公开文件：`,
    ...lines,
    "修正后重新导出；或加 --draft 导出草稿（文档每页标注“草稿”，不能作为正式公开文件）。",
    "",
  ].join("\n");
}

/** The package's files under `dir` (created); nothing is written while any of them exists, unless --force. */
function writeUnpacked(dir: string, files: Record<string, Uint8Array>, force: boolean): void {
  const targets = Object.entries(files).map(([name, data]) => ({ target: path.join(dir, ...name.split("/")), data }));
  if (!force) {
    const taken = targets.filter(({ target }) => fs.existsSync(target)).map(({ target }) => target);
    if (taken.length) throw new CliError(`这些文件已存在，未作改动：${taken.join("、")}。如需覆盖，请加 --force`);
  }
  for (const { target, data } of targets) {
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
    } catch (e) {
      throw new CliError(`无法写入 ${dir}：${fileProblem(e)}`, { cause: e });
    }
    writeAtomically(target, data, force);
  }
}
