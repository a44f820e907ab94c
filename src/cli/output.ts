/** Writing what a command produces, never over an existing file unless asked. */
import * as fs from "node:fs";
import { CliError, fileProblem } from "./context";

/** Never replaces a file unless asked: "wx" fails if it exists, with no window between check and write. */
export function writeNewFile(path: string, data: Uint8Array, force: boolean): void {
  try {
    fs.writeFileSync(path, data, { flag: force ? "w" : "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST")
      throw new CliError(`${path} 已存在，未作改动。如需覆盖，请加 --force`, { cause: e });
    throw new CliError(`无法写入 ${path}：${fileProblem(e)}`, { cause: e });
  }
}
