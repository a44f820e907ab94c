/** What the 校验 pane holds — the last check, its filters, the selection, the progress and the message — as a pure reducer. */
import { SEVERITIES, SEVERITY_ORDER, type Finding, type Severity } from "../domain/finding";
import { titleOf } from "../domain/rules";
import type { CheckRun, CheckStage } from "./check";
import type { Message } from "./Status";
import { zh } from "../locale/zh-CN";

/** Findings drawn at a time: a long list grows on request instead of rendering thousands of rows. */
export const PAGE = 500;
/** The table filter's value for every table. */
export const ALL = "";

export interface CheckState {
  run: CheckRun | null;
  /** The step of the check running, null when none runs. */
  stage: CheckStage | null;
  /** An action on the findings (mark, report, explain) is running. */
  busy: boolean;
  message: Message | null;
  /** Check again after each edit; without it an edit leaves the results stale. */
  auto: boolean;
  stale: boolean;
  severities: ReadonlySet<Severity>;
  /** A table id, or ALL. */
  table: string;
  query: string;
  limit: number;
  /** The key of the finding last selected. */
  selected: string | null;
  /** The workbook carries the marks of this pane. */
  marked: boolean;
}

export const initialCheckState: CheckState = {
  run: null,
  stage: null,
  busy: false,
  message: null,
  auto: true,
  stale: false,
  severities: new Set(SEVERITIES),
  table: ALL,
  query: "",
  limit: PAGE,
  selected: null,
  marked: false,
};

export type CheckAction =
  /** A check starts; one the user asked for clears the last message. */
  | { type: "check"; quiet: boolean }
  | { type: "stage"; stage: CheckStage }
  /** `catalogYear`: the year of the imported catalogue it was asked to use, if any. */
  | { type: "checked"; run: CheckRun; catalogYear: number | null }
  | { type: "checkFailed"; message: Message }
  | { type: "act" }
  | { type: "acted"; message: Message }
  | { type: "message"; message: Message }
  | { type: "edited" }
  | { type: "auto"; on: boolean }
  | { type: "severity"; severity: Severity; on: boolean }
  | { type: "table"; table: string }
  | { type: "query"; query: string }
  | { type: "more" }
  | { type: "select"; key: string }
  | { type: "marked"; marked: boolean };

export function checkReducer(state: CheckState, action: CheckAction): CheckState {
  switch (action.type) {
    case "check":
      return action.quiet ? state : { ...state, message: null };
    case "stage":
      return { ...state, stage: action.stage };
    case "checked": {
      const { run, catalogYear } = action;
      // An imported catalogue of another year is not used: say so.
      const message = catalogYear !== null && catalogYear !== run.year ? { intent: "warning" as const, text: zh.check.catalog.otherYear(catalogYear, run.year) } : state.message;
      return { ...state, run, stage: null, stale: false, limit: PAGE, selected: null, message };
    }
    case "checkFailed":
      return { ...state, stage: null, message: action.message };
    case "act":
      return { ...state, busy: true, message: null };
    case "acted":
      return { ...state, busy: false, message: action.message };
    case "message":
      return { ...state, message: action.message };
    case "edited":
      return state.auto ? state : { ...state, stale: true };
    case "auto":
      return { ...state, auto: action.on };
    case "severity": {
      const severities = new Set(state.severities);
      if (action.on) severities.add(action.severity);
      else severities.delete(action.severity);
      return { ...state, severities };
    }
    case "table":
      return { ...state, table: action.table };
    case "query":
      return { ...state, query: action.query };
    case "more":
      return { ...state, limit: state.limit + PAGE };
    case "select":
      return { ...state, selected: action.key };
    case "marked":
      return { ...state, marked: action.marked };
  }
}

/** Pack order for tables, findings outside any table last. */
function rank(order: readonly string[], id: string): number {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
}

/** A finding with the key that names it in the list: its place among all the findings of the check. */
export interface Keyed {
  finding: Finding;
  key: string;
}

export interface FindingsView {
  /** What the filters let through, in the check's order: what 标记 marks. */
  visible: Finding[];
  /** Those drawn: by table in the pack's order, then by severity, up to the limit. */
  shown: Keyed[];
  /** Every finding of the check, whatever the filters. */
  total: number;
}

function matches(f: Finding, query: string): boolean {
  if (!query) return true;
  return [f.rule, titleOf(f), f.message, f.sheet, f.cell].join(" ").toLowerCase().includes(query);
}

export function viewOf(state: CheckState): FindingsView {
  const findings = state.run?.report.findings ?? [];
  const order = state.run?.pack.tables.map((t) => t.id) ?? [];
  const query = state.query.trim().toLowerCase();
  const passes = (f: Finding) => state.severities.has(f.severity) && (state.table === ALL || f.table === state.table) && matches(f, query);
  const keyed = findings.map((finding, i) => ({ finding, key: `${i}:${finding.rule}:${finding.sheet}!${finding.cell}` })).filter((k) => passes(k.finding));
  const visible = keyed.map((k) => k.finding);
  const shown = keyed
    .sort((a, b) => rank(order, a.finding.table) - rank(order, b.finding.table) || SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity])
    .slice(0, state.limit);
  return { visible, shown, total: findings.length };
}

/** The tables the findings lie in, in the pack's order: the choices of the table filter. */
export function tablesOf(run: CheckRun): string[] {
  const order = run.pack.tables.map((t) => t.id);
  return [...new Set(run.report.findings.map((f) => f.table))].sort((a, b) => rank(order, a) - rank(order, b));
}
