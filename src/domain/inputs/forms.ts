/**
 * 项目支出绩效目标表: drawn one after another on one sheet in the layout the budget system prints (amounts in 元),
 * and read back from any sheet — each form found by its 项目名称 label. Labels may stand in any column, carry a
 * 其中： prefix or a colon, in full-width or half-width punctuation, as the published forms and copies of them do.
 */
import { normalizeName } from "../catalog/catalog";
import { projectsOf, shown } from "../read/model";
import { a1Range, type CellValue, type SheetGrid } from "../grid";
import type { FundSplit, Indicator, PerformanceForm } from "../inputs";
import { Decimal, parseAmount, YUAN_PER } from "../money";
import { unitOf } from "../packs/decls";
import { type Pack } from "../packs/schema";
import { cellOf, type Disclosure } from "../read/read";
import type { SheetPlan, StyleName, StyledRange } from "../render/plan";
import { fillPlaceholders } from "../packs/text";
import { gridRows, type GridCell } from "./cells";

export const FORMS_SHEET = "绩效目标表";
export const FORMS_TITLE = "{year}年项目支出绩效目标表";

/** A form as data, to draw or to keep: a PerformanceForm without its places in a workbook. */
export type FormContent = Omit<PerformanceForm, "ref" | "annualTotalRef">;

type Source = Exclude<keyof FundSplit, "total">;
const SOURCES: [Source, string][] = [
  ["central", "中央财政资金"],
  ["provincial", "省级财政资金"],
  ["local", "市县（区）财政资金"],
  ["self", "单位自筹"],
  ["other", "其他资金"],
];
const TOTALS = { implementation: "实施期资金总额：", annual: "年度资金总额：" };

type TextKey = "overview" | "basis" | "necessity" | "measures" | "plan";
const TEXTS: [TextKey, string][] = [
  ["overview", "项目概况"],
  ["basis", "立项依据"],
  ["necessity", "项目设立必要性"],
  ["measures", "保证项目实施的制度、措施"],
  ["plan", "项目实施计划"],
];
const CONTACTS: [keyof FormContent["contacts"], string][] = [
  ["head", "负责人："],
  ["handler", "经办人："],
  ["phone", "联系电话："],
  ["date", "填报日期："],
];
const INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"];

/** The 二级指标 of the 绩效指标 framework with the 一级指标 each belongs to, in the order the forms print them. */
const LEVEL2: [string, string][] = [
  ["数量指标", "产出指标"],
  ["质量指标", "产出指标"],
  ["时效指标", "产出指标"],
  ["成本指标", "产出指标"],
  ["经济效益指标", "效益指标"],
  ["社会效益指标", "效益指标"],
  ["生态效益指标", "效益指标"],
  ["可持续影响指标", "效益指标"],
  ["服务对象满意度指标", "满意度指标"],
];
/** Other names forms give a 二级指标: the cost indicators of frameworks where 成本指标 is a 一级指标, a shortened name. */
const LEVEL2_ALIASES: [string, string][] = [
  ["经济成本指标", "成本指标"],
  ["社会成本指标", "成本指标"],
  ["生态环境成本指标", "成本指标"],
  ["服务对象满意度", "满意度指标"],
];
const LEVEL1_OF = new Map([...LEVEL2, ...LEVEL2_ALIASES]);
/** 成本指标 is left out: most forms print it as a 二级指标 under 产出指标 (it heads a row only before its own 二级指标). */
const LEVEL1 = new Set(["产出指标", "效益指标", "满意度指标"]);

/** A label as compared: normalised (half-width punctuation, no spaces), without a 其中： prefix or a trailing colon. */
const labelKey = (text: string) => normalizeName(text).replace(/^其中:/, "").replace(/:$/, "");

