/**
 * X15–X16 of RULES.md: the 项目支出绩效目标表 (options.inputs.forms, amounts in 元) against the projects of T12.
 * Nothing is said when the workbook holds no form at all: the forms are then not entered yet, not missing one by one.
 */
import { normalizeName } from "../catalog/catalog";
import type { PerformanceForm } from "../inputs";
import { Decimal, formatAmount, parseAmount } from "../money";
import { cellOf, type ReadRow } from "../read/read";
import type { Place } from "./finding";
import { projectsOf, shown } from "./model";
import type { Check } from "./registry";

/** A project name as compared; a budget system's Z/J/X/XM prefix (大同) may be left out on one side only. */
const nameKey = (name: string) => normalizeName(name);
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
  for (const key of [nameKey, (n: string) => withoutPrefix(nameKey(n))]) {
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

const formsCheck: Check = {
  rules: ["X15", "X16"],
  run(ctx) {
    const forms = ctx.options.inputs?.forms ?? [];
    const t12 = ctx.table("T12");
    const groups = projectsOf(ctx.disclosure, "T12");
    if (forms.length === 0 || !t12 || !groups) return;
    const projects = groups.projects.map((row) => ({ row, name: shown(t12, row, "project") }));
    const { pairs, formsAlone, projectsAlone } = matchForms(forms, projects);
    const formPlace = (f: PerformanceForm, ref = f.ref): Place => ({ table: "T12", ...ref });

    for (const { form, row } of pairs) {
      const annual = form.funds.annual.total;
      // S07 reports an amount that is not a number; a form without 年度资金总额 has nothing to compare.
      if (annual === null || parseAmount(cellOf(t12, row, "total")?.value).kind === "invalid") continue;
      const inWan = annual.div(10000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      ctx.compare("X15", formPlace(form, form.annualTotalRef ?? form.ref), inWan, ctx.value(t12, row, "total"), 1, {
        params: { project: form.project, yuan: formatAmount(annual) },
        related: [ctx.place(t12, row, "total")],
      });
    }
    for (const row of projectsAlone)
      ctx.report("X16", ctx.place(t12, row, "project"), { params: { detail: `的项目“${shown(t12, row, "project")}”没有绩效目标表` } });
    for (const form of formsAlone)
      ctx.report("X16", formPlace(form), { params: { detail: `中没有绩效目标表“${form.project}”所填的项目` } });
  },
};

export const formChecks: Check[] = [formsCheck];
