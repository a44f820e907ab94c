/**
 * A consistent disclosure built from a few numbers: every table agrees with every other, to the cent.
 * Property tests perturb it; the benchmark scales it up. Amounts are integers of cents until written out.
 */
import type { CellValue } from "../../src/domain/grid";
import type { TableRows } from "../../src/domain/render/render";
import { catalog, pack } from "./disclosure";

export interface Item {
  /** A functional 项 code. */
  code: string;
  basic: number;
  project: number;
  /** Which fund pays for it. */
  fund: "gpb" | "fund";
}

export interface Spec {
  department: string;
  items: Item[];
  /** Share of the 一般公共预算 基本支出 that is 公用经费, in percent (0–100). */
  publicShare: number;
  /** Number of projects each item's project amount is split into (≥ 1). */
  projectsPerItem: number;
}

/** 项 codes of the built-in catalogue whose 款 and 类 it names too. */
export const CATALOG_ITEMS = catalog
  .entries("functional")
  .filter((e) => e.level === "项" && catalog.get("functional", e.code.slice(0, 5)) && catalog.get("functional", e.code.slice(0, 3)))
  .map((e) => e.code);

const money = (cents: number): CellValue => (cents === 0 ? null : Math.round(cents) / 100);
const nameOf = (code: string) => catalog.get("functional", code)?.name ?? `科目${code}`;

function cols(table: string): string[] {
  return pack.tables.find((t) => t.id === table)!.columns.map((c) => c.key);
}

/** A row from a {key: value} map, in the table's column order. */
function row(table: string, cells: Record<string, CellValue>): CellValue[] {
  return cols(table).map((k) => cells[k] ?? null);
}

/** Σ by code at every level (类, 款, 项) of the chosen items. */
function rollUp(items: Item[], pick: (i: Item) => Record<string, number>): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const item of items)
    for (const code of [item.code.slice(0, 3), item.code.slice(0, 5), item.code]) {
      const acc = out.get(code) ?? {};
      for (const [k, v] of Object.entries(pick(item))) acc[k] = (acc[k] ?? 0) + v;
      out.set(code, acc);
    }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

function codeTable(table: string, items: Item[], pick: (i: Item) => Record<string, number>): CellValue[][] {
  const sums = rollUp(items, pick);
  const total: Record<string, number> = {};
  for (const [code, v] of sums) if (code.length === 3) for (const [k, n] of Object.entries(v)) total[k] = (total[k] ?? 0) + n;
  const m = (v: Record<string, number>) => Object.fromEntries(Object.entries(v).map(([k, n]) => [k, money(n)]));
  return [row(table, { code: "合计", ...m(total) }), ...[...sums].map(([code, v]) => row(table, { code, name: nameOf(code), ...m(v) }))];
}

const classLabels = () => pack.tables.find((t) => t.id === "T01")!.body.rows.slice(0, 30).map((r) => r.cells[2] as string);