const K = { project: labelKey("项目名称"), indicators: labelKey("绩效指标") };
/** 项目期, as some forms print it. */
const PERIOD = ["项目期", "项目日期"];
/** The sources by label, with a name cut short in the seed. */
const SOURCE_OF = new Map<string, Source>([...SOURCES.map(([k, l]) => [labelKey(l), k] as const), [labelKey("市县（区）财政"), "local"]]);
/** Every label a form prints: the cell after a label is its value unless it is another label (an empty value). */
const LABELS = new Set([
  ...[
    "项目名称",
    "主管部门及代码",
    "实施单位",
    "项目属性",
    ...PERIOD,
    "项目资金（元）",
    "项目资金",
    ...Object.values(TOTALS),
    ...TEXTS.map(([, l]) => l),
    "总体目标",
    "实施期目标",
    "年度目标",
    "绩效指标",
    ...INDICATOR_HEADER,
    ...CONTACTS.map(([, l]) => l),
  ].map(labelKey),
  ...SOURCE_OF.keys(),
]);

// ---- drawing ----

const WIDTHS = [10, 12, 18, 28, 14, 18, 28, 14];
const LAST = WIDTHS.length - 1;
/** Amounts in 元 show whole; the rare one with fen (1,904,968.58) keeps its two decimals. */
const yuan = (d: Decimal | null): StyleName => (d && !d.isInteger() ? "amount" : "yuan");

const noFunds = (): FundSplit => ({ total: null, central: null, provincial: null, local: null, self: null, other: null });
const skeleton = (): Indicator[] => LEVEL2.map(([level2, level1]) => ({ level1, level2, level3: "", value: "" }));

/**
 * A form to fill in for a project: its name, department and unit, the 年度资金总额 (元) its table gives, and one
 * empty row per 二级指标 of the framework.
 */
export function blankForm(project: string, department: string, yuan: Decimal | null, unit = department): FormContent {
  return {
    project,
    department,
    unit,
    attribute: "",
    period: "",
    funds: { implementation: noFunds(), annual: { ...noFunds(), total: yuan } },
    overview: "",
    basis: "",
    necessity: "",
    measures: "",
    plan: "",
    goals: { implementation: "", annual: "" },
    indicators: { implementation: skeleton(), annual: skeleton() },
    contacts: { head: "", handler: "", phone: "", date: "" },
  };
}

/**
 * One blank form per project of the table the pack's forms are for, in its order, each under the unit it lists the
 * project under; none when the pack has no forms or the workbook lacks the table.
 */
export function formsForProjects(pack: Pack, disclosure: Disclosure): FormContent[] {
  const decl = pack.document.forms;
  const table = decl && disclosure.tables.get(decl.table);
  const groups = decl && projectsOf(disclosure, decl.table);
  if (!decl || !table || !groups) return [];
  const column = table.decl.projects!.column;
  const toYuan = YUAN_PER[unitOf(pack, table.decl)];
  const department = table.department?.text ?? "";
  const unitName = new Map(groups.units.flatMap((u) => u.projects.map((p) => [p, shown(table, u.row, column)] as const)));
  return groups.projects.map((row) => {
    const amount = parseAmount(cellOf(table, row, decl.amount)?.value);
    return blankForm(shown(table, row, column), department, amount.kind === "amount" ? amount.value.times(toYuan) : null, unitName.get(row) ?? department);
  });
}

