/** The reviewer's own files for a folder run: the departments expected (--expect) and an earlier report (--baseline). */
import { normalizeName } from "../domain/catalog/catalog";
import { parseCsv } from "../domain/export/csv";
import { findingKey } from "../domain/explanations";
import { baselineOf } from "../domain/report/json";
import type { WorkbookReport } from "../domain/report/model";
import { CliError, readInputFile } from "./context";
import { decodeCsv } from "./csv";

/** A header cell of the list, not a department. */
const HEADER = /^(部门|部门名称|单位|单位名称|预算单位|名称)$/;

/**
 * The departments of a list (.csv, UTF-8 or GB18030): the first column, one per row, a header row skipped; a name
 * listed twice once.
 */
export function readExpectFile(file: string): string[] {
  const rows = parseCsv(decodeCsv(readInputFile(file, "部门名单")));
  const names = rows.map((r) => (r[0] ?? "").trim()).filter((n, i) => n !== "" && !(i === 0 && HEADER.test(normalizeName(n))));
  if (names.length === 0) throw new CliError(`部门名单 ${file} 中没有部门名称（第一列，每行一个）`);
  return [...new Map(names.map((n) => [normalizeName(n), n])).values()];
}

/** The expected departments no checked workbook is of (names compared ignoring spaces and punctuation width). */
export function missingOf(expected: string[], reports: WorkbookReport[]): string[] {
  const sent = new Set(reports.flatMap((r) => (r.department ? [normalizeName(r.department)] : [])));
  return expected.filter((d) => !sent.has(normalizeName(d)));
}

/** The findings of an earlier JSON report, by file. */
export function readBaselineFile(file: string): Map<string, Set<string>> {
  try {
    return baselineOf(readInputFile(file, "基线报告").toString("utf8"));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`基线报告 ${file} ${(e as Error).message}`, { cause: e });
  }
}

/** Each report with only the findings its file did not have in the baseline (a file not in it keeps all). */
export function newSince(reports: WorkbookReport[], baseline: Map<string, Set<string>>): WorkbookReport[] {
  return reports.map((r) => {
    const before = baseline.get(r.file);
    return before ? { ...r, findings: r.findings.filter((f) => !before.has(findingKey(f))) } : r;
  });
}
