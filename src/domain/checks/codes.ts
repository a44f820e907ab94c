/**
 * C — subject codes (RULES.md): functional codes of the code tables, T06's economic names and their
 * correspondence, the 30 类 of T01/T04, and T07's income codes, against the catalogue of the budget year.
 * Where the catalogue in use is partial, a code or name it lacks is a warning that asks for the official catalogue.
 */
import { classOf, levelOf, normalizeName, type Catalog, type CatalogKind } from "../catalog/catalog";
import { textOf, type ReadRow, type ReadTable } from "../read/read";
import type { CheckContext } from "./context";
import { econGroups, shown } from "./model";
import type { Check } from "./registry";
import { chineseNumber } from "../chinese-number";

interface CodeColumns {
  table: string;
  code: string;
  name: string;
  kind: CatalogKind;
  /** The rule for a code of the wrong length or kind, and for one absent from the catalogue. */
  malformed: "C01" | "C09";
  absent: "C02" | "C09";
  /** The digit every code of the kind begins with, where a 类 list cannot tell (the income 类 are not all known). */
  prefix?: { digit: string; detail: string };
}

const functional = (table: string, code: string, name: string): CodeColumns => ({
  table,
  code,
  name,
  kind: "functional",
  malformed: "C01",
  absent: "C02",
});

/** Functional codes in the code tables and on the expense side of T09; income codes in T07. */
const CODE_COLUMNS: CodeColumns[] = [
  ...["T02", "T03", "T05", "T08"].map((table) => functional(table, "code", "name")),
  functional("T09", "expenseCode", "expenseName"),
  {
    table: "T07",
    code: "code",
    name: "name",
    kind: "income",
    malformed: "C09",
    absent: "C09",
    prefix: { digit: "1", detail: "不是收入分类科目编码（收入科目以 1 开头）" },
  },
];

interface CodeRow {
  code: string;
  row: ReadRow;
}

/** Rows whose code cell holds a digit: codes, well-formed or not (合计 and label rows are not codes). */
function codeCells(t: ReadTable, key: string): CodeRow[] {
  return t.rows.flatMap((row) => {
    const code = textOf(t, row, key);
    return /\d/.test(code) ? [{ code, row }] : [];
  });
}

const missingDetail = (catalog: Catalog, kind: CatalogKind, code: string): { detail: string; authoritative: boolean } => {
  if (!catalog.isAuthoritative(kind, code))
    return { detail: `不在内置科目目录中（内置目录不全），请导入${catalog.year}年官方科目目录后再核对`, authoritative: false };
  const cls = classOf(code);
  return {
    detail: catalog.get(kind, cls) ? `不在${catalog.year}年科目目录中` : `所属的类 ${cls} 不在${catalog.year}年科目目录中`,
    authoritative: true,
  };
};

/**
 * C03–C05 over well-formed codes: the name beside each code, the 款/类 above it, the order.
 * Codes in code order are in string order too (a parent's code is a prefix of its children's), so one
 * comparison with the previous code finds a row out of place within its parent.
 */
function hierarchy(ctx: CheckContext, t: ReadTable, cols: CodeColumns, rows: CodeRow[]): void {
  const { kind } = cols;
  const catalog = ctx.options.catalog;
  const seen = new Set<string>();
  const reported = new Set<string>();
  let previous: string | undefined;
  for (const { code, row } of rows) {
    const entry = catalog.get(kind, code);
    const name = textOf(t, row, cols.name);
    if (entry && !catalog.nameMatches(kind, code, name))
      ctx.report("C03", ctx.place(t, row, cols.name), { params: { code }, expected: entry.name, actual: shown(t, row, cols.name) });
    const parent = code.length > 3 ? code.slice(0, -2) : undefined;
    if (parent && !seen.has(parent) && !reported.has(parent)) {
      reported.add(parent);
      ctx.report("C04", ctx.place(t, row, cols.code), { params: { code, detail: levelOf(parent)! }, expected: parent });
    }
    if (previous !== undefined && code < previous)
      ctx.report("C05", ctx.place(t, row, cols.code), { params: { code }, expected: previous });
    seen.add(code);
    previous = code;
  }
}