/** The forms one after another on one sheet, a blank row between them, under the sheet's title. */
export function renderForms(forms: FormContent[], year: number): SheetPlan {
  const values: CellValue[][] = [];
  const merges: string[] = [];
  const styles: StyledRange[] = [];
  const box = (top: number, left: number, bottom: number, right: number, value: CellValue, style: StyleName) => {
    while (values.length <= bottom) values.push(new Array<CellValue>(WIDTHS.length).fill(null));
    values[top][left] = value;
    const range = a1Range(top, left, bottom, right);
    if (bottom > top || right > left) merges.push(range);
    styles.push({ range, style });
  };
  const amount = (d: Decimal | null) => (d === null ? null : d.toNumber());

  /** Consecutive equal `keys` share one merged cell (a 一级指标 over its rows), as the published forms print them. */
  const column = (top: number, col: number, keys: string[], texts: string[]) => {
    for (let i = 0; i < keys.length; ) {
      let j = i;
      while (texts[i] !== "" && j + 1 < keys.length && keys[j + 1] === keys[i]) j++;
      box(top + i, col, top + j, col, texts[i], "label");
      i = j + 1;
    }
  };

  const drawForm = (f: FormContent, top: number): number => {
    let r = top;
    box(r, 0, r, 1, "项目名称", "header");
    box(r, 2, r, LAST, f.project, "label");
    r++;
    for (const [left, right] of [
      [["主管部门及代码", f.department], ["实施单位", f.unit]],
      [["项目属性", f.attribute], ["项目期", f.period]],
    ] as const) {
      box(r, 0, r, 1, left[0], "header");
      box(r, 2, r, 3, left[1], "label");
      box(r, 4, r, 4, right[0], "header");
      box(r, 5, r, LAST, right[1], "label");
      r++;
    }
    box(r, 0, r + SOURCES.length, 1, "项目资金（元）", "header");
    const { implementation, annual } = f.funds;
    box(r, 2, r, 2, TOTALS.implementation, "label");
    box(r, 3, r, 4, amount(implementation.total), yuan(implementation.total));
    box(r, 5, r, 5, TOTALS.annual, "label");
    box(r, 6, r, LAST, amount(annual.total), yuan(annual.total));
    SOURCES.forEach(([key, label], i) => {
      const shownLabel = i === 0 ? `其中：${label}` : label;
      box(r + 1 + i, 2, r + 1 + i, 2, shownLabel, "label");
      box(r + 1 + i, 3, r + 1 + i, 4, amount(implementation[key]), yuan(implementation[key]));
      box(r + 1 + i, 5, r + 1 + i, 5, shownLabel, "label");
      box(r + 1 + i, 6, r + 1 + i, LAST, amount(annual[key]), yuan(annual[key]));
    });
    r += SOURCES.length + 1;
    for (const [key, label] of TEXTS) {
      box(r, 0, r, 1, label, "header");
      box(r, 2, r, LAST, f[key], "label");
      r++;
    }
    box(r, 0, r + 1, 1, "总体目标", "header");
    box(r, 2, r, 4, "实施期目标", "header");
    box(r, 5, r, LAST, "年度目标", "header");
    box(r + 1, 2, r + 1, 4, f.goals.implementation, "label");
    box(r + 1, 5, r + 1, LAST, f.goals.annual, "label");
    r += 2;

    // Side by side under each 一级指标: the 年度 side has no 一级指标 column of its own.
    const { implementation: impl, annual: ann } = f.indicators;
    const groups = [...new Set([...impl, ...ann].map((x) => x.level1))];
    const rows = groups.flatMap((g) => {
      const a = impl.filter((x) => x.level1 === g);
      const b = ann.filter((x) => x.level1 === g);
      return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => ({ level1: g, a: a[i], b: b[i] }));
    });
    const n = rows.length;
    box(r, 0, r + n, 0, "绩效指标", "header");
    INDICATOR_HEADER.forEach((h, i) => box(r, 1 + i, r, 1 + i, h, "header"));
    r++;
    const level1 = rows.map((row) => row.level1);
    column(r, 1, level1, level1);
    column(r, 2, rows.map(({ a }) => (a ? `${a.level1}/${a.level2}` : "")), rows.map(({ a }) => a?.level2 ?? ""));
    column(r, 3, rows.map((_, i) => String(i)), rows.map(({ a }) => a?.level3 ?? ""));
    column(r, 4, rows.map((_, i) => String(i)), rows.map(({ a }) => a?.value ?? ""));
    column(r, 5, rows.map(({ b }) => (b ? `${b.level1}/${b.level2}` : "")), rows.map(({ b }) => b?.level2 ?? ""));
    column(r, 6, rows.map((_, i) => String(i)), rows.map(({ b }) => b?.level3 ?? ""));
    column(r, 7, rows.map((_, i) => String(i)), rows.map(({ b }) => b?.value ?? ""));
    r += n;
    CONTACTS.forEach(([key, label], i) => {
      box(r, 2 * i, r, 2 * i, label, "header");
      // Phone numbers and 填报日期 stamps are digits to keep as typed, not numbers.
      box(r, 2 * i + 1, r, 2 * i + 1, f.contacts[key], "code");
    });
    return r + 1;
  };

  box(0, 0, 0, LAST, fillPlaceholders(FORMS_TITLE, year), "title");
  let r = 2;
  for (const f of forms) r = drawForm(f, r) + 1;
  return {
    name: FORMS_SHEET,
    tableId: "forms",
    values,
    merges,
    styles,
    columnWidths: WIDTHS,
    freezeRows: 0,
    print: { orientation: "landscape", paper: "A4", fitToWidth: true },
  };
}

