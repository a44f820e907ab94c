/**
 * Word tables: a disclosure table from the SAME SheetPlan the add-in and the .xlsx draw (merges become
 * gridSpan / vMerge, styles become bold, alignment, borders), and a 项目支出绩效目标表 in the seed's layout.
 */
import {
  AlignmentType,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from "docx";
import { parseRange } from "../grid";
import type { FundSplit, Indicator, PerformanceForm } from "../inputs";
import { Decimal, formatAmount } from "../money";
import { cellSpecs, cellText, isWide, type SheetPlan, type StyleSpec } from "../render/plan";
import type { DirectTable } from "./word-rows";

export const SONG = "宋体";
export const FANG = "仿宋";

/** A face for every script: Word picks eastAsia for Chinese, ascii/hAnsi for digits and Latin letters. */
export const face = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** Table text: 9 pt (小五), as published tables are set to fit their many columns. */
const TABLE_SIZE = 18;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const CELL_MARGINS = { top: 30, bottom: 30, left: 60, right: 60 };

interface CellText {
  text: string;
  bold?: boolean;
  align?: keyof typeof ALIGN;
  columnSpan?: number;
  rowSpan?: number;
  width: number;
}

/** Twips a character of table text takes: a wide one its full 9 pt, others about half. */
const charTwips = (ch: string) => (isWide(ch) ? TABLE_SIZE * 10 : TABLE_SIZE * 5);

/**
 * A short text Word would wrap leaving one or two characters on its last line (国有资本经营预 / 算) broken into
 * balanced lines instead (国有资本 / 经营预算); texts that fit, and long texts, as they are.
 */
export function balancedLines(text: string, twips: number, twipsOf: (ch: string) => number = charTwips): string {
  // Figures and Latin words are not broken: 2022 stays whole, as Word keeps it.
  const width = (t: string) => [...t].reduce((n, ch) => n + twipsOf(ch), 0);
  const orphan = 2 * twipsOf("中");
  return text
    .split("\n")
    .map((line) => {
      const tokens = line.match(/[A-Za-z0-9.,%:：-]+|./gu) ?? [];
      if (tokens.length > 24) return line;
      // Word fills each line before it starts the next: where does that leave the last one?
      const greedy: string[] = [""];
      for (const t of tokens) {
        if (width(greedy[greedy.length - 1] + t) > twips && greedy[greedy.length - 1] !== "") greedy.push("");
        greedy[greedy.length - 1] += t;
      }
      if (greedy.length === 1 || width(greedy[greedy.length - 1]) > orphan) return line;
      // As many lines, each an equal share of the text.
      const share = width(line) / greedy.length;
      const out: string[] = [""];
      let done = 0;
      for (const t of tokens) {
        if (done + width(t) / 2 > share * out.length && out.length < greedy.length) out.push("");
        out[out.length - 1] += t;
        done += width(t);
      }
      return out.join("\n");
    })
    .join("\n");
}

const linesOf = (c: CellText) => balancedLines(c.text, c.width - CELL_MARGINS.left - CELL_MARGINS.right).split("\n");

function cell(c: CellText): TableCell {
  const run: IRunOptions = { text: c.text, bold: c.bold, size: TABLE_SIZE, font: face(SONG) };
  return new TableCell({
    // The paragraph mark takes the run's size too, or an empty cell stands as tall as the document's default text.
    children: linesOf(c).map(
      (line) =>
        new Paragraph({
          alignment: ALIGN[c.align ?? "left"],
          spacing: { before: 0, after: 0 },
          run: { size: TABLE_SIZE, font: face(SONG) },
          children: [new TextRun({ ...run, text: line })],
        }),
    ),
    columnSpan: c.columnSpan,
    rowSpan: c.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    width: { size: c.width, type: WidthType.DXA },
    margins: CELL_MARGINS,
  });
}

/** Column widths in twips, the plan's widths (characters) scaled to the text width. */
function scaledWidths(weights: number[], textWidth: number): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => Math.floor((textWidth * w) / total));
}

function table(rows: TableRow[], widths: number[]): Table {
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
  });
}


/** A line above or under the table: one text, or two (部门名称 … 单位：万元) pushed to either margin. */
function lineParagraph(plan: SheetPlan, specs: Map<string, StyleSpec>, r: number, textWidth: number): Paragraph | null {
  const texts = plan.values[r].flatMap((v, c) => (v === null || v === "" ? [] : [{ text: String(v), spec: specs.get(`${r},${c}`) ?? {} }]));
  if (texts.length === 0) return null;
  const first = texts[0];
  const run = (t: { text: string; spec: StyleSpec }) =>
    new TextRun({ text: t.text, bold: t.spec.bold, size: t.spec.fontSize ? t.spec.fontSize * 2 : 21, font: face(SONG) });
  if (texts.length === 1) {
    // A long title wraps into balanced lines, not one with a character or two left over (…上年结 / 转）).
    const size = first.spec.fontSize ?? 10.5;
    const lines = balancedLines(first.text, textWidth, (ch) => (charTwips(ch) * size) / 9).split("\n");
    return new Paragraph({
      // The table's title is a heading, so Word's navigation pane lists the 13 tables.
      heading: first.spec.fontSize ? HeadingLevel.HEADING_2 : undefined,
      alignment: ALIGN[first.spec.hAlign ?? "left"],
      spacing: { after: 60 },
      children: lines.map(
        (text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined, bold: first.spec.bold, size: size * 2, font: face(SONG) }),
      ),
    });
  }
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
    spacing: { after: 60 },
    children: [run(first), new TextRun({ text: "\t", size: 21 }), ...texts.slice(1).map(run)],
  });
}

