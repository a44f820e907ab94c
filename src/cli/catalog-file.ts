/** --catalog: an official subject catalogue (.xlsx or .csv, code and name columns) to check against instead of the built-in list. */
import * as path from "node:path";
import { z } from "zod";
import { FIRST_YEAR, LAST_YEAR } from "../domain/budget-year";
import { amendmentSchema, codeNameSchema, dateSchema } from "../domain/catalog/amendment-schema";
import { amendCatalog, builtinCatalog, importCatalog, levelOf, normalizeCode, type Amendment, type Catalog, type CatalogKind } from "../domain/catalog/catalog";
import type { CellValue } from "../domain/grid";
import { CliError, readInputFile } from "./context";
import { parseCsv } from "../domain/export/csv";
import { decodeCsv } from "./csv";
import { readWorkbookFile } from "./grids";

/** The catalogue of a budget year: its messages name the year, so each disclosure gets its own. */
export type CatalogFor = (year: number) => Catalog;

/**
 * An imported catalogue file as plain data, which worker threads can be sent: an official list of one kind, and/or
 * the amendments of one year's catalogue (a .json file, `datedCatalogSchema`).
 */
export interface CatalogImport {
  kind?: CatalogKind;
  rows?: CellValue[][];
  /** The budget year the amendments are of: other years' catalogues stay as they are. */
  year?: number;
  amendments?: Amendment[];
}

/** A year's catalogue as a notice amends it: the built-in (or --catalog list) of that year, with its amendments. */
const datedCatalogSchema = z
  .object({
    year: z.number().int().min(FIRST_YEAR).max(LAST_YEAR),
    /** When that year's catalogue took effect. */
    effective: dateSchema.optional(),
    /** An official list of one kind, as `catalog import` writes it: the year's complete list of that kind. */
    kind: z.enum(["functional", "econDept", "econGov", "income"]).optional(),
    entries: z.array(codeNameSchema).optional(),
    amendments: z.array(amendmentSchema),
  })
  .strict();

// Every code of a kind begins with the same digit.
const KINDS: Record<string, { kind: CatalogKind; label: string }> = {
  "1": { kind: "income", label: "收入分类科目" },
  "2": { kind: "functional", label: "支出功能分类科目" },
  "3": { kind: "econDept", label: "部门预算支出经济分类科目" },
  "5": { kind: "econGov", label: "政府预算支出经济分类科目" },
};

async function readRows(file: string): Promise<CellValue[][]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv") {
    return parseCsv(decodeCsv(readInputFile(file, "科目目录")));
  }
  if (ext !== ".xlsx" && ext !== ".xlsm") throw new CliError(`科目目录应为 .xlsx 或 .csv 文件：${file}`);
  const read = await readWorkbookFile(file);
  if ("error" in read) throw new CliError(`科目目录 ${file} ${read.error}`);
  return read.grids.find((g) => g.values.length > 0)?.values ?? [];
}

/** The first code in the file (a header row has none) decides the kind; importCatalog names any row of another kind. */
function kindOf(rows: CellValue[][], file: string): { kind: CatalogKind; label: string } {
  const code = rows.flatMap((row) => row.map(normalizeCode)).find((c) => levelOf(c) !== undefined);
  if (code === undefined) throw new CliError(`科目目录 ${file} 中没有科目编码（3、5 或 7 位数字）`);
  const found = KINDS[code[0]];
  if (!found)
    throw new CliError(`科目目录 ${file} 的科目编码 ${code} 以 ${code[0]} 开头，无法判断科目类别（2 支出功能分类、3 部门经济分类、5 政府经济分类、1 收入分类）`);
  return found;
}

/** The built-in catalogue, or the imported one, of each year asked for (each built once). */
export function catalogsFor(imported: CatalogImport | undefined): CatalogFor {
  if (!imported) return builtinCatalog;
  const byYear = new Map<number, Catalog>();
  return (year) => {
    let catalog = byYear.get(year);
    if (!catalog) {
      catalog = imported.kind && imported.rows ? importCatalog(year, imported.kind, imported.rows) : builtinCatalog(year);
      // The catalogue in force for the budget year: a year's amendments do not reach another year's workbooks.
      if (imported.amendments && imported.year === year) catalog = amendCatalog(catalog, imported.amendments);
      byYear.set(year, catalog);
    }
    return catalog;
  };
}

/** Reads and imports the whole file now, so a bad catalogue stops the run before any workbook is read. */
export async function readCatalogFile(file: string, note: (text: string) => void): Promise<CatalogImport> {
  if (path.extname(file).toLowerCase() === ".json") return readDatedCatalog(file, note);
  const rows = await readRows(file);
  const { kind, label } = kindOf(rows, file);
  let catalog: Catalog;
  try {
    catalog = catalogsFor({ kind, rows })(new Date().getFullYear());
  } catch (e) {
    throw new CliError(`科目目录 ${file} 有误：${(e as Error).message}`, { cause: e });
  }
  note(`已导入科目目录 ${file}：${label} ${catalog.entries(kind).length} 个，按完整目录校验（其他类别仍用内置目录）\n`);
  return { kind, rows };
}

/** A .json catalogue file: a year's amendments, checked against that year's catalogue now. */
function readDatedCatalog(file: string, note: (text: string) => void): CatalogImport {
  let data: z.infer<typeof datedCatalogSchema>;
  try {
    const parsed = datedCatalogSchema.safeParse(JSON.parse(readInputFile(file, "科目目录").toString("utf8").replace(/^\uFEFF/, "")));
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".") || "（根）"}：${i.message}`).join("；"));
    data = parsed.data;
    if (Boolean(data.kind) !== Boolean(data.entries)) throw new Error("kind 与 entries 须同时给出");
    const list = data.kind && data.entries ? { kind: data.kind, rows: data.entries } : {};
    catalogsFor({ ...list, year: data.year, amendments: data.amendments })(data.year);
    const counts = data.amendments.map((a) => `${a.notice}（${a.date}）`).join("、");
    const listed = data.entries ? `目录 ${data.entries.length} 个科目，` : "";
    note(`已导入科目目录 ${file}：${data.year} 年，${listed}${data.amendments.length} 项修订${counts ? `：${counts}` : ""}\n`);
    return { ...list, year: data.year, amendments: data.amendments };
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`科目目录 ${file} 有误：${(e as Error).message}`, { cause: e });
  }
}

/** An official list (.xlsx/.csv) as the catalogue file of a year (`catalog import`): its kind and entries. */
export async function listToDatedCatalog(file: string, year: number, effective: string | undefined): Promise<z.infer<typeof datedCatalogSchema>> {
  const rows = await readRows(file);
  const { kind } = kindOf(rows, file);
  let catalog: Catalog;
  try {
    catalog = importCatalog(year, kind, rows);
  } catch (e) {
    throw new CliError(`科目目录 ${file} 有误：${(e as Error).message}`, { cause: e });
  }
  const entries = catalog.entries(kind).map((e): [string, string] => [e.code, e.name]);
  return datedCatalogSchema.parse({ year, ...(effective ? { effective } : {}), kind, entries, amendments: [] });
}
