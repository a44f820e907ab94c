/** One finding as a card that takes the user to its cell: severity stripe, rule, place, message, figures. */
import { Badge, makeStyles, mergeClasses } from "@fluentui/react-components";
import type { Finding } from "../domain/finding";
import { SEVERITY_NAMES, hasPlace } from "../domain/render/marks";
import { titleOf } from "../domain/rules";
import { zh } from "../locale/zh-CN";

export const SEVERITY_BADGE = { error: "danger", warning: "warning", info: "informative" } as const;

// Each side's border is set by exactly one class: a `border` shorthand beside `borderLeft` loses the stripe when the
// selection changes (React updates only the shorthand, which resets the left side too).
const useStyles = makeStyles({
  card: {
    display: "block",
    width: "100%",
    textAlign: "left",
    fontFamily: "inherit",
    fontSize: "inherit",
    fontWeight: "inherit",
    lineHeight: "inherit",
    padding: "6px 8px",
    borderRadius: "4px",
    backgroundColor: "#fff",
    cursor: "pointer",
  },
  frame: { borderTop: "1px solid #e0e0e0", borderRight: "1px solid #e0e0e0", borderBottom: "1px solid #e0e0e0" },
  current: { borderTop: "1px solid #0f6cbd", borderRight: "1px solid #0f6cbd", borderBottom: "1px solid #0f6cbd", backgroundColor: "#ebf3fc" },
  error: { borderLeft: "4px solid #c50f1f" },
  warning: { borderLeft: "4px solid #da3b01" },
  info: { borderLeft: "4px solid #0f6cbd" },
});

export function FindingItem(props: { finding: Finding; current: boolean; onSelect: () => void }) {
  const f = props.finding;
  const styles = useStyles();
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
      className={mergeClasses(styles.card, props.current ? styles.current : styles.frame, styles[f.severity])}
    >
      <span style={{ display: "flex", gap: 6, alignItems: "center", flexWrap: "wrap" }}>
        <Badge color={SEVERITY_BADGE[f.severity]} size="small">
          {SEVERITY_NAMES[f.severity]}
        </Badge>
        {f.explanation !== undefined && (
          <Badge color="success" size="small" appearance="outline">
            {zh.check.explained}
          </Badge>
        )}
        <strong>
          {f.rule} {titleOf(f)}
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