/**
 * The plan's bordered rows become the Word table (the header rows repeat on every page), the rows above it
 * (预算公开表N, title, 部门名称/单位) and below it (注：本表无数据) paragraphs. Given `direct`, a body of more than
 * `threshold` rows is left to word-rows.ts: a marker row stands in the table, and the rows are added to `direct`.
 */
export function planBlocks(plan: SheetPlan, textWidth: number, direct?: { threshold: number; tables: DirectTable[] }): (Paragraph | Table)[] {
  const specs = cellSpecs(plan);
  const bordered = plan.values.flatMap((row, r) => (row.some((_, c) => specs.get(`${r},${c}`)?.border) ? [r] : []));
  const top = bordered[0];
  const bottom = bordered[bordered.length - 1];
  const widths = scaledWidths(plan.columnWidths, textWidth);

  const spans = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const merge of plan.merges) {
    const m = parseRange(merge);
    spans.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }

  const cellsOf = (r: number): CellText[] =>
    plan.values[r].flatMap((value, c) => {
      const key = `${r},${c}`;
      if (covered.has(key)) return [];
      const spec = specs.get(key) ?? {};
      const span = spans.get(key) ?? { rows: 1, cols: 1 };
      return [
        {
          text: cellText(value, spec),
          bold: spec.bold,
          align: spec.hAlign,
          columnSpan: span.cols > 1 ? span.cols : undefined,
          rowSpan: span.rows > 1 ? span.rows : undefined,
          width: widths.slice(c, c + span.cols).reduce((s, w) => s + w, 0),
        },
      ];
    });

  // The body: after the header rows, which repeat on every page.
  const bodyTop = Math.max(top, plan.freezeRows);
  const merged = [...spans.entries()].some(([key, span]) => span.rows > 1 && Number(key.split(",")[0]) >= bodyTop);
  const directly = direct && bottom - bodyTop + 1 > direct.threshold && !merged;
  const rows: TableRow[] = [];
  for (let r = top; r <= (directly ? bodyTop - 1 : bottom); r++)
    rows.push(new TableRow({ children: cellsOf(r).map(cell), tableHeader: r < plan.freezeRows, cantSplit: true }));
  if (directly) {
    const marker = `\u2063直接写出的表体${direct.tables.length}\u2063`;
    rows.push(new TableRow({ children: [cell({ text: marker, columnSpan: widths.length, width: textWidth })], cantSplit: true }));
    direct.tables.push({
      marker,
      count: bottom - bodyTop + 1,
      *rows() {
        for (let r = bodyTop; r <= bottom; r++)
          yield cellsOf(r).map((c) => ({ lines: linesOf(c), bold: c.bold, align: c.align ?? "left", columnSpan: c.columnSpan, width: c.width }));
      },
    });
  }

  const lines = (from: number, to: number) =>
    Array.from({ length: Math.max(0, to - from) }, (_, i) => lineParagraph(plan, specs, from + i, textWidth)).filter(
      (p): p is Paragraph => p !== null,
    );
  return [...lines(0, top), table(rows, widths), ...lines(bottom + 1, plan.values.length)];
}

/** Amounts of the forms are in 元, printed as the seeds print them: 94,940 (decimals only when there are some). */
const yuan = (d: Decimal | null) => (d ? formatAmount(d).replace(/\.00$/, "") : "");

const FUND_LINES: [string, keyof FundSplit][] = [
  ["其中：中央财政资金", "central"],
  ["省级财政资金", "provincial"],
  ["市县（区）财政资金", "local"],
  ["单位自筹", "self"],
  ["其他资金", "other"],
];

const TEXT_LINES: [string, "overview" | "basis" | "necessity" | "measures" | "plan"][] = [
  ["项目概况", "overview"],
  ["立项依据", "basis"],
  ["项目设立必要性", "necessity"],
  ["保证项目实施的制度、措施", "measures"],
  ["项目实施计划", "plan"],
];

/** Eight columns: a side label, 一级指标, then 二级/三级/指标值 of the 实施期 and of the year; 二级指标 as wide as its six characters, the last as 2022年11月24日. */
const FORM_WEIGHTS = [10, 10, 14, 13, 9, 14, 12, 16];

/** A 填报日期 as a date is written in Chinese: 20221124194720, 2022-11-24 or 2022/11/24 → 2022年11月24日; other text as it is. */
export function chineseDate(text: string): string {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?(?:[\sT]?\d{1,2}:?\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) return text;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? `${y}年${mo}月${d}日` : text;
}

