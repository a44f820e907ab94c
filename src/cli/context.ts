/** What every command shares: where it prints, and how it reports input it cannot use. */
import { FIRST_YEAR, LAST_YEAR, isBudgetYear } from "../domain/budget-year";
import * as fs from "node:fs";

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;

/** Where the CLI prints; tests pass collectors, the bin passes the process streams. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** Input the CLI cannot use: the message (Chinese) is printed as is and the exit code is 2. */
export class CliError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CliError";
  }
}

// Node's own messages are English; the common causes in words a clerk reads.
const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: "文件或目录不存在",
  EACCES: "没有访问权限",
  EPERM: "没有访问权限",
  EISDIR: "这是一个目录",
  ENOTDIR: "路径中有一段不是目录",
  EROFS: "文件系统只读",
  ENOSPC: "磁盘空间不足",
  EEXIST: "文件已存在",
  EBUSY: "文件正被其他程序使用",
  EMFILE: "同时打开的文件过多",
  EXDEV: "不能跨磁盘移动文件",
};

/** A file-system error in Chinese. */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  return FILE_PROBLEMS[code] ?? `系统错误 ${code || (error as Error).message}`;
}

/** The largest pack, catalogue, rules, list or baseline file read: each is text, of kilobytes to a few megabytes. */
export const INPUT_SIZE_LIMIT = 64 * 1024 * 1024;

/** A size as the CLI's messages state it: 29.7 MB. */
export const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** A file the user named, whole: or a CliError saying which (无法读取{what} {file}：…). */
export function readInputFile(file: string, what: string): Buffer {
  try {
    // Asked before reading: a file of gigabytes is refused without being read into memory.
    const size = fs.statSync(file).size;
    if (size > INPUT_SIZE_LIMIT) throw new CliError(`${what} ${file} 过大（${megabytes(size)}，最大 ${megabytes(INPUT_SIZE_LIMIT)}）：请检查是否选错了文件`);
    return fs.readFileSync(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`无法读取${what} ${file}：${fileProblem(e)}`, { cause: e });
  }
}

/** A --year option: a budget year of four digits, in the years the add-in takes. */
export function parseBudgetYear(text: string): number {
  const year = /^\d{4}$/.test(text.trim()) ? Number(text) : NaN;
  if (!isBudgetYear(year)) throw new CliError(`预算年度应为 ${FIRST_YEAR} 至 ${LAST_YEAR} 之间的整数，收到“${text}”`);
  return year;
}
