/** 筛选问题: which severities, which table, and a search over rule, message, sheet and cell. */
import { Checkbox, Dropdown, Field, Option, SearchBox } from "@fluentui/react-components";
import { SEVERITIES, type Finding, type Severity } from "../domain/finding";
import { SEVERITY_NAMES } from "../domain/render/marks";
import { summaryOf } from "../domain/report/model";
import { ALL } from "./check-state";
import { zh } from "../locale/zh-CN";

export function CheckFilters(props: {
  findings: Finding[];
  /** The tables to choose from, in the pack's order. */
  tables: string[];
  tableName: (id: string) => string;
  severities: ReadonlySet<Severity>;
  onSeverity: (severity: Severity, on: boolean) => void;
  table: string;
  onTable: (id: string) => void;
  query: string;
  onQuery: (query: string) => void;
}) {
  const { severities, table, tableName } = props;
  const n = summaryOf(props.findings);
  return (
    <fieldset style={{ border: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: 6 }}>
      <legend style={{ fontWeight: 600, marginBottom: 4 }}>{zh.check.filters}</legend>
      <div role="group" aria-label={zh.check.severities} style={{ display: "flex", flexWrap: "wrap" }}>
        {SEVERITIES.map((s) => (
          <Checkbox
            key={s}
            label={`${SEVERITY_NAMES[s]}（${n[s]}）`}
            checked={severities.has(s)}
            onChange={(_e, d) => props.onSeverity(s, d.checked === true)}
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
          {props.tables.map((id) => (
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
