/**
 * C — subject codes (RULES.md): codes of a table's code column against the catalogue of the budget year (their
 * form, presence, names, parents and order), economic names and their correspondence, and the 类 rows of a summary
 * table. Where the catalogue in use is partial, a code or name it lacks is a warning that asks for the official one.
 */
import { classOf, kindInfo, levelOf, normalizeName, type Catalog, type CatalogKind } from "../catalog/catalog";
import { stripNumbering } from "../packs/layout";
import type { CheckOf } from "../packs/checks";
import { textOf, type ReadRow, type ReadTable } from "../read/read";
import type { CheckContext } from "./context";
import { econGroups, perTable, shown } from "../read/model";
import type { Kinds } from "./kind";
import type { Place } from "../finding";
import { chineseNumber } from "../chinese-number";

type CodeKind = CheckOf<"codeFormat">["catalog"];

/** The lengths of a well-formed code of each kind, and the short name messages give it (the rest is the catalogue's). */
const FORMS: Record<CodeKind, { lengths: number[]; short: string }> = {
  functional: { lengths: [3, 5, 7], short: "支出功能科目" },
  econDept: { lengths: [3, 5], short: "经济科目" },
  income: { lengths: [3, 5, 7], short: "收入科目" },
};

interface CodeRow {
  code: string;
  row: ReadRow;
}

const codeCellsRead = new WeakMap<ReadTable, Map<string, readonly CodeRow[]>>();
const wellFormedRead = new WeakMap<ReadTable, Map<string, readonly CodeRow[]>>();

/** Rows whose code cell holds a digit: codes, well-formed or not (合计 and label rows are not codes). */
function codeCells(t: ReadTable, key: string): readonly CodeRow[] {
  return perTable(codeCellsRead, t, key, () => {
    const rows: CodeRow[] = [];
    for (const row of t.rows) {
      const code = textOf(t, row, key);
      if (/\d/.test(code)) rows.push({ code, row });
    }
    return rows;
  });
}

/** Why a code is not a well-formed code of its kind, or undefined when it is. */
function malformed(code: string, kind: CodeKind): string | undefined {
  const form = FORMS[kind];
  const { label, firstDigit } = kindInfo(kind);
  if (!/^\d+$/.test(code) || !form.lengths.includes(code.length)) return `不是 ${form.lengths.join("、").replace(/、(\d+)$/, " 或 $1")} 位数字`;
  if (!code.startsWith(firstDigit)) return `不是${label}编码（${form.short}以 ${firstDigit} 开头）`;
  return undefined;
}

/** The well-formed codes of a table's code column: what the catalogue, name, parent and order checks read (each once per table). */
const wellFormed = (t: ReadTable, key: string, kind: CodeKind): readonly CodeRow[] =>
  perTable(wellFormedRead, t, `${key}\u0000${kind}`, () => codeCells(t, key).filter((c) => !malformed(c.code, kind)));

/** Why a code the catalogue is complete for is not in it. */
const missingDetail = (catalog: Catalog, kind: CatalogKind, code: string): string => {
  const cls = classOf(code);
  return catalog.get(kind, cls) ? `不在${catalog.year}年科目目录中` : `所属的类 ${cls} 不在${catalog.year}年科目目录中`;
};

const codeFormat = (ctx: CheckContext, check: CheckOf<"codeFormat">) => {
  const t = ctx.table(check.table);
  if (!t) return;
  for (const c of codeCells(t, check.code)) {
    const detail = malformed(c.code, check.catalog);
    if (detail) ctx.report(ctx.place(t, c.row, check.code), { params: { detail }, actual: c.code });
  }
};

/** Whether a well-formed code is one the partial catalogue cannot judge: absent, and not where the catalogue is complete. */
const beyondCoverage = (catalog: Catalog, kind: CatalogKind, code: string) =>
  !catalog.get(kind, code) && catalog.changeOf(kind, code)?.change !== "withdrawn" && !catalog.isAuthoritative(kind, code);

const coverageSaid = new WeakMap<CheckContext, Set<string>>();

/**
 * Codes beyond a partial catalogue's coverage are not judged: one info per rule for the whole workbook counts them
 * (at the first, the others related), said by the rule's first codeInCatalog row, over all its rows' tables.
 */