/**
 * The indicators of the 实施期 and of the year side by side, paired within each 一级指标 (in the order the 一级指标
 * first appear), as the sheet pairs them: never a 产出指标 beside a 效益指标.
 */
export function pairedIndicators(implementation: Indicator[], annual: Indicator[]): { level1: string; impl?: Indicator; annual?: Indicator }[] {
  const groups = [...new Set([...implementation, ...annual].map((x) => x.level1))];
  return groups.flatMap((level1) => {
    const a = implementation.filter((x) => x.level1 === level1);
    const b = annual.filter((x) => x.level1 === level1);
    return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => ({ level1, impl: a[i], annual: b[i] }));
  });
}

/**
 * One 项目支出绩效目标表, in the seed's layout: funds of the 实施期 beside the year's, then the indicators — a table of
 * their own whose header row Word repeats on every page the indicators run onto.
 */
export function formBlocks(form: PerformanceForm, textWidth: number): (Table | Paragraph)[] {
  const w = scaledWidths(FORM_WEIGHTS, textWidth);
  const span = (from: number, n: number) => w.slice(from, from + n).reduce((s, x) => s + x, 0);
  // Cells placed left to right from column `at`, each `cols` wide.
  const row = (cells: { text: string; cols?: number; rowSpan?: number; bold?: boolean; align?: CellText["align"] }[], at = 0, header = false) => {
    let col = at;
    const children = cells.map((c) => {
      const cols = c.cols ?? 1;
      const made = cell({ ...c, columnSpan: cols > 1 ? cols : undefined, width: span(col, cols) });
      col += cols;
      return made;
    });
    return new TableRow({ children, cantSplit: true, tableHeader: header });
  };
  const label = (text: string, cols = 2, rowSpan?: number) => ({ text, cols, rowSpan, bold: true, align: "center" as const });
  const { implementation: impl, annual } = form.funds;

  const rows: TableRow[] = [
    row([label("项目名称"), { text: form.project, cols: 6 }]),
    row([label("主管部门及代码"), { text: form.department, cols: 2 }, label("实施单位"), { text: form.unit, cols: 2 }]),
    row([label("项目属性"), { text: form.attribute, cols: 2 }, label("项目期"), { text: form.period, cols: 2 }]),
    row([
      label("项目资金（元）", 1, FUND_LINES.length + 1),
      { text: "实施期资金总额：", cols: 2 },
      { text: yuan(impl.total), align: "right" },
      { text: "年度资金总额：", cols: 2 },
      { text: yuan(annual.total), cols: 2, align: "right" },
    ]),
    ...FUND_LINES.map(([text, key]) =>
      row(
        [{ text, cols: 2 }, { text: yuan(impl[key]), align: "right" }, { text, cols: 2 }, { text: yuan(annual[key]), cols: 2, align: "right" }],
        1,
      ),
    ),
    ...TEXT_LINES.map(([text, key]) => row([label(text), { text: form[key], cols: 6 }])),
    row([{ text: "", cols: 2 }, label("实施期目标", 3), label("年度目标", 3)]),
    row([label("总体目标"), { text: form.goals.implementation, cols: 3 }, { text: form.goals.annual, cols: 3 }]),
  ];

  const pairs = pairedIndicators(form.indicators.implementation, form.indicators.annual);
  const indicators: TableRow[] = [
    row([label("绩效指标", 1), ...["一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"].map((t) => label(t, 1))], 0, true),
  ];
  const blank: Indicator = { level1: "", level2: "", level3: "", value: "" };
  pairs.forEach((p, i) => {
    // A run of one 一级指标 is one merged cell, as printed; the side column under 绩效指标 one cell down the whole list.
    const runStart = i === 0 || p.level1 !== pairs[i - 1].level1;
    const next = pairs.slice(i).findIndex((q) => q.level1 !== p.level1);
    const length = next < 0 ? pairs.length - i : next;
    const indicator = (x: Indicator = blank) => [{ text: x.level2 }, { text: x.level3 }, { text: x.value, align: "center" as const }];
    const level1 = { text: p.level1, rowSpan: length > 1 ? length : undefined };
    const side = { text: "", rowSpan: pairs.length > 1 ? pairs.length : undefined };
    if (i === 0) indicators.push(row([side, level1, ...indicator(p.impl), ...indicator(p.annual)]));
    else if (runStart) indicators.push(row([level1, ...indicator(p.impl), ...indicator(p.annual)], 1));
    else indicators.push(row([...indicator(p.impl), ...indicator(p.annual)], 2));
  });
  const { head, handler, phone, date } = form.contacts;
  indicators.push(
    row([
      label("负责人：", 1),
      { text: head },
      label("经办人：", 1),
      { text: handler },
      label("联系电话：", 1),
      { text: phone },
      label("填报日期：", 1),
      { text: chineseDate(date) },
    ]),
  );
  // Two tables with nothing between them are one to Word: a hairline paragraph keeps them apart.
  const gap = new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: "exact" }, children: [] });
  return [table(rows, w), gap, table(indicators, w)];
}
