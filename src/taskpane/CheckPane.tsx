/** 校验 pane: check the workbook, list the findings by table and severity, mark them, write the report. */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, Switch, Text, Tooltip } from "@fluentui/react-components";
import { importCatalog, type CatalogKind } from "../domain/catalog/catalog";
import type { Finding } from "../domain/finding";
import type { PackStamp, WorkbookPort } from "../domain/port";
import { markTargets } from "../domain/render/marks";
import { parseCsv } from "../domain/export/csv";
import { explanationOf, withExplanation } from "../domain/explanations";
import { runCheck, writeReport } from "./check";
import { catalogFor, type CheckSettings, type Imported } from "./check-settings";
import { checkReducer, initialCheckState, tablesOf, viewOf } from "./check-state";
import { CatalogImport } from "./CatalogImport";
import { CheckFilters } from "./CheckFilters";
import { CheckSummary } from "./CheckSummary";
import { FindingList } from "./FindingList";
import { errorText, goToFinding, outcomeOf, useEditEvents } from "./hooks";
import { Status, type Message } from "./Status";
import { defaultYear } from "./TemplatePane";
import { zh } from "../locale/zh-CN";

/** Quiet time after the last edit before the automatic re-check. */
const AUTO_DELAY_MS = 1500;

export function CheckPane(props: {
  port: WorkbookPort;
  stamp: PackStamp | null;
  settings: CheckSettings;
  onSettings: (s: CheckSettings) => void;
}) {
  const { port, stamp, settings, onSettings } = props;
  const { strict, imported } = settings;
  const [state, dispatch] = React.useReducer(checkReducer, initialCheckState);
  const { run, stage, busy, message, auto } = state;
  const view = React.useMemo(() => viewOf(state), [state.run, state.severities, state.table, state.query, state.limit]);

  const checking = React.useRef(false);
  const check = async (quiet = false, catalogs = imported, year = settings.year) => {
    checking.current = true;
    dispatch({ type: "check", quiet });
    try {
      const next = await runCheck(port, { stamp, strict, catalogFor: catalogFor(catalogs), year }, (s) =>
        dispatch({ type: "stage", stage: s }),
      );
      dispatch({ type: "checked", run: next, catalogYear: catalogs?.year ?? null });
    } catch (e) {
      dispatch({ type: "checkFailed", message: { intent: "error", text: errorText(e) } });
    } finally {
      checking.current = false;
    }
  };
  const act = async (work: () => Promise<Message>) => {
    dispatch({ type: "act" });
    dispatch({ type: "acted", message: await outcomeOf(work) });
  };

  // The timer outlives renders: it must call the latest check, with the latest settings.
  const latestCheck = React.useRef(check);
  latestCheck.current = check;
  const timer = React.useRef<ReturnType<typeof setTimeout>>();
  React.useEffect(() => () => clearTimeout(timer.current), []);
  const recheck = () => {
    // A check still running when the quiet time ends waits for another quiet time.
    if (checking.current) timer.current = setTimeout(recheck, AUTO_DELAY_MS);
    else void latestCheck.current(true);
  };
  // Edits matter once there are results to keep current.
  const noEditEvents = useEditEvents(
    port,
    run
      ? () => {
          dispatch({ type: "edited" });
          if (!auto) return;
          clearTimeout(timer.current);
          timer.current = setTimeout(recheck, AUTO_DELAY_MS);
        }
      : null,
  );

  const mark = () =>
    act(async () => {
      // Marking again shows the current findings only: the earlier marks go first.
      if (state.marked) await port.clearMarks();
      dispatch({ type: "marked", marked: false });
      await port.mark(view.visible);
      dispatch({ type: "marked", marked: true });
      return { intent: "success", text: zh.check.marked(markTargets(view.visible).length) };
    });
  const clearMarks = () =>
    act(async () => {
      await port.clearMarks();
      dispatch({ type: "marked", marked: false });
      return { intent: "success", text: zh.check.cleared };
    });
  const report = () => act(async () => ({ intent: "success", text: zh.check.reported(await writeReport(port, run!)) }));

  const explain = (f: Finding, text: string) =>
    act(async () => {
      const list = await port.explanations.get();
      await port.explanations.set(withExplanation(list, explanationOf(f, text, new Date())));
      await check(true);
      return { intent: "success", text: text ? zh.check.explanationSaved : zh.check.explanationRemoved };
    });

  const select = async (f: Finding, key: string) => {
    dispatch({ type: "select", key });
    const problem = await goToFinding(port, f);
    if (problem) dispatch({ type: "message", message: { intent: "error", text: problem } });
  };

  const importFile = async (file: File, kind: CatalogKind) => {
    const label = zh.check.catalog.kinds[kind];
    try {
      const rows = parseCsv(await file.text());
      if (rows.length === 0) throw new Error(zh.check.catalog.empty);
      const year = run?.year ?? stamp?.year ?? defaultYear();
      const base = catalogFor(imported)(year);
      const catalog = importCatalog(year, kind, rows, base);
      const n = catalog.entries(kind).length;
      const next: Imported = { year, catalog, counts: { ...(imported?.year === year ? imported.counts : {}), [kind]: n } };
      onSettings({ ...settings, imported: next });
      dispatch({ type: "message", message: { intent: "success", text: zh.check.catalog.imported(year, label, n) } });
      // Results on screen should reflect the catalogue just imported.
      if (run) await check(true, next);
    } catch (e) {
      dispatch({ type: "message", message: { intent: "error", text: zh.check.catalog.bad(e instanceof Error ? e.message : String(e)) } });
    }
  };

  const tableName = (id: string) => run?.pack.tables.find((t) => t.id === id)?.sheetName ?? (id || zh.check.outside);
  const working = stage !== null || busy;

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      <Text size={200}>{zh.check.intro}</Text>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8, alignItems: "center" }}>
        <Button appearance="primary" disabled={working} onClick={() => void check()}>
          {stage ? zh.check.running : zh.check.run}
        </Button>
        <Tooltip content={zh.check.strictHint} relationship="description">
          <Switch label={zh.check.strict} checked={strict} onChange={(_e, d) => onSettings({ ...settings, strict: d.checked })} />
        </Tooltip>
        <Tooltip content={zh.check.autoHint} relationship="description">
          <Switch label={zh.check.auto} checked={auto} onChange={(_e, d) => dispatch({ type: "auto", on: d.checked })} />
        </Tooltip>
      </div>
      <Status progress={stage && zh.check.stages[stage]} message={message} testId="check-status">
        {state.stale && !auto && (
          <MessageBar intent="warning">
            <MessageBarBody>{zh.check.stale}</MessageBarBody>
          </MessageBar>
        )}
        {noEditEvents && (
          <MessageBar intent="info">
            <MessageBarBody>{zh.check.noAuto}</MessageBarBody>
          </MessageBar>
        )}
      </Status>

      {run && <CheckSummary run={run} tableName={tableName} onYear={(year) => (onSettings({ ...settings, year }), void check(false, imported, year))} />}
      {run && (
        <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
          <Tooltip content={zh.check.markHint} relationship="description">
            <Button disabled={working || view.visible.length === 0} onClick={() => void mark()}>
              {zh.check.mark}
            </Button>
          </Tooltip>
          <Button disabled={working} onClick={() => void clearMarks()}>
            {zh.check.clearMarks}
          </Button>
          <Button disabled={working} onClick={() => void report()}>
            {zh.check.report}
          </Button>
        </div>
      )}
      {run && view.total > 0 && (
        <CheckFilters
          findings={run.report.findings}
          tables={tablesOf(run)}
          tableName={tableName}
          severities={state.severities}
          onSeverity={(severity, on) => dispatch({ type: "severity", severity, on })}
          table={state.table}
          onTable={(table) => dispatch({ type: "table", table })}
          query={state.query}
          onQuery={(query) => dispatch({ type: "query", query })}
        />
      )}
      {run && view.total > 0 && (
        <FindingList
          shown={view.shown}
          matching={view.visible.length}
          total={view.total}
          onMore={() => dispatch({ type: "more" })}
          selected={state.selected}
          onSelect={(f, key) => void select(f, key)}
          onExplain={(f, text) => void explain(f, text)}
          busy={working}
          tableName={tableName}
        />
      )}

      <CatalogImport imported={imported} onFile={(file, kind) => void importFile(file, kind)} />
    </div>
  );
}
