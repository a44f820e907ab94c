/**
 * What changed from one pack to another, for the template owner who issues the next version: the pack's own fields,
 * its tables (added, removed; their titles, sheets, units, columns and fixed rows), its checks (added, removed,
 * re-graded), its 情况说明 sections, glossary and document parts — each change once, in Chinese.
 */
import { columnCaption } from "./layout";
import type { Pack, TableDecl } from "./schema";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const SEVERITY_WORDS: Record<string, string> = { error: "错误", warning: "警告", info: "提示" };

/** A table as the owner knows it: 表3“预算支出总表”. */
const tableName = (t: TableDecl) => `${t.id}“${t.title.replace(/^\{year\}年度?/, "")}”`;

/** A fixed row by what it prints: its first caption. */
const rowLabel = (row: { cells: unknown[] }) => String(row.cells.find((c) => typeof c === "string" && c.trim() !== "") ?? "（空行）");

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** Added, removed and common entries of two keyed lists, in the order of the new one (removed ones in the old order). */
function compare<T>(before: readonly T[], after: readonly T[], key: (item: T) => string) {
  const [a, b] = [byKey(before, key), byKey(after, key)];
  return {
    added: after.filter((x) => !a.has(key(x))),
    removed: before.filter((x) => !b.has(key(x))),
    common: after.filter((x) => a.has(key(x))).map((x) => [a.get(key(x))!, x] as const),
  };
}

/** Fixed rows whose caption changed, row by row, as [before, after]. */
function renamedRows(a: TableDecl, b: TableDecl): [string, string][] {
  if (a.body.kind !== "fixed" || b.body.kind !== "fixed") return [];
  const after = b.body.rows;
  return a.body.rows.flatMap((x, i) => (after[i] && rowLabel(x) !== rowLabel(after[i]) ? [[rowLabel(x), rowLabel(after[i])] as [string, string]] : []));
}

/** `value` with each renamed caption, where it stands as a whole string, replaced by its new one. */
function renamed<T>(value: T, renames: [string, string][]): T {
  let text = JSON.stringify(value);
  for (const [before, after] of renames) text = text.split(JSON.stringify(before)).join(JSON.stringify(after));
  return JSON.parse(text);
}

function tableChanges(a: TableDecl, b: TableDecl): string[] {
  const name = `表 ${tableName(b)}`;
  const out: string[] = [];
  if (a.title !== b.title) out.push(`${name}：标题“${a.title}”改为“${b.title}”`);
  if (a.sheetName !== b.sheetName) out.push(`${name}：工作表名称“${a.sheetName}”改为“${b.sheetName}”`);
  if (a.unit !== b.unit) out.push(`${name}：金额单位 ${a.unit ?? "（同模板包）"} 改为 ${b.unit ?? "（同模板包）"}`);
  const caption = (t: TableDecl, key: string) => columnCaption(t, t.columns.findIndex((c) => c.key === key));
  const columns = compare(a.columns, b.columns, (c) => c.key);
  for (const c of columns.added) out.push(`${name}：增加列“${caption(b, c.key)}”（${c.key}）`);
  for (const c of columns.removed) out.push(`${name}：删除列“${caption(a, c.key)}”（${c.key}）`);
  for (const [x, y] of columns.common) {
    const [before, after] = [caption(a, x.key), caption(b, y.key)];
    if (before !== after) out.push(`${name}：列 ${y.key} 的表头“${before}”改为“${after}”`);
    if (x.kind !== y.kind) out.push(`${name}：列“${after}”的类别 ${x.kind} 改为 ${y.kind}`);
  }
  if (a.body.kind !== b.body.kind) out.push(`${name}：表体由${a.body.kind === "fixed" ? "固定行" : "逐行列出"}改为${b.body.kind === "fixed" ? "固定行" : "逐行列出"}`);
  else if (a.body.kind === "fixed" && b.body.kind === "fixed") {
    const [before, after] = [a.body.rows, b.body.rows];
    // Row by row where both have one: a changed caption is a renamed row; the rest are added or removed.
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const [x, y] = [before[i], after[i]];
      if (x && y && !same(x, y))
        out.push(rowLabel(x) === rowLabel(y) ? `${name}：固定行“${rowLabel(y)}”有改动` : `${name}：第 ${i + 1} 个固定行“${rowLabel(x)}”改为“${rowLabel(y)}”`);
      else if (y && !x) out.push(`${name}：增加固定行“${rowLabel(y)}”`);
      else if (x && !y) out.push(`${name}：删除固定行“${rowLabel(x)}”`);
    }
  }
  return out;
}

