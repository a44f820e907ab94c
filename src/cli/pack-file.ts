/** --pack: a template pack JSON file, refused with its problems listed. */
import * as fs from "node:fs";
import { PackError, parsePackJson, type Pack } from "../domain/packs";
import { CliError, fileProblem } from "./context";

export function readPack(path: string): Pack {
  let text: string;
  try {
    text = fs.readFileSync(path, "utf8");
  } catch (e) {
    throw new CliError(`无法读取模板包 ${path}：${fileProblem(e)}`, { cause: e });
  }
  try {
    // Notepad saves UTF-8 with a byte-order mark, which JSON.parse rejects.
    return parsePackJson(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    if (!(e instanceof PackError)) throw e;
    throw new CliError(`模板包 ${path} 有误：\n${e.problems.map((p) => `  - ${p}`).join("\n")}`, { cause: e });
  }
}