function sayBeyondCoverage(ctx: CheckContext, rule: string): void {
  const said = coverageSaid.get(ctx) ?? coverageSaid.set(ctx, new Set()).get(ctx)!;
  if (said.has(rule)) return;
  said.add(rule);
  const catalog = ctx.options.catalog;
  const places: Place[] = [];
  const codes = new Set<string>();
  for (const check of ctx.pack.checks) {
    if (check.kind !== "codeInCatalog" || check.rule !== rule) continue;
    const t = ctx.table(check.table);
    if (!t) continue;
    for (const c of wellFormed(t, check.code, check.catalog))
      if (beyondCoverage(catalog, check.catalog, c.code)) {
        codes.add(c.code);
        places.push(ctx.place(t, c.row, check.code));
      }
  }
  if (!places.length) return;
  const listed = [...codes].sort();
  ctx.report(places[0], {
    params: {
      table: "",
      detail: `${listed.length > 5 ? ` 等 ${listed.length} 个` : ""}不在内置目录覆盖范围内，未核对（内置目录不全）；导入${catalog.year}年官方科目目录后可核对`,
    },
    actual: listed.slice(0, 5).join("、"),
    severity: "info",
    related: places.slice(1),
  });
}

const codeInCatalog = (ctx: CheckContext, check: CheckOf<"codeInCatalog">) => {
  const t = ctx.table(check.table);
  if (!t) return;
  const catalog = ctx.options.catalog;
  sayBeyondCoverage(ctx, check.rule);
  for (const c of wellFormed(t, check.code, check.catalog)) {
    if (catalog.get(check.catalog, c.code) || beyondCoverage(catalog, check.catalog, c.code)) continue;
    const change = catalog.changeOf(check.catalog, c.code);
    if (change?.change === "withdrawn") {
      const detail = `“${change.formerName}”已由${change.notice}撤销（${change.date} 起）`;
      ctx.report(ctx.place(t, c.row, check.code), { params: { detail }, actual: c.code, severity: "error" });
      continue;
    }
    ctx.report(ctx.place(t, c.row, check.code), { params: { detail: missingDetail(catalog, check.catalog, c.code) }, actual: c.code, severity: "error" });
  }
};

const nameMatchesCatalog = (ctx: CheckContext, check: CheckOf<"nameMatchesCatalog">) => {
  const t = ctx.table(check.table);
  if (!t) return;
  const catalog = ctx.options.catalog;
  for (const { code, row } of wellFormed(t, check.code, check.catalog)) {
    const entry = catalog.get(check.catalog, code);
    const printed = textOf(t, row, check.name);
    if (!entry || catalog.nameMatches(check.catalog, code, printed)) continue;
    // The name an amendment replaced: say which notice, from when.
    const change = catalog.changeOf(check.catalog, code);
    const renamed = change?.change === "renamed" && normalizeName(change.formerName ?? "") === normalizeName(printed);
    const detail = renamed ? `（${change!.notice}自 ${change!.date} 起改为此名）` : "";
    ctx.report(ctx.place(t, row, check.name), { params: { code, detail }, expected: entry.name, actual: shown(t, row, check.name) });
  }
};

/** A 项 needs its 款 above it, a 款 its 类; each missing parent is reported once, at its first child. */
const codeParents = (ctx: CheckContext, check: CheckOf<"codeParents">) => {
  const t = ctx.table(check.table);
  if (!t) return;
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const { code, row } of wellFormed(t, check.code, check.catalog)) {
    const parent = code.length > 3 ? code.slice(0, -2) : undefined;
    if (parent && !seen.has(parent) && !reported.has(parent)) {
      reported.add(parent);
      ctx.report(ctx.place(t, row, check.code), { params: { code, detail: levelOf(parent)! }, expected: parent });
    }
    seen.add(code);
  }
};

/**
 * Codes in code order are in string order too (a parent's code is a prefix of its children's), so one comparison
 * with the previous code finds a row out of place within its parent.
 */
