/**
 * The 上海市普陀区商务委员会 2025 部门预算 sample (src/domain/samples/shanghai-commerce-2025-department.json) laid out
 * as workbooks the add-in never drew: written here cell by cell with exceljs, in three layouts, each recording
 * where every figure, title, department line, unit line, header caption and note landed (sheet + A1), so that a
 * test can change one of them and know the exact cell a finding must name.
 *
 * - printed — "as printed": one sheet per table; the title on row 1 (merged across), 编制部门 and 单位 on row 2,
 *   a blank row, the header as the PDF prints it (merged; 事业单位\n经营收入 wrapped), codes in 类/款/项 columns with
 *   every level printed on every row (201 13 01; 类 typed as a number, 款/项 as text "13", "01"), the 合计 row's
 *   caption merged over the code and name columns, and the 注 line under T06/T07.
 * - sparse — "as printed, higher levels blank": the same, but a level equal to the one of the code above is left
 *   blank (款 rows leave 类 blank, 项 rows leave 类 and 款 blank) and every level is typed as a number (02 → 2).
 * - exported — "as a budget system exports them": all nine tables on ONE sheet, one after another with one blank
 *   row between; no merges at all — every caption of what the print merges is REPEATED in each cell of that area;
 *   the code in ONE column (3/5/7 digits, typed as a number on every other row, as text otherwise) headed
 *   "科目编码", its name headed "科目名称"; the 类/款/项 header row is gone; no blank row above the header.
 * - exportedPackCaptions — the exported layout with the code and name columns headed in the pack's words
 *   (功能分类科目编码, 功能分类科目名称 …): what separates the one-sheet, unmerged, one-code-column layout from the
 *   captions "科目编码"/"科目名称".
 *
 * Code cells: the reader places a code read from 类/款/项 columns at its lowest printed level, so `cell(table, row,
 * "code")` is that level's cell (the 项 cell of a 项 row); in the exported layout it is the one code cell.
 */
import ExcelJS from "exceljs";
import * as path from "node:path";
import { readWorkbookFile } from "../../src/cli/grids";
import { builtinCatalog, normalizeName } from "../../src/domain/catalog/catalog";
import { checkWorkbook, type CheckResult } from "../../src/domain/checks/check-workbook";
import type { Finding } from "../../src/domain/finding";
import { a1, shiftRange, type CellValue, type SheetGrid } from "../../src/domain/grid";
import { builtinPacks, type Pack } from "../../src/domain/packs";
import { choosePack } from "../../src/domain/read/detect";
import { shanghaiCommerceSample } from "../../src/domain/samples";

export const SAMPLE = shanghaiCommerceSample;
export const DEPARTMENT = "上海市普陀区商务委员会";
export const YEAR = 2025;
export const PACK_ID = "shanghai-putuo-2025";
/** The nine tables of the Shanghai 部门预算 pack, as a check finds them all. */
export const ALL_TABLES = ["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"];

export type Rows = Record<string, CellValue[][]>;

export interface Place {
  sheet: string;
  cell: string;
}

/** A cell of a table, as findings name their related cells. */
export interface TablePlace extends Place {
  table: string;
}

type Header = (string | null)[][];

interface TableSpec {
  id: string;
  /** The title without its year. */
  title: string;
  sheet: string;
  unit: string;
  /** Logical columns, in the order of the sample's rows. */
  keys: string[];
  /** Levels of the code column (first column), when the table has one. */
  levels?: 2 | 3;
  printed: { rows: Header; merges: string[] };
  exported: Header;
  /** How the pack heads the code and name columns (for the exportedPackCaptions layout). */
  captions?: [string, string];
  note?: string;
}

const FUNCTIONAL: [string, string] = ["功能分类科目编码", "功能分类科目名称"];
const EXPENSE_KEYS = ["code", "name", "total", "basic", "project"];

const expensePrinted = (group: string) => ({
  rows: [
    ["项目", null, null, null, group, null, null],
    ["功能分类科目编码", null, null, "功能分类科目名称", "合计", "基本支出", "项目支出"],
    ["类", "款", "项", null, null, null, null],
  ],
  merges: ["A1:D1", "E1:G1", "A2:C2", "D2:D3", "E2:E3", "F2:F3", "G2:G3"],
});