const subjectCodes: Check = {
  rules: ["C01", "C02", "C03", "C04", "C05", "C09"],
  run(ctx) {
    const catalog = ctx.options.catalog;
    for (const cols of CODE_COLUMNS) {
      const t = ctx.table(cols.table);
      if (!t) continue;
      const wellFormed: CodeRow[] = [];
      for (const c of codeCells(t, cols.code)) {
        const at = ctx.place(t, c.row, cols.code);
        if (!levelOf(c.code)) ctx.report(cols.malformed, at, { params: { detail: "不是 3、5 或 7 位数字" }, actual: c.code });
        else if (cols.prefix && !c.code.startsWith(cols.prefix.digit))
          ctx.report(cols.malformed, at, { params: { detail: cols.prefix.detail }, actual: c.code });
        else {
          wellFormed.push(c);
          if (catalog.get(cols.kind, c.code)) continue;
          const { detail, authoritative } = missingDetail(catalog, cols.kind, c.code);
          ctx.report(cols.absent, at, { params: { detail }, actual: c.code, severity: authoritative ? "error" : "warning" });
        }
      }
      hierarchy(ctx, t, cols, wellFormed);
    }
  },
};

/**
 * T06 names, not codes. A 部门经济科目 absent from the catalogue is an error where the catalogue lists every
 * item of its group (301/302/303 built in), else a warning. A pair is official when the correspondence
 * table or a published disclosure has it, or when it is the 事业单位 one under 505: an item of 工资福利支出 or
 * 商品和服务支出 to the 505 款 of the same name. A pair of a name the correspondence does not know is a warning.
 */
const economic: Check = {
  rules: ["C06", "C07"],
  run(ctx) {
    const t = ctx.table("T06");
    if (!t) return;
    const catalog = ctx.options.catalog;
    const byName = new Map(catalog.entries("econDept").flatMap((e) => [e.name, ...e.variants].map((n) => [normalizeName(n), e] as const)));
    const forInstitutions = new Set(
      catalog.entries("econGov").filter((e) => e.level === "款" && classOf(e.code) === "505").map((e) => normalizeName(e.name)),
    );
    const coverage = catalog.coverage("econDept");
    const { groups, loose } = econGroups(t, catalog);
    const items = [...loose.map((row) => ({ row, group: "" })), ...groups.flatMap((g) => g.items.map((row) => ({ row, group: g.name })))];
    for (const { row, group } of items) {
      const dept = textOf(t, row, "deptEcon");
      if (!dept) continue;
      const entry = byName.get(dept);
      if (!entry) {
        const cls = byName.get(group)?.code;
        const authoritative = coverage.complete || (cls !== undefined && coverage.completeUnder.includes(cls));
        const detail = authoritative
          ? `不在${catalog.year}年部门预算支出经济分类中`
          : `不在内置的部门预算支出经济分类中（内置目录不全），请导入${catalog.year}年官方科目目录后再核对`;
        ctx.report("C06", ctx.place(t, row, "deptEcon"), {
          params: { detail },
          actual: shown(t, row, "deptEcon"),
          severity: authoritative ? "error" : "warning",
        });
        continue;
      }
      const gov = textOf(t, row, "govEcon");
      if (!gov) continue;
      const known = catalog.govFor(dept);
      const className = normalizeName(catalog.get("econDept", classOf(entry.code))?.name ?? "");
      if (known.map(normalizeName).includes(gov) || (forInstitutions.has(gov) && gov === className)) continue;
      const detail = known.length
        ? `不是官方对应关系（应为：${known.join("、")}）`
        : "内置对应关系中没有这一科目，请对照官方部门与政府预算支出经济分类对应表核对";
      ctx.report("C07", ctx.place(t, row, "govEcon"), {
        params: { code: shown(t, row, "deptEcon"), detail },
        actual: shown(t, row, "govEcon"),
        ...(known.length ? { expected: known.join("、") } : { severity: "warning" as const }),
      });
    }
  },
};


