/**
 * How pack data is read and validated: a pack file a user opens, and the built-in packs as written. A pack may extend
 * another (a 单位预算 variant of a 部门预算 pack) by naming it in `extends` and giving only what differs. The task pane
 * loads this (and zod) only when a pack file is opened: its built-in packs were validated when it was built.
 */
import shanxi2023 from "./shanxi-2023.json";
import shanghaiPutuo2025 from "./shanghai-putuo-2025.json";
import shanghaiPutuo2025Unit from "./shanghai-putuo-2025-unit.json";
import shanghaiPutuo2026 from "./shanghai-putuo-2026.json";
import shanghaiPutuo2024Final from "./shanghai-putuo-2024-final.json";
import { PackError, parsePack, type Pack, type Path } from "./schema";

type Json = Record<string, unknown>;

/** A bureau's own packs, bundled into its build of the task pane (webpack.config.js); none elsewhere. */
declare const BUREAU_PACKS: Json[] | undefined;

/** The built-in packs as written and a bureau's, by id: what `extends` may name. A bureau's pack of an id of ours replaces it. */
export const sourcesWith = (bureau: Json[]): Json[] => [
  ...[shanxi2023, shanghaiPutuo2025, shanghaiPutuo2025Unit, shanghaiPutuo2026, shanghaiPutuo2024Final].filter((s) => !bureau.some((b) => b.id === s.id)),
  ...bureau,
];
const SOURCES = sourcesWith(typeof BUREAU_PACKS === "undefined" ? [] : BUREAU_PACKS);

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A pack with `extends` resolved: the base pack's fields, replaced by the extension's; its `tables` merged by id
 * (each field given replaces the base table's); its `addChecks` appended to the base's checks (`checks` of its own
 * is refused: the base's would replace them). `where` maps a field of the merged pack back to the extension's own
 * field, or to the base pack's (named by its id) for what it inherits.
 */
function resolve(data: unknown, sources: Json[], seen: string[] = []): { data: unknown; where: (path: Path) => Path } {
  const same = { data, where: (p: Path) => p };
  if (!isObject(data) || data.extends === undefined) return same;
  const { extends: baseId, tables, addChecks, removeChecks, ...rest } = data;
  const source = sources.find((s) => s.id === baseId);
  if (typeof baseId !== "string" || !source) throw new PackError([`extends：没有名为 ${String(baseId)} 的内置模板包`]);
  // The merged pack's checks are the base's and addChecks: rows written as `checks` would be lost without a word.
  if (rest.checks !== undefined) throw new PackError(["checks：继承其他模板包（extends）时请用 addChecks 增加校验"]);
  if (seen.includes(baseId)) throw new PackError([`extends：模板包循环继承（${[...seen, baseId].join(" → ")}）`]);
  const base = resolve(source, sources, [...seen, baseId]).data as Json;
  const changes = Array.isArray(tables) ? (tables as unknown[]) : [];
  const unknownTable = changes.findIndex((t) => !isObject(t) || !(base.tables as Json[]).some((b) => b.id === t.id));
  if (unknownTable >= 0) {
    const t = changes[unknownTable];
    throw new PackError([`tables[${unknownTable}].id：基础模板包 ${baseId} 中没有表 ${isObject(t) ? String(t.id) : "（缺少 id）"}`]);
  }
  const baseTables = base.tables as Json[];
  // removeChecks: the rules whose check rows of the base pack the extension does without.
  if (removeChecks !== undefined && !(Array.isArray(removeChecks) && removeChecks.every((r) => typeof r === "string")))
    throw new PackError(["removeChecks：应为规则编号的列表，如 [\"X11\"]"]);
  const removed = new Set((removeChecks as string[] | undefined) ?? []);
  const unused = [...removed].find((r) => !(base.checks as Json[]).some((c) => c.rule === r));
  if (unused) throw new PackError([`removeChecks：基础模板包 ${baseId} 中没有规则 ${unused} 的校验`]);
  /** The base's check rows kept, by their index in the base. */
  const kept = (base.checks as Json[]).flatMap((c, i) => (removed.has(String(c.rule)) ? [] : [i]));
  const ownRules = Array.isArray(rest.rules) ? (rest.rules as Json[]) : [];
  const merged = {
    ...base,
    ...rest,
    tables: baseTables.map((t) => ({ ...t, ...((changes as Json[]).find((c) => c.id === t.id) ?? {}) })),
    checks: [...kept.map((i) => (base.checks as unknown[])[i]), ...(Array.isArray(addChecks) ? addChecks : [])],
    // The base's rules, those the extension names again replaced by its own.
    ...(base.rules !== undefined || rest.rules !== undefined
      ? { rules: [...((base.rules as Json[] | undefined) ?? []).filter((r) => !ownRules.some((o) => o.id === r.id)), ...((rest.rules as unknown[] | undefined) ?? [])] }
      : {}),
  };
  const inherited = (p: Path): Path => [`${baseId}.${String(p[0])}`, ...p.slice(1)];
  const where = (p: Path): Path => {
    const [field, index, key] = p;
    if (field === "checks" && typeof index === "number")
      return index >= kept.length ? ["addChecks", index - kept.length, ...p.slice(2)] : inherited(["checks", kept[index], ...p.slice(2)]);
    if (field === "tables" && typeof index === "number") {
      const k = (changes as Json[]).findIndex((c) => c.id === baseTables[index]?.id);
      return k >= 0 && typeof key === "string" && key in (changes[k] as Json) ? ["tables", k, ...p.slice(2)] : inherited(p);
    }
    return typeof field === "string" && field in rest ? p : p.length ? inherited(p) : p;
  };
  return { data: merged, where };
}

/** Validate data (e.g. a parsed JSON file) as a pack, extending one of `sources` where it says so. */
export function readPackData(data: unknown, sources: Json[] = SOURCES): Pack {
  const { data: merged, where } = resolve(data, sources);
  return parsePack(merged, where);
}

/** The largest pack file read: a real pack is tens of kilobytes; one of megabytes is a mistake or worse. */
export const PACK_SIZE_LIMIT = 8 * 1024 * 1024;

/**
 * A pack file's bytes as text: UTF-8, a byte-order mark allowed (Notepad writes one); anything else — a file saved as
 * GB18030/GBK by a Chinese Windows editor — is refused rather than read as garbled titles. So is a file over the limit.
 */
export function decodePackFile(bytes: Uint8Array): string {
  if (bytes.length > PACK_SIZE_LIMIT)
    throw new PackError([`文件过大（${(bytes.length / 1048576).toFixed(1)} MB，模板包最大 ${PACK_SIZE_LIMIT / 1048576} MB）：请检查是否选错了文件`]);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new PackError(["文件不是 UTF-8 编码（可能是 GB18030/GBK）：请在编辑器中另存为“UTF-8”后再载入"]);
  }
}

/** Parse pack JSON text, with a Chinese message for text that is not JSON at all. */
export function parsePackJson(text: string): Pack {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new PackError([`不是有效的 JSON（${(e as Error).message}）`]);
  }
  return readPackData(data);
}

/** Packs as written, each validated: the built-in ones (a bureau's among them), or those of sourcesWith(). */
export const validatedPacks = (sources: Json[] = SOURCES): Pack[] => sources.map((s) => readPackData(s, sources));
