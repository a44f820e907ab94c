/** 校验 pane: check the workbook, list the findings by table and severity, mark them, write the report. */
import * as React from "react";
import {
  Badge,
  Button,
  Checkbox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  SearchBox,
  Switch,
  Text,
  Tooltip,
} from "@fluentui/react-components";
import { builtinCatalog, importCatalog, type Catalog, type CatalogKind } from "../domain/catalog/catalog";
import { SEVERITIES, type Finding, type Severity } from "../domain/finding";
import { RULES } from "../domain/rules";
import type { PackStamp, WorkbookPort } from "../domain/port";
import { SEVERITY_NAMES, hasPlace, markTargets } from "../domain/render/marks";
import { reportDate } from "../domain/render/report";
import { FileButton } from "./FileButton";
import { errorText, goToFinding, useAction } from "./hooks";
import { parseCsv } from "../domain/export/csv";
import { runCheck, writeReport, type CheckRun, type CheckStage } from "./check";
import { explanationOf, withExplanation } from "../domain/explanations";
import { summaryOf } from "../domain/report/model";
import { Explain } from "./Explain";
import { Status } from "./Status";
import { defaultYear } from "./TemplatePane";
import { zh } from "../locale/zh-CN";

/** Quiet time after the last edit before the automatic re-check. */
const AUTO_DELAY_MS = 1500;
/** Findings drawn at a time: a long list grows on request instead of rendering thousands of rows. */
const PAGE = 500;
const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;
const KINDS = Object.keys(zh.check.catalog.kinds) as CatalogKind[];
const ALL = "";

interface Imported {
  year: number;
  catalog: Catalog;
  /** Entries imported per kind. */
  counts: Partial<Record<CatalogKind, number>>;
}

/** How the workbook is checked; the 导出 pane checks the same way. */
export interface CheckSettings {
  strict: boolean;
  /** An official catalogue the user imported, for its budget year. */
  imported: Imported | null;
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = { strict: false, imported: null };

/** The catalogue of a year: the imported one for its year, else the built-in one. */
export const catalogFor = (imported: Imported | null) => (year: number) =>
  imported?.year === year ? imported.catalog : builtinCatalog(year);

const ruleTitle = (id: string) => RULES.find((r) => r.id === id)?.title ?? "";
const findingKey = (f: Finding, i: number) => `${i}:${f.rule}:${f.sheet}!${f.cell}`;

function matches(f: Finding, query: string): boolean {
  if (!query) return true;
  return [f.rule, ruleTitle(f.rule), f.message, f.sheet, f.cell].join(" ").toLowerCase().includes(query);
}

/** Counts by severity of what is not explained (an explained finding counts apart). */
const counts = (findings: Finding[]): Record<Severity, number> => summaryOf(findings);

export function CheckPane(props: {
  port: WorkbookPort;
  stamp: PackStamp | null;
  settings: CheckSettings;
  onSettings: (s: CheckSettings) => void;
}) {
  const { port, stamp, settings, onSettings } = props;
  const { strict, imported } = settings;
  const { busy, message, setMessage, act } = useAction();
  const [auto, setAuto] = React.useState(true);
  const [run, setRun] = React.useState<CheckRun | null>(null);
  const [stage, setStage] = React.useState<CheckStage | null>(null);
  const [stale, setStale] = React.useState(false);
  const [severities, setSeverities] = React.useState<Set<Severity>>(() => new Set(SEVERITIES));
  const [table, setTable] = React.useState(ALL);
  const [query, setQuery] = React.useState("");
  const [limit, setLimit] = React.useState(PAGE);
  const [selected, setSelected] = React.useState<string | null>(null);
  const [marked, setMarked] = React.useState(false);
  const [kind, setKind] = React.useState<CatalogKind>("functional");

  const checking = React.useRef(false);
  const check = async (quiet = false, catalogs = imported) => {
    checking.current = true;
    if (!quiet) setMessage(null);
    try {
      const next = await runCheck(port, { stamp, strict, catalogFor: catalogFor(catalogs), fallbackYear: defaultYear() }, setStage);
      setRun(next);
      setStale(false);
      setLimit(PAGE);
      setSelected(null);
      if (catalogs && catalogs.year !== next.year) setMessage({ intent: "warning", text: zh.check.catalog.otherYear(catalogs.year, next.year) });
    } catch (e) {
      setMessage({ intent: "error", text: errorText(e) });
    } finally {
      checking.current = false;
      setStage(null);
    }
  };
  // The edit handler outlives renders; it must call the latest check and read the latest switch.
  const latest = React.useRef({ check, auto });
  latest.current = { check, auto };

  const hasRun = run !== null;
  React.useEffect(() => {
    if (!hasRun) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => Promise<void>) | undefined;
    let live = true;
    const recheck = () => {
      // A check still running when the quiet time ends waits for another quiet time.
      if (checking.current) timer = setTimeout(recheck, AUTO_DELAY_MS);
      else void latest.current.check(true);
    };
    port
      .onEdit(() => {
        if (!latest.current.auto) return setStale(true);
        clearTimeout(timer);
        timer = setTimeout(recheck, AUTO_DELAY_MS);
      })
      .then((s) => (live ? (stop = s) : void s()))
      // Hosts without edit events (before ExcelApi 1.9) check only on request.
      .catch(() => live && setMessage({ intent: "info", text: zh.check.noAuto }));
    return () => {
      live = false;
      clearTimeout(timer);
      void stop?.();
    };
  }, [hasRun, port]);