// ---- reading ----

interface Cell extends GridCell {
  key: string;
  /** The next non-empty cell to the right on the same row. */
  next?: Cell;
}

/** A label and its value typed into one cell (实施单位 晋城市商务局, 其中：中央财政资金 0): two cells at one place. */
function splitCell(c: GridCell): Cell[] {
  const key = labelKey(c.text);
  const m = LABELS.has(key) ? null : /^(?:其中[:：]\s*)?(.+?)(?:[:：]\s*|\s+)(\S[\s\S]*)$/.exec(c.text);
  if (!m || !LABELS.has(labelKey(m[1]))) return [{ ...c, key }];
  const value = m[2].trim();
  return [
    { ...c, value: m[1], text: m[1], key: labelKey(m[1]) },
    { ...c, value, text: value, key: labelKey(value) },
  ];
}

/** Every form on a sheet, in order. A 项目名称 with none of the form's other labels under it (T12's header) is no form. */
/** Labels only a form has (表12 has 项目名称 too): a sheet without any is not read cell by cell. */
const FORM_MARK = /主管部门|项目属性|项目资金|绩效指标/;

export function readForms(grid: SheetGrid): PerformanceForm[] {
  if (!grid.values.some((row) => row.some((v) => typeof v === "string" && FORM_MARK.test(v)))) return [];
  const rows = gridRows(grid).map((row) => {
    const cells = row.flatMap(splitCell);
    cells.forEach((c, i) => (c.next = cells[i + 1]));
    return cells;
  });
  const starts = rows.flatMap((row, i) => (row.some((c) => c.key === K.project) ? [i] : []));
  return starts.flatMap((start, k) => {
    const form = readForm(rows.slice(start, starts[k + 1] ?? rows.length));
    return form ? [form] : [];
  });
}

