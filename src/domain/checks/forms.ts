/**
 * X15–X16 of RULES.md: the 项目支出绩效目标表 (options.inputs.forms, amounts in 元) against the projects of the table
 * the check row names. Nothing is said when the workbook holds no form at all: the forms are then not entered yet,
 * not missing one by one.
 */
import { normalizeName } from "../catalog/catalog";
import type { PerformanceForm } from "../inputs";
import { Decimal, formatAmount, YUAN_PER } from "../money";
import { cellOf, type ReadRow } from "../read/read";
import type { Place } from "../finding";
import { projectsOf, shown } from "../read/model";
import type { CheckOf } from "../packs/checks";
import type { CheckContext } from "./context";
import type { Kinds } from "./kind";

/** A project name as compared; a budget system's Z/J/X/XM prefix (大同) may be left out on one side only. */
const withoutPrefix = (key: string) => key.replace(/^(?:XM|Z|J|X)(?=[^\x00-\x7f])/, "");

interface Match {
  pairs: { form: PerformanceForm; row: ReadRow }[];
  formsAlone: PerformanceForm[];
  projectsAlone: ReadRow[];
}

/** Forms to projects by name, in order where a name repeats (大同 has two J残疾人保障金); then without prefixes. */
export function matchForms(forms: PerformanceForm[], projects: { row: ReadRow; name: string }[]): Match {
  const pairs: Match["pairs"] = [];
  let formsLeft = forms;
  let projectsLeft = projects;
  for (const key of [normalizeName, (n: string) => withoutPrefix(normalizeName(n))]) {
    const waiting = new Map<string, { row: ReadRow; name: string }[]>();
    for (const p of projectsLeft) waiting.set(key(p.name), [...(waiting.get(key(p.name)) ?? []), p]);
    formsLeft = formsLeft.filter((form) => {
      const p = waiting.get(key(form.project))?.shift();
      if (p) pairs.push({ form, row: p.row });
      return !p;
    });
    const matched = new Set(pairs.map((p) => p.row));
    projectsLeft = projectsLeft.filter((p) => !matched.has(p.row));
  }
  return { pairs, formsAlone: formsLeft, projectsAlone: projectsLeft.map((p) => p.row) };
}

/** The forms matched with the projects of a table; nothing when the workbook has no forms or lacks the table. */
function matched(ctx: CheckContext, id: string) {
  const forms = ctx.options.inputs?.forms ?? [];
  const table = ctx.table(id);
  const groups = projectsOf(ctx.disclosure, id);
  if (forms.length === 0 || !table || !groups) return undefined;
  const column = table.decl.projects!.column;
  const projects = groups.projects.map((row) => ({ row, name: shown(table, row, column) }));
  return { table, column, ...matchForms(forms, projects) };
}

const formPlace = (table: string, f: PerformanceForm, ref = f.ref): Place => ({ table, ...ref });

const formAmounts = (ctx: CheckContext, check: CheckOf<"formAmounts">) => {
  const m = matched(ctx, check.table);
  if (!m) return;
  const yuan = YUAN_PER[ctx.unitOf(check.table)];
  for (const { form, row } of m.pairs) {
    const annual = form.funds.annual.total;
    // S07 reports an amount that is not a number; a form without 年度资金总额 has nothing to compare.
    if (annual === null || ctx.parse(cellOf(m.table, row, check.amount)).kind === "invalid") continue;
    const inUnit = annual.div(yuan).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    ctx.compare(formPlace(check.table, form, form.annualTotalRef ?? form.ref), inUnit, ctx.value(m.table, row, check.amount), 1, {
      params: { project: form.project, yuan: formatAmount(annual), unit: ctx.unitOf(check.table) },
      related: [ctx.place(m.table, row, check.amount)],
    });
  }
};

const formCoverage = (ctx: CheckContext, check: CheckOf<"formCoverage">) => {
  const m = matched(ctx, check.table);
  if (!m) return;
  for (const row of m.projectsAlone)
    ctx.report(ctx.place(m.table, row, m.column), { params: { detail: `的项目“${shown(m.table, row, m.column)}”没有绩效目标表` } });
  for (const form of m.formsAlone) ctx.report(formPlace(check.table, form), { params: { detail: `中没有绩效目标表“${form.project}”所填的项目` } });
};

export const formKinds: Kinds<"formAmounts" | "formCoverage"> = { formAmounts, formCoverage };