const codeOrder = (ctx: CheckContext, check: CheckOf<"codeOrder">) => {
  const t = ctx.table(check.table);
  if (!t) return;
  let previous: string | undefined;
  for (const { code, row } of wellFormed(t, check.code, check.catalog)) {
    if (previous !== undefined && code < previous) ctx.report(ctx.place(t, row, check.code), { params: { code }, expected: previous });
    previous = code;
  }
};

/**
 * Economic tables that print names, not codes (部门经济科目 beside its 政府经济科目). A 部门经济科目 absent from the
 * catalogue is an error where the catalogue lists every item of its group (301/302/303 built in), else a warning.
 * A pair is official when the correspondence table or a published disclosure has it, or when it is the 事业单位 one
 * under 505: an item of 工资福利支出 or 商品和服务支出 to the 505 款 of the same name. A pair of a name the
 * correspondence does not know is a warning.
 *
 * econItems: each item of an economic table, with its group's 类 code, and its catalogue entry (by name, variants included).
 */
function econItems(ctx: CheckContext, t: ReadTable, dept: string, gov: string) {
  const catalog = ctx.options.catalog;
  const byName = new Map(catalog.entries("econDept").flatMap((e) => [e.name, ...e.variants].map((n) => [normalizeName(n), e] as const)));
  const forInstitutions = new Set(
    catalog
      .entries("econGov")
      .filter((e) => e.level === "款" && classOf(e.code) === "505")
      .map((e) => normalizeName(e.name)),
  );
  const { groups, loose } = econGroups(t, catalog, dept, gov);
  const items: { row: ReadRow; groupCode?: string }[] = [
    ...loose.map((row) => ({ row })),
    ...groups.flatMap((g) => g.items.map((row) => ({ row, groupCode: g.code }))),
  ];
  return {
    forInstitutions,
    items: items.flatMap(({ row, groupCode }) => {
      const name = textOf(t, row, dept);
      return name ? [{ row, groupCode, name, entry: byName.get(name) }] : [];
    }),
  };
}

const econNames = (ctx: CheckContext, check: CheckOf<"econNames">) => {
  const t = ctx.table(check.table);
  if (!t) return;
  const catalog = ctx.options.catalog;
  const coverage = catalog.coverage("econDept");
  const { items } = econItems(ctx, t, check.dept, check.gov);
  for (const { row, groupCode: cls, entry } of items) {
    if (!entry) {
      const authoritative = coverage.complete || (cls !== undefined && coverage.completeUnder.includes(cls));
      const detail = authoritative
        ? `不在${catalog.year}年部门预算支出经济分类中`
        : `不在内置的部门预算支出经济分类中（内置目录不全），请导入${catalog.year}年官方科目目录后再核对`;
      ctx.report(ctx.place(t, row, check.dept), {
        params: { detail },
        actual: shown(t, row, check.dept),
        severity: authoritative ? "error" : "warning",
      });
    }
  }
};