const expenseExported = (group: string): Header => [
  ["项目", "项目", group, group, group],
  ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
];

const FUND_NOTE = (fund: string) => `注:本部门${YEAR}年无${fund}财政拨款安排的预算，故本表为空表。`;

const THREE_PUBLIC = "“三公”经费预算数";
const OPERATING = "机关运行经费预算数";
const VEHICLE = "公务用车购置及运行费";

/** The nine tables as the 2025 document prints them (titles, units, headers), and as an export would head them. */
export const TABLES: TableSpec[] = [
  {
    id: "T01",
    title: "部门财务收支预算总表",
    sheet: "1 财务收支总表",
    unit: "单位：元",
    keys: ["incomeItem", "incomeAmount", "expenseItem", "expenseTotal"],
    printed: {
      rows: [
        ["本年收入", null, "本年支出", null],
        ["项目", "预算数", "项目", "预算数"],
      ],
      merges: ["A1:B1", "C1:D1"],
    },
    exported: [
      ["本年收入", "本年收入", "本年支出", "本年支出"],
      ["项目", "预算数", "项目", "预算数"],
    ],
  },
  {
    id: "T02",
    title: "部门收入预算总表",
    sheet: "2 收入总表",
    unit: "单位：元",
    keys: ["code", "name", "total", "fiscal", "business", "operations", "other"],
    levels: 3,
    captions: ["功能分类科目编码", "功能分类科目名称"],
    printed: {
      rows: [
        ["项目", null, null, null, "收入预算", null, null, null, null],
        ["功能分类科目编码", null, null, "功能分类科目名称", "合计", "财政拨款收入", "事业收入", "事业单位\n经营收入", "其他收入"],
        ["类", "款", "项", null, null, null, null, null, null],
      ],
      merges: ["A1:D1", "E1:I1", "A2:C2", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:I3"],
    },
    exported: [
      ["项目", "项目", "收入预算", "收入预算", "收入预算", "收入预算", "收入预算"],
      ["科目编码", "科目名称", "合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"],
    ],
  },
  {
    id: "T03",
    title: "部门支出预算总表",
    sheet: "3 支出总表",
    unit: "单位：元",
    keys: EXPENSE_KEYS,
    levels: 3,
    captions: FUNCTIONAL,
    printed: expensePrinted("支出预算"),
    exported: expenseExported("支出预算"),
  },
  {
    id: "T04",
    title: "部门财政拨款收支预算总表",
    sheet: "4 财政拨款收支总表",
    unit: "单位：元",
    keys: ["incomeItem", "incomeAmount", "expenseItem", "expenseTotal", "expenseGpb", "expenseFund", "expenseSoe"],
    printed: {
      rows: [
        ["财政拨款收入", null, "财政拨款支出", null, null, null, null],
        ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
      ],
      merges: ["A1:B1", "C1:G1"],
    },
    exported: [
      ["财政拨款收入", "财政拨款收入", "财政拨款支出", "财政拨款支出", "财政拨款支出", "财政拨款支出", "财政拨款支出"],
      ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
    ],
  },
  {
    id: "T05",
    title: "部门一般公共预算支出功能分类预算表",
    sheet: "5 一般公共预算",
    unit: "单位：元",
    keys: EXPENSE_KEYS,
    levels: 3,
    captions: FUNCTIONAL,
    printed: expensePrinted("一般公共预算支出"),
    exported: expenseExported("一般公共预算支出"),
  },
  {
    id: "T06",
    title: "部门政府性基金预算支出功能分类预算表",
    sheet: "6 政府性基金",
    unit: "单位：元",
    keys: EXPENSE_KEYS,
    levels: 3,
    captions: FUNCTIONAL,
    printed: expensePrinted("政府性基金预算支出"),
    exported: expenseExported("政府性基金预算支出"),
    note: FUND_NOTE("政府性基金预算"),
  },
  {
    id: "T07",
    title: "部门国有资本经营预算支出功能分类预算表",
    sheet: "7 国有资本经营预算",
    unit: "单位：元",
    keys: EXPENSE_KEYS,
    levels: 3,
    captions: FUNCTIONAL,
    printed: expensePrinted("国有资本经营预算支出"),
    exported: expenseExported("国有资本经营预算支出"),
    note: FUND_NOTE("国有资本经营预算"),
  },
  {
    id: "T08",
    title: "部门一般公共预算基本支出部门预算经济分类预算表",
    sheet: "8 基本支出经济分类",
    unit: "单位：元",
    keys: ["code", "name", "total", "personnel", "public"],
    levels: 2,
    captions: ["部门预算经济分类科目编码", "经济分类科目名称"],
    printed: {
      rows: [
        ["项目", null, null, "一般公共预算基本支出", null, null],
        ["部门预算经济分类科目编码", null, "经济分类科目名称", "合计", "人员经费", "公用经费"],
        ["类", "款", null, null, null, null],
      ],
      merges: ["A1:C1", "D1:F1", "A2:B2", "C2:C3", "D2:D3", "E2:E3", "F2:F3"],
    },
    exported: [
      ["项目", "项目", "一般公共预算基本支出", "一般公共预算基本支出", "一般公共预算基本支出"],
      ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
    ],
  },
  {
    id: "T09",
    title: "部门“三公”经费和机关运行经费预算表",
    sheet: "9 三公经费",
    unit: "单位:万元",
    keys: ["total", "abroad", "reception", "vehicle", "vehiclePurchase", "vehicleOperation", "operating"],
    printed: {
      rows: [
        [THREE_PUBLIC, null, null, null, null, null, OPERATING],
        ["合计", "因公出国(境)费", "公务接待费", VEHICLE, null, null, null],
        [null, null, null, "小计", "购置费", "运行费", null],
      ],
      merges: ["A1:F1", "G1:G3", "A2:A3", "B2:B3", "C2:C3", "D2:F2"],
    },
    exported: [
      [THREE_PUBLIC, THREE_PUBLIC, THREE_PUBLIC, THREE_PUBLIC, THREE_PUBLIC, THREE_PUBLIC, OPERATING],
      ["合计", "因公出国(境)费", "公务接待费", VEHICLE, VEHICLE, VEHICLE, OPERATING],
      ["合计", "因公出国(境)费", "公务接待费", "小计", "购置费", "运行费", OPERATING],
    ],
  },
];

export const specOf = (id: string): TableSpec => {
  const spec = TABLES.find((t) => t.id === id);
  if (!spec) throw new Error(`no table ${id}`);
  return spec;
};

export const LAYOUTS = ["printed", "sparse", "exported", "exportedPackCaptions"] as const;
export type LayoutName = (typeof LAYOUTS)[number];

/** Deep copy of the sample's rows, to change without touching the sample. */
export const sampleRows = (): Rows => JSON.parse(JSON.stringify(SAMPLE.rows));

/** The sample's rows of `table` as figuresRead gives them back: numbers as numbers, any other value as text. */
export const sampleRowsAsRead = (table: string): CellValue[][] =>
  SAMPLE.rows[table]!.map((r) => r.map((v) => (v === null ? null : typeof v === "number" ? v : String(v))));

/** Index of the first row of `table` with a text cell reading `text` (whitespace and numbering as typed). */
export function rowOf(rows: Rows, table: string, text: string): number {
  const want = normalizeName(text);
  const i = rows[table].findIndex((r) => r.some((c) => typeof c === "string" && normalizeName(c) === want));
  if (i < 0) throw new Error(`${table} has no row ${text}`);
  return i;
}

export function keyIndex(table: string, key: string): number {
  const i = specOf(table).keys.indexOf(key);
  if (i < 0) throw new Error(`${table} has no column ${key}`);
  return i;
}

/** Changes one cell of `rows` (a copy of the sample's), found by its row's text and its column key. */
export function setValue(rows: Rows, table: string, row: string | number, key: string, value: CellValue | ((v: CellValue) => CellValue)): void {
  const r = typeof row === "number" ? row : rowOf(rows, table, row);
  const c = keyIndex(table, key);
  rows[table][r][c] = typeof value === "function" ? value(rows[table][r][c]) : value;
}

/** Adds to an amount (万元 or 元, as the table prints it). */
export const plus = (n: number) => (v: CellValue) => Number(v ?? 0) + n;

/** A workbook built from rows, with where everything landed. */
export interface Built {
  layout: LayoutName;
  workbook: ExcelJS.Workbook;
  /** The cell of a row's column (row: index in the rows built from, or the text of one of its cells). */
  cell(table: string, row: string | number, key: string): TablePlace;
  title(table: string): Place;
  department(table: string): Place;
  unit(table: string): Place;
  note(table: string): Place;
  /** Where a header caption is printed first (its top-left cell). */
  header(table: string, caption: string): Place;
  /** Changes the text of a cell of the written workbook. */
  setText(place: Place, value: CellValue): void;
}

/** The parts of a code as 类/款/项 columns print them: 3 digits, then 2 per level, the last taking the rest. */
function codeParts(code: string, levels: number): (string | null)[] {
  const out: (string | null)[] = new Array(levels).fill(null);
  if (!/^\d+$/.test(code)) {
    out[0] = code;
    return out;
  }
  let at = 0;
  for (let i = 0; i < levels && at < code.length; i++) {
    const n = i === levels - 1 ? code.length - at : i === 0 ? 3 : 2;
    out[i] = code.slice(at, at + n);
    at += n;
  }
  return out;
}

export function buildWorkbook(layout: LayoutName, rows: Rows = sampleRows(), department = DEPARTMENT, year = YEAR): Built {
  const workbook = new ExcelJS.Workbook();
  const places = new Map<string, Place>();
  const rowsBuilt = rows;
  let sheet: ExcelJS.Worksheet | undefined;
  let r = 0;

  // exceljs counts rows and columns from 1, grid.ts from 0.
  const place = (row: number, col: number): Place => ({ sheet: sheet!.name, cell: a1(row - 1, col - 1) });
  const put = (row: number, col: number, value: CellValue) => {
    if (value === null || value === undefined) return;
    sheet!.getCell(row, col).value = value as ExcelJS.CellValue;
  };

  const printed = layout === "printed" || layout === "sparse";
  TABLES.forEach((spec, i) => {
    if (printed || i === 0) {
      sheet = workbook.addWorksheet(printed ? spec.sheet : "部门预算");
      r = 1;
    } else r += 1; // one blank row between tables
    const caption = (text: string | null) =>
      layout !== "exportedPackCaptions" || !spec.captions
        ? text
        : text === "科目编码"
          ? spec.captions[0]
          : text === "科目名称"
            ? spec.captions[1]
            : text;
    const header = printed ? spec.printed.rows : spec.exported.map((row) => row.map(caption));
    const width = header[0].length;

    put(r, 1, `${year}年${spec.title}`);
    places.set(`title ${spec.id}`, place(r, 1));
    if (printed) sheet!.mergeCells(r, 1, r, width);
    r++;
    put(r, 1, `编制部门：${department}`);
    places.set(`department ${spec.id}`, place(r, 1));
    put(r, width, spec.unit);
    places.set(`unit ${spec.id}`, place(r, width));
    r++;
    if (printed) r++; // a blank row above the header, as printed

    header.forEach((hr, k) =>
      hr.forEach((text, c) => {
        if (text === null) return;
        put(r + k, c + 1, text);
        const key = `header ${spec.id} ${normalizeName(text)}`;
        if (!places.has(key)) places.set(key, place(r + k, c + 1));
      }),
    );
    if (printed) for (const m of spec.printed.merges) sheet!.mergeCells(shiftRange(m, r - 1));
    r += header.length;

    let above = "";
    rows[spec.id].forEach((values, k) => {
      let c = 1;
      spec.keys.forEach((key, j) => {
        const value = values[j];
        if (key === "code" && spec.levels && printed) {
          const code = value === null ? "" : String(value);
          const parts = codeParts(code, spec.levels);
          const digits = /^\d+$/.test(code);
          // sparse: a level the code above shares is left blank, except the code's own lowest level.
          const lowest = parts.reduce<number>((n, p, x) => (p !== null ? x : n), 0);
          let end = 0;
          let last = c;
          parts.forEach((p, x) => {
            end += x === 0 ? 3 : 2;
            if (p === null) return;
            const shared = layout === "sparse" && digits && x < lowest && above.slice(0, end) === code.slice(0, end);
            if (shared) return;
            const typed = !digits ? p : layout === "sparse" || x === 0 ? Number(p) : p;
            put(r, c + x, typed);
            last = c + x;
          });
          if (digits) above = code;
          places.set(`cell ${spec.id} ${k} ${key}`, place(r, last));
          // The 合计 caption spans the code and name columns, as printed.
          if (!digits && code !== "") sheet!.mergeCells(r, c, r, c + spec.levels);
          c += spec.levels;
          return;
        }
        if (key === "code" && value !== null && /^\d+$/.test(String(value)))
          // exported: every other code typed as a number
          put(r, c, k % 2 === 0 ? Number(value) : String(value));
        else put(r, c, value);
        places.set(`cell ${spec.id} ${k} ${key}`, place(r, c));
        c++;
      });
      r++;
    });
    if (spec.note) {
      put(r, 1, spec.note);
      places.set(`note ${spec.id}`, place(r, 1));
      r++;
    }
  });

  const get = (key: string): Place => {
    const p = places.get(key);
    if (!p) throw new Error(`nothing written for ${key}`);
    return p;
  };
  return {
    layout,
    workbook,
    cell: (table, row, key) => ({ table, ...get(`cell ${table} ${typeof row === "number" ? row : rowOf(rowsBuilt, table, row)} ${key}`) }),
    title: (table) => get(`title ${table}`),
    department: (table) => get(`department ${table}`),
    unit: (table) => get(`unit ${table}`),
    note: (table) => get(`note ${table}`),
    header: (table, caption) => get(`header ${table} ${normalizeName(caption)}`),
    setText: (p, value) => {
      workbook.getWorksheet(p.sheet)!.getCell(p.cell).value = value as ExcelJS.CellValue;
    },
  };
}

export interface Checked {
  file: string;
  grids: SheetGrid[];
  pack: Pack | undefined;
  result: CheckResult;
}

let written = 0;

/** Writes the workbook to `dir`, reads it back as the CLI does, and checks it with the pack chosen for it. */
export async function writeAndCheck(workbook: ExcelJS.Workbook, dir: string, name = "workbook"): Promise<Checked> {
  const file = path.join(dir, `${name}-${++written}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return checkFile(file);
}

export async function checkFile(file: string): Promise<Checked> {
  const read = await readWorkbookFile(file);
  if ("error" in read) throw new Error(`${file}: ${read.error}`);
  const pack = choosePack(builtinPacks(), read.grids);
  if (!pack) throw new Error(`${file}: no pack chosen`);
  const result = checkWorkbook(pack, read.grids, { strict: false, catalogFor: builtinCatalog });
  return { file, grids: read.grids, pack, result };
}

/** A finding in one line: rule, severity, table, sheet!cell, message — what assertions compare and failures show. */
export const line = (f: Finding) => `${f.rule} ${f.severity} ${f.table} '${f.sheet}'!${f.cell} ${f.message}`;
export const errorsOf = (findings: Finding[]) => findings.filter((f) => f.severity === "error").map(line);

/** The findings of `rule` at `place` (table, and the place's sheet and cell). */
export const findingsAt = (findings: Finding[], rule: string, table: string, place: Place | null) =>
  findings.filter((f) => f.rule === rule && f.table === table && f.sheet === (place?.sheet ?? "") && f.cell === (place?.cell ?? ""));

/**
 * The rows of each table as read, in the sample's shape: a code as text (whether read from 类/款/项 columns or
 * typed as a number), amounts as numbers, other text as printed, blank as null.
 */
export function figuresRead(result: CheckResult): Rows {
  const out: Rows = {};
  for (const [id, table] of result.disclosure.tables)
    out[id] = table.rows.map((row) =>
      row.cells.map((cell, i) => {
        const v = cell?.value ?? null;
        if (v === null || v === "") return null;
        return table.decl.columns[i].kind === "code" ? String(v) : v;
      }),
    );
  return out;
}