function readForm(span: Cell[][]): PerformanceForm | null {
  const contactKeys = new Set(CONTACTS.slice(0, 2).map(([, l]) => labelKey(l)));
  const contactsAt = span.findIndex((row) => row.some((c) => contactKeys.has(c.key)));
  const rows = contactsAt >= 0 ? span.slice(0, contactsAt + 1) : span;
  const cells = rows.flat();
  const first = (...labels: string[]): Cell | undefined => {
    const keys = labels.map(labelKey);
    return cells.find((c) => keys.includes(c.key));
  };
  if (!first("主管部门及代码", "项目属性", "项目资金（元）", "项目资金", "绩效指标")) return null;

  const valueOf = (label: Cell | undefined): Cell | undefined => (label?.next && !LABELS.has(label.next.key) ? label.next : undefined);
  const text = (...labels: string[]) => valueOf(first(...labels))?.text ?? "";
  const amount = (c: Cell | undefined) => {
    const p = parseAmount(c?.value);
    return p.kind === "amount" ? p.value : null;
  };
  const rowOf = (c: Cell) => rows.findIndex((r) => r.includes(c));

  // Each source stands twice on its row, 实施期 left of 年度; alone, it is 年度 from the 年度资金总额 column on.
  const implLabel = first(TOTALS.implementation);
  const annualLabel = first(TOTALS.annual);
  const funds = { implementation: noFunds(), annual: noFunds() };
  funds.implementation.total = amount(valueOf(implLabel));
  funds.annual.total = amount(valueOf(annualLabel));
  for (const row of rows) {
    const found = row.filter((c) => SOURCE_OF.has(c.key));
    found.forEach((c, i) => {
      const annual = found.length > 1 ? i > 0 : annualLabel !== undefined && c.col >= annualLabel.col;
      const split = funds[annual ? "annual" : "implementation"];
      const key = SOURCE_OF.get(c.key)!;
      if (split[key] === null) split[key] = amount(valueOf(c));
    });
  }

  // 总体目标: the texts on its own row, or on the row under the 实施期目标/年度目标 header.
  const goals = { implementation: "", annual: "" };
  const goalHeader = first("实施期目标", "年度目标");
  const goalRows = [first("总体目标"), goalHeader].flatMap((c) => (c ? [rowOf(c) + (c === goalHeader ? 1 : 0)] : []));
  const goalTexts = goalRows.map((i) => (rows[i] ?? []).filter((c) => !LABELS.has(c.key))).find((t) => t.length > 0) ?? [];
  const annualGoalCol = first("年度目标")?.col;
  if (goalTexts.length >= 2) [goals.implementation, goals.annual] = [goalTexts[0].text, goalTexts[1].text];
  else if (goalTexts.length === 1)
    goals[annualGoalCol !== undefined && goalTexts[0].col >= annualGoalCol ? "annual" : "implementation"] = goalTexts[0].text;

  // The indicator rows run from under the 一级指标 header (or from the 绩效指标 label, when a form omits the header)
  // to the 负责人 row.
  const header = first("一级指标");
  const indicatorsLabel = first("绩效指标");
  const from = header ? rowOf(header) + 1 : indicatorsLabel ? rowOf(indicatorsLabel) : -1;
  const end = contactsAt >= 0 ? rows.length - 1 : rows.length;
  const indicators = from >= 0 ? readIndicators(rows.slice(from, end), header ? rows[rowOf(header)] : undefined) : { implementation: [], annual: [] };

  // The contacts may wrap onto the rows under their line: a value under its label, a label further down.
  const tail = span.slice(rows.length - 1).flat();
  const below = (label: Cell) => span[span.findIndex((r) => r.includes(label)) + 1]?.find((c) => c.col === label.col && !LABELS.has(c.key));
  const contacts = { head: "", handler: "", phone: "", date: "" };
  for (const [key, label] of CONTACTS) {
    const labelAt = labelKey(label);
    const at = tail.find((c) => c.key === labelAt);
    contacts[key] = at ? (valueOf(at) ?? below(at))?.text ?? "" : "";
  }

  const projectLabel = first("项目名称")!;
  return {
    ref: valueOf(projectLabel)?.ref ?? projectLabel.ref,
    project: valueOf(projectLabel)?.text ?? "",
    department: text("主管部门及代码"),
    unit: text("实施单位"),
    attribute: text("项目属性"),
    period: text(...PERIOD),
    funds,
    annualTotalRef: valueOf(annualLabel)?.ref ?? annualLabel?.ref ?? null,
    overview: text("项目概况"),
    basis: text("立项依据"),
    necessity: text("项目设立必要性"),
    measures: text("保证项目实施的制度、措施"),
    plan: text("项目实施计划"),
    goals,
    indicators,
    contacts,
  };
}

/** One side of an indicator row as it stands on the row: what is absent is carried down from above. */
interface Side {
  level2?: string;
  level3?: string;
  value?: string;
}

interface IndicatorRow {
  /** A 一级指标 that starts a group on this row. */
  level1?: string;
  implementation: Side;
  annual: Side;
}

/**
 * The indicator rows: each holds the 实施期 side, then the 年度 side, [二级指标] 三级指标 指标值 each, after a 一级指标
 * where a group starts; names carry down merged cells (a 一级指标 until the next, a 二级指标 per side until the next).
 * Rows whose cells stand in the header's columns are read by column; others (the seed text, which drops empty merged
 * cells and shifts what follows) by sequence, knowing the framework's 一级/二级指标 names.
 */
function readIndicators(rows: Cell[][], header: Cell[] | undefined): PerformanceForm["indicators"] {
  const body = rows.map((row) => row.filter((c) => c.key !== K.indicators));
  const byColumn = header ? columnReader(header, body) : undefined;
  const parsed = body.filter((row) => row.length > 0).map(byColumn ?? readInSequence);

  const out: PerformanceForm["indicators"] = { implementation: [], annual: [] };
  let level1 = "";
  const carried = { implementation: "", annual: "" };
  for (const row of parsed) {
    if (row.level1 !== undefined) {
      level1 = row.level1;
      carried.implementation = carried.annual = "";
    } else if (!byColumn && row.implementation.level2 !== undefined) {
      // Read in sequence, a 二级指标 that starts a row names its 一级指标 when the row does not.
      level1 = LEVEL1_OF.get(labelKey(row.implementation.level2)) ?? level1;
    }
    for (const key of ["implementation", "annual"] as const) {
      const side = row[key];
      if (side.level2 !== undefined) carried[key] = side.level2;
      if (side.level2 === undefined && side.level3 === undefined && side.value === undefined) continue;
      // The 年度 side has no 一级指标 column: its 二级指标 tells, where the framework knows it.
      const own = key === "annual" ? LEVEL1_OF.get(labelKey(carried.annual)) : undefined;
      out[key].push({ level1: own ?? level1, level2: carried[key], level3: side.level3 ?? "", value: side.value ?? "" });
    }
  }
  return out;
}

