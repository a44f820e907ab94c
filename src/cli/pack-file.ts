/** --pack: a built-in pack by id, or a template pack JSON file, refused with its problems listed. */
import * as fs from "node:fs";
import { builtinPacks, PackError, parsePackJson, type Pack } from "../domain/packs";
import { CliError, fileProblem } from "./context";

function readPack(path: string): Pack {
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

/**
 * --pack: a built-in pack by its id (shanghai-putuo-2025 …) — unless a file of that name is there — or
 * a pack file.
 */
export function packByIdOrFile(value: string): Pack {
  const builtin = builtinPacks().find((p) => p.id === value.trim());
  if (builtin && !fs.existsSync(value)) return builtin;
  if (!fs.existsSync(value) && !/\.json$/i.test(value))
    throw new CliError(`没有编号为“${value}”的内置模板包，也没有这个文件（内置模板包：${builtinPacks().map((p) => p.id).join("、")}）`);
  return readPack(value);
}