const econPairs = (ctx: CheckContext, check: CheckOf<"econPairs">) => {
  const t = ctx.table(check.table);
  if (!t) return;
  const catalog = ctx.options.catalog;
  const { forInstitutions, items } = econItems(ctx, t, check.dept, check.gov);
  for (const { row, name, entry } of items) {
    if (!entry) continue;
    const gov = textOf(t, row, check.gov);
    if (!gov) continue;
    const known = catalog.govFor(name);
    const className = normalizeName(catalog.get("econDept", classOf(entry.code))?.name ?? "");
    if (known.map(normalizeName).includes(gov) || (forInstitutions.has(gov) && gov === className)) continue;
    const detail = known.length
      ? `不是官方对应关系（应为：${known.join("、")}）`
      : "内置对应关系中没有这一科目，请对照官方部门与政府预算支出经济分类对应表核对";
    ctx.report(ctx.place(t, row, check.gov), {
      params: { code: shown(t, row, check.dept), detail },
      actual: shown(t, row, check.gov),
      ...(known.length ? { expected: known.join("、") } : { severity: "warning" as const }),
    });
  }
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
    for (let j = n - 1; j >= 0; j--) lcs[i][j] = expected[i] === actual[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
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

/**
 * C08: the 类 rows of a summary table, up to its 合计/总计/结转 rows. `complete`: all the official 类, in official order
 * (Shanxi prints every 类); otherwise official 类 in official order, numbered 一、二、… as printed (Shanghai prints
 * only the 类 it spends on).
 */
const classList = (ctx: CheckContext, check: CheckOf<"classList">) => {
  const t = ctx.table(check.table);
  const key = check.label;
  if (!t || t.columns[t.decl.columns.findIndex((c) => c.key === key)] < 0) return;
  const names = ctx.options.catalog.classNames().map((e) => e.name);
  const end = t.rows.findIndex((r) => AFTER_CLASSES.test(textOf(t, r, key)));
  const rows = t.rows.slice(0, end < 0 ? undefined : end).filter((r) => textOf(t, r, key) !== "");
  const report = (row: ReadRow | undefined, detail: string, expected?: string, actual?: string) =>
    ctx.report(row ? ctx.place(t, row, key) : { table: t.id, ...t.title.ref }, { params: { detail }, expected, actual });
  if (!check.complete) {
    const wanted = names.map(normalizeName);
    let last = -1;
    rows.forEach((row, i) => {
      const actual = shown(t, row, key);
      const at = wanted.indexOf(stripNumbering(actual));
      const numbered = `${chineseNumber(i + 1)}、${at >= 0 ? names[at] : stripNumbering(actual)}`;
      if (at < 0) report(row, `“${actual}”不是官方支出功能分类的类`, undefined, actual);
      else if (at < last) report(row, `“${actual}”未按官方顺序排列，应排在“${names[last]}”之前`, names[at], actual);
      else if (normalizeName(actual) !== normalizeName(numbered))
        report(row, `第 ${i + 1} 个支出类应写作“${numbered}”，实际为“${actual}”`, numbered, actual);
      last = Math.max(last, at);
    });
    return;
  }
  const official = names.map((name, i) => `${chineseNumber(i + 1)}、${name}`);
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
    const row = next !== undefined ? rows[next] : (t.rows[end] ?? rows[rows.length - 1]);
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
    report(row, detail, place >= 0 ? official[place] : undefined, actual);
  });
};

/**
 * C10: one code, one name in every table of the workbook, where the catalogue does not know the code (C03 compares
 * the others with it). The tables are those the pack's nameMatchesCatalog rows of the same catalogue name. A name
 * printed in fewer tables than another is the odd one out; with no name in most tables, nothing is said.
 */
const codeNamesAgree = (ctx: CheckContext, check: CheckOf<"codeNamesAgree">) => {
  const catalog = ctx.options.catalog;
  const byCode = new Map<string, { name: string; at: Place; shown: string }[]>();
  for (const row of ctx.pack.checks) {
    if (row.kind !== "nameMatchesCatalog" || row.catalog !== check.catalog) continue;
    const t = ctx.table(row.table);
    if (!t) continue;
    for (const { code, row: r } of wellFormed(t, row.code, row.catalog)) {
      const printed = textOf(t, r, row.name);
      if (!printed || catalog.get(row.catalog, code)) continue;
      const list = byCode.get(code) ?? byCode.set(code, []).get(code)!;
      list.push({ name: normalizeName(printed), at: ctx.place(t, r, row.name), shown: shown(t, r, row.name) });
    }
  }
  for (const [code, printed] of byCode) {
    const counts = new Map<string, number>();
    for (const p of printed) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
    if (counts.size < 2) continue;
    const [most, next] = [...counts.values()].sort((a, b) => b - a);
    if (most === next) continue;
    const common = [...counts].find(([, n]) => n === most)![0];
    const commonShown = printed.find((p) => p.name === common)!;
    const agreeing = printed.filter((p) => p.name === common);
    for (const p of printed)
      if (p.name !== common)
        ctx.report(p.at, {
          params: { code, detail: `其他 ${agreeing.length} 张表为“${commonShown.shown}”` },
          actual: p.shown,
          expected: commonShown.shown,
          related: agreeing.map((a) => a.at),
        });
  }
};

export const codeKinds: Kinds<
  "codeFormat" | "codeInCatalog" | "nameMatchesCatalog" | "codeNamesAgree" | "codeParents" | "codeOrder" | "econNames" | "econPairs" | "classList"
> = { codeFormat, codeInCatalog, nameMatchesCatalog, codeNamesAgree, codeParents, codeOrder, econNames, econPairs, classList };