/** Reads rows by the header's columns, when every cell of the block stands in one of them. */
function columnReader(header: Cell[], body: Cell[][]): ((row: Cell[]) => IndicatorRow) | undefined {
  const cols = (label: string) => header.filter((c) => c.key === labelKey(label)).map((c) => c.col);
  const [l1, l2, l3, v] = [cols("一级指标"), cols("二级指标"), cols("三级指标"), cols("指标值")];
  if (l1.length !== 1 || l2.length !== 2 || l3.length !== 2 || v.length !== 2) return undefined;
  // What each column holds: a side's field, or (no side) the 一级指标.
  const role = new Map<number, { side?: "implementation" | "annual"; field?: keyof Side }>([[l1[0], {}]]);
  (["implementation", "annual"] as const).forEach((side, i) => {
    role.set(l2[i], { side, field: "level2" });
    role.set(l3[i], { side, field: "level3" });
    role.set(v[i], { side, field: "value" });
  });
  const named = (c: Cell) => LEVEL1.has(c.key) || LEVEL1_OF.has(c.key);
  const fits = body.every((row) => row.every((c) => role.has(c.col) && (!named(c) || c.col === l1[0] || role.get(c.col)!.field === "level2")));
  if (!fits) return undefined;
  return (row) => {
    const out: IndicatorRow = { implementation: {}, annual: {} };
    for (const c of row) {
      const { side, field } = role.get(c.col)!;
      if (side && field) out[side][field] = c.text;
      else out.level1 = c.text;
    }
    return out;
  };
}

/** Reads a row as a sequence: [一级指标] then each side's [二级指标] 三级指标 指标值; a side once complete gives way to the next. */
function readInSequence(row: Cell[]): IndicatorRow {
  const out: IndicatorRow = { implementation: {}, annual: {} };
  const [head, second] = row;
  const startsGroup = LEVEL1.has(head.key) || (second !== undefined && LEVEL1_OF.get(second.key) === head.key);
  if (startsGroup) out.level1 = head.text;
  let at: "implementation" | "annual" = "implementation";
  const started = (s: Side) => s.level2 !== undefined || s.level3 !== undefined;
  for (const t of startsGroup ? row.slice(1) : row) {
    let side = out[at];
    if (LEVEL1_OF.has(t.key)) {
      if (started(side)) {
        if (at === "annual") continue;
        at = "annual";
        side = out.annual;
      }
      side.level2 = t.text;
    } else if (side.level3 === undefined) side.level3 = t.text;
    else if (side.value === undefined) side.value = t.text;
    else if (at === "implementation") {
      at = "annual";
      out.annual.level3 = t.text;
    }
  }
  return out;
}

// ---- as data (the samples) ----

type Amounts = Record<keyof FundSplit, string | null>;
/** A form as JSON: amounts as decimal strings (元), null where blank. */
export type FormJson = Omit<FormContent, "funds"> & { funds: { implementation: Amounts; annual: Amounts } };

function mapSplit<A, B>(s: Record<keyof FundSplit, A>, f: (a: A) => B): Record<keyof FundSplit, B> {
  return { total: f(s.total), central: f(s.central), provincial: f(s.provincial), local: f(s.local), self: f(s.self), other: f(s.other) };
}

export function formToJson(f: FormContent): FormJson {
  const out = (s: FundSplit) => mapSplit(s, (d) => d?.toString() ?? null);
  return { ...f, funds: { implementation: out(f.funds.implementation), annual: out(f.funds.annual) } };
}

export function formFromJson(j: FormJson): FormContent {
  const back = (s: Amounts) => mapSplit(s, (v) => (v === null ? null : new Decimal(v)));
  return { ...j, funds: { implementation: back(j.funds.implementation), annual: back(j.funds.annual) } };
}
