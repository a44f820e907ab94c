/**
 * Writing what a command produces: never over an existing file unless asked, and never half a file under the final
 * name. Each file goes to a temporary name beside it (.名称.进程号.partial, the same folder, so the last step is
 * atomic) and is moved into place when complete; a failed or killed run leaves nothing under the final name, and
 * its leftover is removed by the next run that writes there.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CliError, fileProblem } from "./context";

const PARTIAL = /^\.(.+)\.(\d+)\.partial$/;

const partialOf = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);

/** Whether a process is still running (a leftover of a live run is its own, not ours to remove). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes what an earlier run left behind while writing `file`, unless that run still runs. */
function cleanLeftovers(file: string): void {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = PARTIAL.exec(name);
    if (m && m[1] === path.basename(file) && (Number(m[2]) === process.pid || !alive(Number(m[2])))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * `data` under `file`, whole or not at all. Without `replace` an existing file is refused: the final step links the
 * finished file into place, which fails if the name was taken meanwhile — two runs cannot both write it.
 */
export function writeAtomically(file: string, data: Uint8Array | string, replace: boolean): void {
  cleanLeftovers(file);
  const partial = partialOf(file);
  try {
    fs.writeFileSync(partial, data, { flag: "wx" });
    if (replace) fs.renameSync(partial, file);
    else {
      fs.linkSync(partial, file);
      fs.rmSync(partial);
    }
  } catch (e) {
    fs.rmSync(partial, { force: true });
    if ((e as NodeJS.ErrnoException).code === "EEXIST")
      throw new CliError(`${file} 已存在，未作改动。如需覆盖，请加 --force`, { cause: e });
    throw new CliError(`无法写入 ${file}：${fileProblem(e)}`, { cause: e });
  }
}

/** The -o of a command writing a workbook: given, and ending in .xlsx (Excel opens nothing else as one). */
export function workbookPath(output: string | undefined): string {
  if (output === undefined) throw new CliError("请用 -o 指定输出文件，如 -o 预算公开表.xlsx");
  if (path.extname(output).toLowerCase() !== ".xlsx") throw new CliError(`输出文件名应以 .xlsx 结尾：${output}`);
  return output;
}

/** The -o of a command writing a new workbook made from `input` (upgrade, rollover): never the input itself. */
export function newWorkbookPath(output: string | undefined, input: string): string {
  const file = workbookPath(output);
  if (path.resolve(file) === path.resolve(input)) throw new CliError("输出不能是输入的工作簿本身：从不修改原文件");
  return file;
}