export function synthesize(spec: Spec): TableRows {
  const items = spec.items.filter((i) => i.basic + i.project > 0);
  const gpb = items.filter((i) => i.fund === "gpb");
  const fund = items.filter((i) => i.fund === "fund");
  const sumOf = (list: Item[], f: (i: Item) => number) => list.reduce((s, i) => s + f(i), 0);
  const gpbTotal = sumOf(gpb, (i) => i.basic + i.project);
  const fundTotal = sumOf(fund, (i) => i.basic + i.project);
  const all = gpbTotal + fundTotal;

  const t02 = codeTable("T02", items, (i) => ({ total: i.basic + i.project, [i.fund]: i.basic + i.project }));
  const t03 = codeTable("T03", items, (i) => ({ total: i.basic + i.project, basic: i.basic, project: i.project }));
  const t05 = codeTable("T05", gpb, (i) => ({ total: i.basic + i.project, basic: i.basic, project: i.project }));
  const t08 = fund.length ? codeTable("T08", fund, (i) => ({ total: i.basic + i.project, basic: i.basic, project: i.project })) : [row("T08", { code: "合计" })];

  const byClass = rollUp(items, (i) => ({ total: i.basic + i.project, [i.fund]: i.basic + i.project }));
  const classes = catalog.classNames().map((c) => c.code);
  const income1 = ["一、一般公共预算", "二、政府性基金预算", "三、国有资本经营预算", "四、财政专户管理资金", "五、单位资金"];
  const t01 = classLabels().map((label, k) => {
    const v = byClass.get(classes[k]);
    const income: Record<string, CellValue> = k < 5 ? { incomeItem: income1[k], incomeAmount: k === 0 ? money(gpbTotal) : k === 1 ? money(fundTotal) : null } : {};
    return row("T01", { ...income, expenseItem: label, expenseTotal: money(v?.total ?? 0), expenseCurrent: money(v?.total ?? 0) });
  });
  t01.push(
    row("T01", { incomeItem: "本年收入合计", incomeAmount: money(all), expenseItem: "本年支出合计", expenseTotal: money(all), expenseCurrent: money(all) }),
    row("T01", { incomeItem: "上年结转", expenseItem: "年终结转" }),
    row("T01", { incomeItem: "收入总计", incomeAmount: money(all), expenseItem: "支出总计", expenseTotal: money(all), expenseCurrent: money(all) }),
  );
  const income4 = income1.slice(0, 3);
  const t04 = classLabels().map((label, k) => {
    const v = byClass.get(classes[k]);
    const income: Record<string, CellValue> = k < 3 ? { incomeItem: income4[k], incomeAmount: k === 0 ? money(gpbTotal) : k === 1 ? money(fundTotal) : null } : {};
    return row("T04", { ...income, expenseItem: label, expenseTotal: money(v?.total ?? 0), expenseGpb: money(v?.gpb ?? 0), expenseFund: money(v?.fund ?? 0) });
  });
  const totals4 = { expenseTotal: money(all), expenseGpb: money(gpbTotal), expenseFund: money(fundTotal) };
  t04.push(
    row("T04", { incomeItem: "本年收入合计", incomeAmount: money(all), expenseItem: "本年支出合计", ...totals4 }),
    row("T04", { incomeItem: "上年财政拨款结转", expenseItem: "年终结转" }),
    ...income4.map((x) => row("T04", { incomeItem: x })),
    row("T04", { incomeItem: "收入总计", incomeAmount: money(all), expenseItem: "支出总计", ...totals4 }),
  );

  // 基本支出 of the 一般公共预算 by economic item: personnel in wages and pensions, public in office costs and hospitality.
  const basic = sumOf(gpb, (i) => i.basic);
  const pub = Math.round((basic * spec.publicShare) / 100);
  const reception = Math.min(pub, Math.round(pub / 10));
  const office = pub - reception;
  const pension = Math.round((basic - pub) / 5);
  const wages = basic - pub - pension;
  const t06 = [
    row("T06", { deptEcon: "合计", total: money(basic), personnel: money(basic - pub), public: money(pub) }),
    row("T06", { deptEcon: "工资福利支出", total: money(wages), personnel: money(wages) }),
    row("T06", { deptEcon: "基本工资", govEcon: "工资奖金津补贴", total: money(wages), personnel: money(wages) }),
    row("T06", { deptEcon: "商品和服务支出", total: money(pub), public: money(pub) }),
    row("T06", { deptEcon: "办公费", govEcon: "办公经费", total: money(office), public: money(office) }),
    row("T06", { deptEcon: "公务接待费", govEcon: "公务接待费", total: money(reception), public: money(reception) }),
    row("T06", { deptEcon: "对个人和家庭的补助", total: money(pension), personnel: money(pension) }),
    row("T06", { deptEcon: "退休费", govEcon: "离退休费", total: money(pension), personnel: money(pension) }),
  ];
  const t07 = fundTotal
    ? [
        row("T07", { code: "合计", amount: money(fundTotal) }),
        row("T07", { code: "103", name: "非税收入", amount: money(fundTotal) }),
        row("T07", { code: "10301", name: "政府性基金收入", amount: money(fundTotal) }),
        row("T07", { code: "1030148", name: "国有土地使用权出让收入", amount: money(fundTotal) }),
      ]
    : [row("T07", { code: "合计" })];
  const t10 = [
    row("T10", { item: "因公出国（境）费" }),
    row("T10", { item: "公务接待费", total: money(reception), gpb: money(reception) }),
    row("T10", { item: "公务用车购置及运行费" }),
    row("T10", { item: "①公务用车购置费" }),
    row("T10", { item: "②公务用车运行维护费" }),
    row("T10", { item: "合计", total: money(reception), gpb: money(reception) }),
  ];
  const t11 = [
    row("T11", { unit: "部门合计", total: money(pub), gpb: money(pub) }),
    row("T11", { unit: spec.department, total: money(pub), gpb: money(pub) }),
  ];
  const projects: CellValue[][] = [];
  items.forEach((item, n) => {
    if (item.project === 0) return;
    const k = Math.max(1, spec.projectsPerItem);
    for (let j = 0; j < k; j++) {
      const cents = Math.floor(item.project / k) + (j < item.project % k ? 1 : 0);
      if (cents === 0) continue;
      projects.push(row("T12", { project: `项目${n + 1}-${j + 1}`, total: money(cents), [item.fund]: money(cents) }));
    }
  });
  const projectTotal = sumOf(items, (i) => i.project);
  const projectGpb = sumOf(gpb, (i) => i.project);
  const projectFund = sumOf(fund, (i) => i.project);
  const t12 = projects.length
    ? [
        row("T12", { project: spec.department, total: money(projectTotal), gpb: money(projectGpb), fund: money(projectFund) }),
        row("T12", { project: spec.department, total: money(projectTotal), gpb: money(projectGpb), fund: money(projectFund) }),
        ...projects,
      ]
    : [];
  return { T01: t01, T02: t02, T03: t03, T04: t04, T05: t05, T06: t06, T07: t07, T08: t08, T09: [], T10: t10, T11: t11, T12: t12, T13: [] };
}