/** A check row without its severity: the same check re-graded is one change, not a removal and an addition. */
const checkKey = ({ severity: _severity, ...rest }: Pack["checks"][number]) => JSON.stringify(rest);
const checkName = (c: Pack["checks"][number]) => `${c.rule}（${c.kind}${"table" in c && c.table ? `，${c.table}` : ""}）`;

export function packDiff(a: Pack, b: Pack): string[] {
  const out: string[] = [];
  const fields: [string, unknown, unknown][] = [
    ["编号", a.id, b.id],
    ["版本", a.version, b.version],
    ["名称", a.name, b.name],
    ["年度", a.year, b.year],
    ["发布单位", a.publisher, b.publisher],
    ["金额单位", a.unit, b.unit],
  ];
  for (const [label, x, y] of fields) if (x !== y) out.push(`${label}：${x} → ${y}`);

  const tables = compare(a.tables, b.tables, (t) => t.id);
  for (const t of tables.added) out.push(`增加表 ${tableName(t)}`);
  for (const t of tables.removed) out.push(`删除表 ${tableName(t)}`);
  for (const [x, y] of tables.common) out.push(...tableChanges(x, y));
  // A renamed row is one change: the checks, texts and document that name it by its caption are compared renamed.
  const renames = tables.common.flatMap(([x, y]) => renamedRows(x, y));
  const old = renamed({ checks: a.checks, narrative: a.narrative, document: a.document, inputs: a.inputs }, renames);

  const checks = compare(old.checks, b.checks, checkKey);
  for (const c of checks.added) out.push(`增加校验 ${checkName(c)}`);
  for (const c of checks.removed) out.push(`删除校验 ${checkName(c)}`);
  for (const [x, y] of checks.common)
    if ((x.severity ?? "") !== (y.severity ?? ""))
      out.push(`校验 ${checkName(y)}的级别由${SEVERITY_WORDS[x.severity ?? ""] ?? "规则默认"}改为${SEVERITY_WORDS[y.severity ?? ""] ?? "规则默认"}`);

  const sections = compare(old.narrative?.sections ?? [], b.narrative?.sections ?? [], (s) => s.id);
  for (const s of sections.added) out.push(`情况说明增加一节“${s.title}”`);
  for (const s of sections.removed) out.push(`情况说明删除一节“${s.title}”`);
  for (const [x, y] of sections.common) if (!same(x, y)) out.push(`情况说明“${y.title}”一节有改动`);

  const glossary = compare(a.glossary, b.glossary, (g) => g.term);
  for (const g of glossary.added) out.push(`名词解释增加“${g.term}”`);
  for (const g of glossary.removed) out.push(`名词解释删除“${g.term}”`);
  for (const [x, y] of glossary.common) if (!same(x, y)) out.push(`名词解释“${y.term}”的解释有改动`);

  if (a.catalog?.year !== b.catalog?.year) out.push(`科目目录年度：${a.catalog?.year ?? "未指定"} → ${b.catalog?.year ?? "未指定"}`);
  const notices = compare(a.catalog?.amendments ?? [], b.catalog?.amendments ?? [], (n) => `${n.notice}\u0000${n.date}`);
  for (const n of notices.added) out.push(`增加科目目录修订 ${n.notice}（${n.date}）`);
  for (const n of notices.removed) out.push(`删除科目目录修订 ${n.notice}（${n.date}）`);
  for (const [x, y] of notices.common) if (!same(x, y)) out.push(`科目目录修订 ${y.notice}（${y.date}）有改动`);
  if (!same(old.document, b.document)) out.push("公开文档的封面、各部分或图表有改动");
  if (!same(old.inputs, b.inputs)) out.push("说明数据等填报工作表有改动");
  return out;
}
