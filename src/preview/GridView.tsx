/**
 * The preview host's workbook on screen: sheet tabs, a formula bar and the cells with merges, formats,
 * fills and notes (as mark() leaves them), and the related cells of the finding last selected.
 */
import * as React from "react";
import { isSubjectCode } from "../domain/code-names";
import { a1, columnLetters, parseA1, type CellValue } from "../domain/grid";
import { cellText, type StyleSpec } from "../domain/render/plan";
import { zh } from "../locale/zh-CN";
import type { MemorySheet, MemoryWorkbook } from "./memory-workbook";

const PX_PER_CHAR = 8;


function cellStyle(format: StyleSpec | undefined): React.CSSProperties {
  return {
    fontWeight: format?.bold ? 700 : 400,
    fontSize: format?.fontSize ? `${Math.round(format.fontSize * 1.2)}px` : "13px",
    textAlign: format?.hAlign ?? "left",
    verticalAlign: format?.vAlign === "top" ? "top" : "middle",
    whiteSpace: format?.wrap ? "normal" : "nowrap",
    border: format?.border ? "1px solid #333" : "1px solid #e3e3e3",
    padding: "2px 4px",
    overflow: "hidden",
  };
}

/** Merge geometry: spans at each merge's top-left cell, and the cells a merge hides. */
function mergeMaps(sheet: MemorySheet) {
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const hidden = new Set<string>();
  for (const m of sheet.merges) {
    spans.set(`${m.top},${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) hidden.add(`${r},${c}`);
  }
  return { spans, hidden };
}

/** Excel's red corner: a note on the cell, its text as tooltip and as the marker's accessible name. */
function NoteMarker(props: { text: string }) {
  return (
    <span
      role="img"
      aria-label={zh.preview.note(props.text)}
      title={props.text}
      style={{
        position: "absolute",
        top: 0,
        right: 0,
        width: 0,
        height: 0,
        borderLeft: "7px solid transparent",
        borderTop: "7px solid #d13438",
      }}
    />
  );
}

function useWorkbook(workbook: MemoryWorkbook): void {
  const [, bump] = React.useReducer((n: number) => n + 1, 0);
  React.useEffect(() => workbook.subscribe(bump), [workbook]);
}

/**
 * What a typed text is stored as, by the cell's format, as Excel does: in a text-formatted cell (a code column)
 * text; elsewhere a plain number (1,234.50 and 500 alike) is a number. Without a format, a subject code stays text.
 */
export function typedValue(draft: string, numberFormat: string | undefined): CellValue {
  const text = draft.trim();
  if (text === "") return null;
  if (numberFormat === "@") return text;
  const number = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(text) ? Number(text.replace(/,/g, "")) : NaN;
  if (Number.isNaN(number)) return text;
  return numberFormat === undefined && isSubjectCode(text) ? text : number;
}

export function GridView(props: { workbook: MemoryWorkbook }) {
  const { workbook } = props;
  useWorkbook(workbook);
  const sheet = workbook.sheets.find((s) => s.name === workbook.activeSheet) ?? workbook.sheets[0];
  const selection = workbook.selection && sheet && workbook.selection.sheet === sheet.name ? workbook.selection : null;
  const [draft, setDraft] = React.useState<string | null>(null);
  const gridRef = React.useRef<HTMLTableElement>(null);

  const selectedValue = selection ? sheet.cells[selection.row]?.[selection.col] ?? null : null;
  React.useEffect(() => setDraft(null), [selection?.row, selection?.col, sheet?.name]);
  // A cell selected from the task pane may be far down the sheet.
  React.useEffect(() => {
    gridRef.current?.querySelector('td[aria-selected="true"]')?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selection?.row, selection?.col, sheet?.name]);

  if (!sheet)
    return (
      <p style={{ padding: 24 }} role="status">
        {zh.preview.emptyWorkbook}
      </p>
    );

  const { spans, hidden } = mergeMaps(sheet);
  const related = new Set(
    workbook.related.filter((r) => r.sheet === sheet.name).map((r) => {
      const { row, col } = parseA1(r.cell);
      return `${row},${col}`;
    }),
  );
  const relatedSheets = new Set(workbook.related.map((r) => r.sheet));
  const rows = Math.max(sheet.cells.length, 1);
  const cols = Math.max(sheet.columnWidths.length, ...sheet.cells.map((r) => r.length));
  const widthOf = (c: number) => (sheet.columnWidths[c] ?? 10) * PX_PER_CHAR;
  const isEmpty = (v: CellValue | undefined) => v === null || v === undefined || v === "";
  /**
   * As in Excel, left-aligned text that does not wrap runs on over the empty cells to its right (a Shanghai table's
   * 编制部门 line over its narrow 类/款/项 columns): the width it may take beyond its own cell.
   */
  const spillOf = (r: number, c: number): number => {
    const key = `${r},${c}`;
    const format = sheet.formats.get(key);
    if (typeof sheet.cells[r]?.[c] !== "string" || spans.has(key) || format?.wrap || (format?.hAlign ?? "left") !== "left") return 0;
    let spill = 0;
    for (let n = c + 1; n < cols; n++) {
      const next = `${r},${n}`;
      if (hidden.has(next) || spans.has(next) || !isEmpty(sheet.cells[r]?.[n])) break;
      spill += widthOf(n);
    }
    return spill;
  };

  const move = (dr: number, dc: number) => {
    const row = Math.min(Math.max((selection?.row ?? 0) + dr, 0), rows - 1);
    const col = Math.min(Math.max((selection?.col ?? 0) + dc, 0), cols - 1);
    workbook.focus(sheet.name, row, col);
  };
  const commit = () => {
    if (!selection || draft === null) return;
    const value = typedValue(draft, sheet.formats.get(`${selection.row},${selection.col}`)?.numberFormat);
    workbook.edit(sheet.name, selection.row, selection.col, value);
    setDraft(null);
    gridRef.current?.focus();
  };

  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100%", minHeight: 0 }}>
      <div style={{ display: "flex", gap: 8, alignItems: "center", padding: "4px 8px", borderBottom: "1px solid #ddd" }}>
        {/* Like Excel's name box: the address of the cell selected, announced as it changes. */}
        <output aria-label={zh.preview.address} data-testid="address" style={{ minWidth: 48, fontFamily: "monospace" }}>
          {selection ? a1(selection.row, selection.col) : ""}
        </output>
        <input
          aria-label={zh.preview.cellValue}
          data-testid="formula"
          style={{ flex: 1 }}
          disabled={!selection}
          value={draft ?? (selectedValue === null ? "" : String(selectedValue))}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit();
            if (e.key === "Escape") setDraft(null);
          }}
        />
      </div>
      <div style={{ flex: 1, overflow: "auto", minHeight: 0 }}>
        <table
          ref={gridRef}
          role="grid"
          aria-label={sheet.name}
          tabIndex={0}
          data-sheet={sheet.name}
          // A fixed layout only holds with a width: without one, long text would widen its column.
          style={{ borderCollapse: "collapse", tableLayout: "fixed", width: 40 + Array.from({ length: cols }, (_, c) => widthOf(c)).reduce((a, b) => a + b, 0), background: "#fff" }}
          onKeyDown={(e) => {
            const keys: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
            const formula = () => document.querySelector('[data-testid="formula"]') as HTMLInputElement | null;
            if (keys[e.key]) {
              e.preventDefault();
              move(...keys[e.key]);
            } else if (e.key === "Enter" && draft !== null) {
              e.preventDefault();
              commit();
            } else if (e.key === "Enter" || e.key === "F2") {
              e.preventDefault();
              formula()?.focus();
            } else if (selection && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
              // As in Excel: typing into a selected cell starts an edit that replaces its content (keys typed before
              // the formula bar takes the focus go on the same edit).
              e.preventDefault();
              const key = e.key;
              setDraft((d) => (d === null ? key : d + key));
              // After the render that shows it: the caret after the key typed, as the next keys go on.
              requestAnimationFrame(() => {
                const f = formula();
                f?.focus();
                f?.setSelectionRange(f.value.length, f.value.length);
              });
            }
          }}
        >
          <colgroup>
            <col style={{ width: 40 }} />
            {Array.from({ length: cols }, (_, c) => (
              <col key={c} style={{ width: widthOf(c) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th aria-hidden style={{ background: "#f3f3f3", position: "sticky", top: 0 }} />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col" style={{ background: "#f3f3f3", fontWeight: 400, position: "sticky", top: 0, zIndex: 1 }}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r} style={{ height: 22 }}>
                <th scope="row" style={{ background: "#f3f3f3", fontWeight: 400, fontSize: 12 }}>
                  {r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => {
                  const key = `${r},${c}`;
                  if (hidden.has(key)) return null;
                  const format = sheet.formats.get(key);
                  const selected = selection?.row === r && selection?.col === c;
                  const note = sheet.notes.get(key);
                  const isRelated = related.has(key);
                  const spill = spillOf(r, c);
                  const text = cellText(sheet.cells[r]?.[c] ?? null, format);
                  return (
                    <td
                      key={c}
                      role="gridcell"
                      data-cell={a1(r, c)}
                      data-related={isRelated || undefined}
                      aria-selected={selected}
                      aria-description={isRelated ? zh.preview.related : undefined}
                      title={note}
                      {...spans.get(key)}
                      onClick={() => workbook.focus(sheet.name, r, c)}
                      style={{
                        ...cellStyle(format),
                        background: sheet.fills.get(key),
                        position: note ? "relative" : undefined,
                        outline: selected ? "2px solid #217346" : isRelated ? "2px dashed #0f6cbd" : undefined,
                        outlineOffset: -2,
                        ...(spill ? { overflow: "visible" } : {}),
                      }}
                    >
                      {spill ? <div style={{ width: widthOf(c) + spill - 8, overflow: "hidden" }}>{text}</div> : text}
                      {note && <NoteMarker text={note} />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div role="tablist" aria-label={zh.preview.sheets} style={{ display: "flex", gap: 2, borderTop: "1px solid #ddd", overflowX: "auto", padding: "2px 4px" }}>
        {workbook.sheets.map((s) => (
          <button
            key={s.name}
            role="tab"
            data-sheet={s.name}
            aria-selected={s.name === sheet.name}
            aria-description={relatedSheets.has(s.name) ? zh.preview.hasRelated : undefined}
            onClick={() => workbook.focus(s.name)}
            style={{
              border: "1px solid #ccc",
              borderTop: "none",
              background: s.name === sheet.name ? "#fff" : "#f3f3f3",
              fontWeight: s.name === sheet.name ? 700 : 400,
              padding: "4px 10px",
              whiteSpace: "nowrap",
              cursor: "pointer",
            }}
          >
            {s.name}
            {relatedSheets.has(s.name) && s.name !== sheet.name && (
              <span aria-hidden style={{ color: "#0f6cbd", marginLeft: 4 }}>
                ●
              </span>
            )}
          </button>
        ))}
      </div>
    </div>
  );
}
