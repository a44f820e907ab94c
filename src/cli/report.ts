/** The validate report's formats: renderings of the one report object (src/domain/report). */
import type { Pack } from "../domain/packs";
import { reportHtml } from "../domain/report/html";
import { reportJson } from "../domain/report/json";
import type { Report } from "../domain/report/model";
import { reportCsv, reportText } from "../domain/report/text";

export type Format = "text" | "json" | "csv" | "html";
export const FORMATS: Format[] = ["text", "json", "csv", "html"];

/** `packs`: the packs the files may have been checked with (for the order and names of their tables). */
export function formatReport(format: Format, report: Report, packs: readonly Pack[]): string {
  if (format === "json") return reportJson(report);
  if (format === "csv") return reportCsv(report);
  if (format === "html") return reportHtml(report, packs);
  return reportText(report, packs);
}
