/** 问题列表: the findings drawn, grouped by table and severity, each with its card and its 已说明 control. */
import { Button, Text } from "@fluentui/react-components";
import type { Finding, Severity } from "../domain/finding";
import { SEVERITY_NAMES } from "../domain/render/marks";
import type { Keyed } from "./check-state";
import { Explain } from "./Explain";
import { FindingItem } from "./FindingItem";
import { zh } from "../locale/zh-CN";

export function FindingList(props: {
  /** The findings to draw, in order. */
  shown: Keyed[];
  /** How many the filters let through, drawn or not. */
  matching: number;
  /** How many the check found. */
  total: number;
  onMore: () => void;
  selected: string | null;
  onSelect: (f: Finding, key: string) => void;
  onExplain: (f: Finding, text: string) => void;
  busy: boolean;
  tableName: (id: string) => string;
}) {
  const { shown, matching, selected, tableName } = props;
  if (matching === 0) return <Text>{zh.check.noMatch}</Text>;
  const groups = new Map<string, Map<Severity, Keyed[]>>();
  for (const item of shown) {
    const bySeverity = groups.get(item.finding.table) ?? new Map<Severity, Keyed[]>();
    groups.set(item.finding.table, bySeverity);
    const list = bySeverity.get(item.finding.severity);
    if (list) list.push(item);
    else bySeverity.set(item.finding.severity, [item]);
  }
  return (
    <section aria-label={zh.check.list} data-testid="finding-list">
      <Text as="p" size={200} style={{ margin: 0 }}>
        {zh.check.shown(shown.length, props.total)}
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
                {items.map(({ finding: f, key }) => (
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
      {shown.length < matching && (
        <Button appearance="subtle" onClick={props.onMore}>
          {zh.check.more(matching - shown.length)}
        </Button>
      )}
    </section>
  );
}
