/** 校验结果: the counts by severity, what the check was based on, how much of the text was read, and the counts of each table. */
import * as React from "react";
import { Badge, Button, Field, SpinButton, Text } from "@fluentui/react-components";
import { FIRST_YEAR, LAST_YEAR, isBudgetYear } from "../domain/budget-year";
import { YEAR_SOURCES } from "../domain/read/basis";
import { SEVERITIES } from "../domain/finding";
import { SEVERITY_NAMES } from "../domain/render/marks";
import { reportDate } from "../domain/render/report";
import { summaryOf } from "../domain/report/model";
import type { CheckRun } from "./check";
import { tablesOf } from "./check-state";
import { SEVERITY_BADGE } from "./FindingItem";
import { zh } from "../locale/zh-CN";

/**
 * Where no table states the year (决算 tables), it was taken from a heading or from the pack: said, with a field to
 * give the right one (kept for 校验 and 导出 until the pane closes).
 */
function YearAsked(props: { run: CheckRun; onYear: (year: number | null) => void }) {
  const { run, onYear } = props;
  const from = run.result.yearFrom;
  const [year, setYear] = React.useState<number | null>(run.year);
  if (from !== "heading" && from !== "pack" && from !== "asked") return null;
  const valid = year !== null && isBudgetYear(year);
  return (
    <div data-testid="check-year" style={{ display: "flex", gap: 6, alignItems: "end", flexWrap: "wrap", margin: "4px 0" }}>
      <Field label={zh.check.yearFrom(YEAR_SOURCES[from])} validationMessage={valid ? undefined : zh.errors.year} size="small">
        <SpinButton value={year} min={FIRST_YEAR} max={LAST_YEAR} onChange={(_e, d) => setYear(d.value ?? (d.displayValue ? Number(d.displayValue) : null))} />
      </Field>
      <Button size="small" disabled={!valid} onClick={() => valid && onYear(year)}>
        {zh.check.recheckWithYear}
      </Button>
      {from === "asked" && (
        <Button size="small" appearance="subtle" onClick={() => onYear(null)}>
          {zh.check.yearFromWorkbook}
        </Button>
      )}
    </div>
  );
}

export function CheckSummary(props: { run: CheckRun; tableName: (id: string) => string; onYear: (year: number | null) => void }) {
  const { run, tableName, onYear } = props;
  const { findings, tablesFound } = run.report;
  // Counts by severity of what is not explained (an explained finding counts apart).
  const all = summaryOf(findings);
  // In pack order, as the filter lists them.
  const byTable = tablesOf(run).map((id) => ({ id, n: summaryOf(findings.filter((f) => f.table === id)) }));
  // How much of the 情况说明 was read and compared (N12), said with the counts: what was left unchecked is no finding.
  const coverage = findings.find((f) => f.rule === "N12");
  return (
    <section aria-labelledby="check-summary-title" data-testid="check-summary">
      <Text as="h2" id="check-summary-title" weight="semibold" size={400} style={{ margin: "0 0 4px" }}>
        {zh.check.summary}
      </Text>
      <div style={{ display: "flex", gap: 6, flexWrap: "wrap" }}>
        {SEVERITIES.map((s) => (
          <Badge key={s} color={SEVERITY_BADGE[s]} appearance={all[s] ? "filled" : "outline"}>
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
      <YearAsked key={`${run.year}:${run.result.yearFrom}`} run={run} onYear={onYear} />
      {coverage && (
        <Text as="p" size={200} style={{ margin: "4px 0" }} data-testid="check-text-coverage">
          {coverage.message}
        </Text>
      )}
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