  const findings = run?.report.findings ?? [];
  const q = query.trim().toLowerCase();
  const visible = React.useMemo(
    () => findings.filter((f) => severities.has(f.severity) && (table === ALL || f.table === table) && matches(f, q)),
    [findings, severities, table, q],
  );


  const mark = () =>
    act(async () => {
      // Marking again shows the current findings only: the earlier marks go first.
      if (marked) await port.clearMarks();
      setMarked(false);
      await port.mark(visible);
      setMarked(true);
      return { intent: "success", text: zh.check.marked(markTargets(visible).length) };
    });
  const clearMarks = () =>
    act(async () => {
      await port.clearMarks();
      setMarked(false);
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
    setSelected(key);
    const problem = await goToFinding(port, f);
    if (problem) setMessage({ intent: "error", text: problem });
  };

  const importFile = async (file: File) => {
    const label = zh.check.catalog.kinds[kind];
    try {
      const rows = parseCsv(await file.text());
      if (rows.length === 0) throw new Error(zh.check.catalog.empty);
      const year = run?.year ?? stamp?.year ?? defaultYear();
      const base = imported?.year === year ? imported.catalog : builtinCatalog(year);
      const catalog = importCatalog(year, kind, rows, base);
      const n = catalog.entries(kind).length;
      const next = { year, catalog, counts: { ...(imported?.year === year ? imported.counts : {}), [kind]: n } };
      onSettings({ ...settings, imported: next });
      setMessage({ intent: "success", text: zh.check.catalog.imported(year, label, n) });
      // Results on screen should reflect the catalogue just imported.
      if (run) await check(true, next);
    } catch (e) {
      setMessage({ intent: "error", text: zh.check.catalog.bad(e instanceof Error ? e.message : String(e)) });
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
          <Switch label={zh.check.auto} checked={auto} onChange={(_e, d) => setAuto(d.checked)} />
        </Tooltip>
      </div>
      <Status progress={stage && zh.check.stages[stage]} message={message} testId="check-status">
        {stale && !auto && (
          <MessageBar intent="warning">
            <MessageBarBody>{zh.check.stale}</MessageBarBody>
          </MessageBar>
        )}
      </Status>

      {run && <Summary run={run} tableName={tableName} />}
      {run && (
        <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
          <Tooltip content={zh.check.markHint} relationship="description">
            <Button disabled={working || visible.length === 0} onClick={() => void mark()}>
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
      {run && findings.length > 0 && (
        <Filters
          findings={findings}
          severities={severities}
          onSeverities={setSeverities}
          table={table}
          onTable={setTable}
          query={query}
          onQuery={setQuery}
          tableName={tableName}
          order={run.pack.tables.map((t) => t.id)}
        />
      )}
      {run && findings.length > 0 && (
        <FindingList
          findings={visible}
          limit={limit}
          onMore={() => setLimit((n) => n + PAGE)}
          selected={selected}
          onSelect={(f, key) => void select(f, key)}
          onExplain={(f, text) => void explain(f, text)}
          busy={working}
          tableName={tableName}
          order={run.pack.tables.map((t) => t.id)}
        />
      )}

      <fieldset style={{ border: "1px solid #e0e0e0", borderRadius: 4, padding: 8, margin: 0 }}>
        <legend style={{ fontWeight: 600 }}>{zh.check.catalog.legend}</legend>
        <Text size={200} as="p" style={{ margin: "0 0 8px" }}>
          {zh.check.catalog.hint}
        </Text>
        <div style={{ display: "flex", gap: 8, alignItems: "end", flexWrap: "wrap" }}>
          <Field label={zh.check.catalog.kind}>
            <Dropdown
              value={zh.check.catalog.kinds[kind]}
              selectedOptions={[kind]}
              onOptionSelect={(_e, d) => d.optionValue && setKind(d.optionValue as CatalogKind)}
            >
              {KINDS.map((k) => (
                <Option key={k} value={k}>
                  {zh.check.catalog.kinds[k]}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <FileButton label={zh.check.catalog.import} accept=".csv,text/csv" testId="catalog-file" onFile={(f) => void importFile(f)} />
        </div>
        {imported && (
          <ul style={{ margin: "8px 0 0", paddingLeft: 20 }}>
            {KINDS.filter((k) => imported.counts[k]).map((k) => (
              <li key={k}>
                <Text size={200}>{zh.check.catalog.imported(imported.year, zh.check.catalog.kinds[k], imported.counts[k]!)}</Text>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </div>
  );
}

function Summary(props: { run: CheckRun; tableName: (id: string) => string }) {
  const { run, tableName } = props;
  const { findings, tablesFound } = run.report;
  const all = summaryOf(findings);
  const byTable = [...new Set(findings.map((f) => f.table))].map((id) => ({ id, n: counts(findings.filter((f) => f.table === id)) }));
  return (
    <section aria-labelledby="check-summary-title" data-testid="check-summary">
      <Text as="h2" id="check-summary-title" weight="semibold" size={400} style={{ margin: "0 0 4px" }}>
        {zh.check.summary}
      </Text>
      <div style={{ display: "flex", gap: 6, flexWrap: "wrap" }}>
        {SEVERITIES.map((s) => (
          <Badge key={s} color={BADGE_COLOR[s]} appearance={all[s] ? "filled" : "outline"}>
            {SEVERITY_NAMES[s]} {all[s]}
          </Badge>
        ))}
        {all.explained > 0 && (
          <Badge color="success" appearance="outline">
            {zh.check.explained} {all.explained}
          </Badge>
        )}
      </div>
      <Text as="p" size={200} style={{ margin: "4px 0" }} data-testid="check-basis">
        {zh.check.basis(run.pack.name, run.pack.version, tablesFound.length, run.pack.tables.length, run.year, reportDate(run.checkedAt))}
      </Text>
      {findings.length === 0 ? (
        <Text as="p">{zh.check.clean}</Text>
      ) : (
        <table style={{ borderCollapse: "collapse", fontSize: 12, width: "100%" }}>
          <caption style={{ textAlign: "left", fontWeight: 600 }}>{zh.check.perTable}</caption>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: "left" }}>
                {zh.check.table}
              </th>
              {SEVERITIES.map((s) => (
                <th key={s} scope="col" style={{ textAlign: "right" }}>
                  {SEVERITY_NAMES[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {byTable.map(({ id, n }) => (
              <tr key={id}>
                <th scope="row" style={{ textAlign: "left", fontWeight: 400 }}>
                  {tableName(id)}
                </th>
                {SEVERITIES.map((s) => (
                  <td key={s} style={{ textAlign: "right" }}>
                    {n[s]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Filters(props: {
  findings: Finding[];
  severities: Set<Severity>;
  onSeverities: (s: Set<Severity>) => void;
  table: string;
  onTable: (id: string) => void;
  query: string;
  onQuery: (q: string) => void;
  tableName: (id: string) => string;
  order: string[];
}) {
  const { findings, severities, table, tableName, order } = props;
  const n = counts(findings);
  const tables = [...new Set(findings.map((f) => f.table))].sort((a, b) => rank(order, a) - rank(order, b));
  return (
    <fieldset style={{ border: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: 6 }}>
      <legend style={{ fontWeight: 600, marginBottom: 4 }}>{zh.check.filters}</legend>
      <div role="group" aria-label={zh.check.severities} style={{ display: "flex", flexWrap: "wrap" }}>
        {SEVERITIES.map((s) => (
          <Checkbox
            key={s}
            label={`${SEVERITY_NAMES[s]}（${n[s]}）`}
            checked={severities.has(s)}
            onChange={(_e, d) => {
              const next = new Set(severities);
              if (d.checked) next.add(s);
              else next.delete(s);
              props.onSeverities(next);
            }}
          />
        ))}
      </div>
      <Field label={zh.check.table}>
        <Dropdown
          value={table === ALL ? zh.check.allTables : tableName(table)}
          selectedOptions={[table]}
          onOptionSelect={(_e, d) => props.onTable(d.optionValue ?? ALL)}
        >
          <Option value={ALL}>{zh.check.allTables}</Option>
          {tables.map((id) => (
            <Option key={id} value={id} text={tableName(id)}>
              {tableName(id)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={zh.check.search}>
        <SearchBox placeholder={zh.check.searchHint} value={props.query} onChange={(_e, d) => props.onQuery(d.value)} />
      </Field>
    </fieldset>
  );
}

/** Pack order for tables, findings outside any table last. */
function rank(order: string[], id: string): number {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
}

function FindingList(props: {
  findings: Finding[];
  limit: number;
  onMore: () => void;
  selected: string | null;
  onSelect: (f: Finding, key: string) => void;
  onExplain: (f: Finding, text: string) => void;
  busy: boolean;
  tableName: (id: string) => string;
  order: string[];
}) {
  const { findings, limit, selected, tableName, order } = props;
  const shown = findings
    .map((f, i) => ({ f, key: findingKey(f, i) }))
    .sort((a, b) => rank(order, a.f.table) - rank(order, b.f.table) || SEVERITIES.indexOf(a.f.severity) - SEVERITIES.indexOf(b.f.severity))
    .slice(0, limit);
  const groups = new Map<string, Map<Severity, typeof shown>>();
  for (const item of shown) {
    const bySeverity = groups.get(item.f.table) ?? new Map<Severity, typeof shown>();
    groups.set(item.f.table, bySeverity);
    const list = bySeverity.get(item.f.severity);
    if (list) list.push(item);
    else bySeverity.set(item.f.severity, [item]);
  }
  if (findings.length === 0) return <Text>{zh.check.noMatch}</Text>;
  return (
    <section aria-label={zh.check.list} data-testid="finding-list">
      <Text as="p" size={200} style={{ margin: 0 }}>
        {zh.check.shown(shown.length, findings.length)}
      </Text>
      {[...groups].map(([id, bySeverity]) => (
        <section key={id || "outside"} aria-label={tableName(id)}>
          <Text as="h3" weight="semibold" size={300} style={{ margin: "8px 0 4px" }}>
            {zh.check.group(tableName(id), [...bySeverity.values()].reduce((n, l) => n + l.length, 0))}
          </Text>
          {[...bySeverity].map(([severity, items]) => (
            <div key={severity}>
              <Text as="h4" size={200} weight="semibold" style={{ margin: "4px 0" }}>
                {zh.check.group(SEVERITY_NAMES[severity], items.length)}
              </Text>
              <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: 4 }}>
                {items.map(({ f, key }) => (
                  <li key={key}>
                    <FindingItem finding={f} current={selected === key} onSelect={() => props.onSelect(f, key)} />
                    <Explain finding={f} disabled={props.busy} onExplain={(text) => props.onExplain(f, text)} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      {shown.length < findings.length && (
        <Button appearance="subtle" onClick={props.onMore}>
          {zh.check.more(findings.length - shown.length)}
        </Button>
      )}
    </section>
  );
}

export function FindingItem(props: { finding: Finding; current: boolean; onSelect: () => void }) {
  const f = props.finding;
  const figures = (
    [
      [zh.check.expected, f.expected],
      [zh.check.actual, f.actual],
      [zh.check.difference, f.difference],
    ] as const
  ).filter(([, v]) => v !== undefined);
  return (
    <button
      type="button"
      onClick={props.onSelect}
      aria-current={props.current || undefined}
      title={hasPlace(f) ? zh.check.locate(f.sheet, f.cell) : undefined}
      data-rule={f.rule}
      data-severity={f.severity}
      data-explained={f.explanation !== undefined || undefined}
      data-table={f.table}
      data-sheet={f.sheet}
      data-cell={f.cell}
      style={{
        display: "block",
        width: "100%",
        textAlign: "left",
        font: "inherit",
        padding: "6px 8px",
        border: `1px solid ${props.current ? "#0f6cbd" : "#e0e0e0"}`,
        borderLeft: `4px solid ${{ error: "#c50f1f", warning: "#da3b01", info: "#0f6cbd" }[f.severity]}`,
        borderRadius: 4,
        background: props.current ? "#ebf3fc" : "#fff",
        cursor: "pointer",
      }}
    >
      <span style={{ display: "flex", gap: 6, alignItems: "center", flexWrap: "wrap" }}>
        <Badge color={BADGE_COLOR[f.severity]} size="small">
          {SEVERITY_NAMES[f.severity]}
        </Badge>
        {f.explanation !== undefined && (
          <Badge color="success" size="small" appearance="outline">
            {zh.check.explained}
          </Badge>
        )}
        <strong>
          {f.rule} {ruleTitle(f.rule)}
        </strong>
        <span style={{ color: "#616161", fontSize: 12 }}>{hasPlace(f) ? `${f.sheet}!${f.cell}` : zh.check.nowhere}</span>
      </span>
      <span style={{ display: "block", marginTop: 2 }}>{f.message}</span>
      {figures.length > 0 && (
        <span style={{ display: "block", fontSize: 12, color: "#424242", fontVariantNumeric: "tabular-nums" }}>
          {figures.map(([label, v]) => `${label} ${v}`).join(" · ")}
        </span>
      )}
      {f.explanation !== undefined && (
        <span style={{ display: "block", fontSize: 12, color: "#0e700e" }} data-testid="explanation">
          {zh.check.explanation(f.explanation)}
        </span>
      )}
      {f.related.length > 0 && (
        <span style={{ display: "block", fontSize: 12, color: "#616161" }}>
          {zh.check.related}：{f.related.map((r) => `${r.sheet}!${r.cell}`).join("、")}
        </span>
      )}
    </button>
  );
}
