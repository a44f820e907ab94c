/** The 校验 flow: one read of the workbook, the checks of the pack, and the report sheet. */
import type { Catalog } from "../domain/catalog/catalog";
import { checkWorkbook, type CheckResult } from "../domain/checks/check-workbook";
import type { Pack } from "../domain/packs";
import type { PackStamp, WorkbookPort } from "../domain/port";
import { REPORT_SHEET, renderReport } from "../domain/render/report";
import { freeSheetName } from "../domain/render/sheet-names";
import { workbookPackOf } from "./pack";
import type { WorkbookReport } from "../domain/report/model";

export interface CheckRun {
  pack: Pack;
  year: number;
  department: string;
  strict: boolean;
  checkedAt: Date;
  result: CheckResult;
  /** What the pane lists and the report sheet draws: the one report object of this workbook. */
  report: WorkbookReport;
}

export interface CheckRequest {
  /** The workbook's stamp, if the tables were inserted by the add-in. */
  stamp: PackStamp | null;
  strict: boolean;
  /** The catalogue to check codes against, for the budget year found. */
  catalogFor: (year: number) => Catalog;
  /** The budget year the clerk gave, where the workbook states none; otherwise the workbook tells (read/basis.ts). */
  year?: number | null;
}

export type CheckStage = "read" | "check";

export async function runCheck(
  port: WorkbookPort,
  request: CheckRequest,
  onStage: (stage: CheckStage) => void = () => {},
): Promise<CheckRun> {
  onStage("read");
  const grids = await port.readGrids();
  const explanations = await port.explanations.get();
  onStage("check");
  const { stamp, strict } = request;
  // The stamp's pack, else the one whose tables the workbook holds (a Shanghai workbook typed in by hand), else the default.
  const pack = await workbookPackOf(stamp, grids);
  const result = checkWorkbook(pack, grids, {
    strict,
    catalogFor: request.catalogFor,
    year: request.year,
    explanations,
    stamp,
  });
  const year = result.year;
  const department = result.department;
  const report: WorkbookReport = {
    file: department,
    department,
    year,
    pack: { id: pack.id, version: pack.version, name: pack.name },
    tablesFound: result.tablesFound,
    findings: result.findings,
  };
  return { pack, year, department, strict, checkedAt: new Date(), result, report };
}

/** Writes the report on a new sheet — 校验报告, or 校验报告 (2)… when taken — and returns its name. Three syncs. */
export async function writeReport(port: WorkbookPort, run: CheckRun): Promise<string> {
  const name = freeSheetName(REPORT_SHEET, await port.sheetNames());
  const { pack, checkedAt, strict, report } = run;
  await port.apply([renderReport({ pack, checkedAt, strict, workbook: report, name })]);
  return name;
}
