/** Read a workbook's sheets and run every check: the one entry the task pane, the CLI and the tests share. */
import type { SheetGrid } from "../grid";
import type { Pack } from "../packs/schema";
import { readDisclosure, type Disclosure } from "../read/read";
import type { CheckOptions } from "./context";
import type { Finding } from "./finding";
import { runChecks } from "./registry";

export interface CheckResult {
  disclosure: Disclosure;
  /** Ids of the pack's tables found, in pack order. */
  tablesFound: string[];
  findings: Finding[];
}

export function checkWorkbook(pack: Pack, grids: SheetGrid[], options: CheckOptions): CheckResult {
  const disclosure = readDisclosure(pack, grids);
  return {
    disclosure,
    tablesFound: pack.tables.filter((t) => disclosure.tables.has(t.id)).map((t) => t.id),
    findings: runChecks(disclosure, pack, options),
  };
}
