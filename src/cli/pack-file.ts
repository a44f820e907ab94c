/** --pack: a built-in pack by id, or a template pack JSON file, refused with its problems listed. */
import * as fs from "node:fs";
import { builtinPacks, findBuiltinPack, type Pack } from "../domain/packs";
import { PackError } from "../domain/packs/schema";
import { decodePackFile, parsePackJson } from "../domain/packs/validate";
import { CliError, readInputFile } from "./context";

function readPack(path: string): Pack {
  try {
    return parsePackJson(decodePackFile(readInputFile(path, "模板包")));
  } catch (e) {
    if (!(e instanceof PackError)) throw e;
    throw new CliError(`模板包 ${path} 有误：\n${PackError.shown(e.problems).map((p) => `  - ${p}`).join("\n")}`, { cause: e });
  }
}

/**
 * --pack: a built-in pack by its id (shanghai-putuo-2025 …) — unless a file of that name is there — or
 * a pack file.
 */
export function packByIdOrFile(value: string): Pack {
  const builtin = findBuiltinPack(value.trim());
  if (builtin && !fs.existsSync(value)) return builtin;
  if (!fs.existsSync(value) && !/\.json$/i.test(value)) {
    const ids = builtinPacks().map(({ id }) => id);
    throw new CliError(`没有编号为“${value}”的内置模板包，也没有这个文件（内置模板包：${ids.join("、")}）`);
  }
  return readPack(value);
}

/** Why a workbook cannot be checked: it holds no table of the pack given (--pack), or of any built-in pack. */
export function noTablesFound(given: Pack | undefined): string {
  const names = builtinPacks().map(({ name }) => name);
  const where = given ? `模板包“${given.name}”` : `内置模板包（${names.join("、")}）`;
  return `未找到任何公开表（按${where}的表标题查找）`;
}