/**
 * Positions of `expected` and `actual` paired: equal items along their longest common subsequence, the
 * items of each gap between them paired in order (a wording that differs), leftovers with -1 (a 类 missing,
 * or one too many), so that one missing row does not make every later row wrong.
 */
function align(expected: string[], actual: string[]): [number, number][] {
  const m = expected.length;
  const n = actual.length;
  const lcs = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i--)
    for (let j = n - 1; j >= 0; j--)
      lcs[i][j] = expected[i] === actual[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const pairs: [number, number][] = [];
  let gapE: number[] = [];
  let gapA: number[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(gapE.length, gapA.length); k++) pairs.push([gapE[k] ?? -1, gapA[k] ?? -1]);
    gapE = [];
    gapA = [];
  };
  let i = 0;
  let j = 0;
  while (i < m || j < n) {
    if (i < m && j < n && expected[i] === actual[j]) {
      flush();
      pairs.push([i++, j++]);
    } else if (j >= n || (i < m && lcs[i + 1][j] >= lcs[i][j + 1])) gapE.push(i++);
    else gapA.push(j++);
  }
  flush();
  return pairs;
}

/** The rows after the 类 rows: 本年支出合计, 年终结转, 支出总计. */
const AFTER_CLASSES = /合计|总计|结转/;

const classList: Check = {
  rules: ["C08"],
  run(ctx) {
    const official = ctx.options.catalog.classNames().map((e, i) => `${chineseNumber(i + 1)}、${e.name}`);
    for (const id of ["T01", "T04"]) {
      const t = ctx.table(id);
      const key = "expenseItem";
      if (!t || t.columns[t.decl.columns.findIndex((c) => c.key === key)] < 0) continue;
      const end = t.rows.findIndex((r) => AFTER_CLASSES.test(textOf(t, r, key)));
      const rows = t.rows.slice(0, end < 0 ? undefined : end).filter((r) => textOf(t, r, key) !== "");
      const labels = rows.map((r) => textOf(t, r, key));
      const wanted = official.map(normalizeName);
      const pairs = align(wanted, labels);
      // A 类 present elsewhere (rows swapped) is out of order where it stands, not missing where it should be.
      const extras = new Set(pairs.flatMap(([e, a]) => (e < 0 ? [labels[a]] : [])));
      pairs.forEach(([e, a], k) => {
        if (e >= 0 && a >= 0 && wanted[e] === labels[a]) return;
        if (a < 0 && extras.has(wanted[e])) return;
        // A missing 类 is reported where it should stand: at the next 类 row present, else after the last.
        const next = a >= 0 ? a : pairs.slice(k).find(([, b]) => b >= 0)?.[1];
        const row = next !== undefined ? rows[next] : t.rows[end] ?? rows[rows.length - 1];
        const at = row ? ctx.place(t, row, key) : { table: t.id, ...t.title.ref };
        const actual = a >= 0 ? shown(t, rows[a], key) : undefined;
        const place = e >= 0 ? e : wanted.indexOf(labels[a]);
        const detail =
          e >= 0 && a >= 0
            ? `第 ${e + 1} 个支出类应为“${official[e]}”，实际为“${actual}”`
            : a < 0
              ? `缺少第 ${e + 1} 个支出类“${official[e]}”`
              : place >= 0
                ? `“${actual}”未按官方顺序排列，应为第 ${place + 1} 个支出类`
                : `“${actual}”不是官方支出功能分类的类`;
        ctx.report("C08", at, { params: { detail }, expected: place >= 0 ? official[place] : undefined, actual });
      });
    }
  },
};

export const codeChecks: Check[] = [subjectCodes, economic, classList];
