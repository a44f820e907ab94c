/**
 * Every figure 第三部分 情况说明 states, read from the tables (and from the inputs: last year's figures, 政府采购),
 * section by section. The generator writes them; X17 compares the edited text with them; the N rules use the
 * items' names only (which figure a phrase speaks of), never their amounts.
 */
import type { Catalog } from "../catalog/catalog";
import type { Place } from "../finding";
import { byCode, classRows, econGroups, projectsOf, rowByLabel, rowsByLabel, totalRow } from "../read/model";
import type { DisclosureInputs } from "../inputs";
import { Decimal, parseAmount, sum } from "../money";
import { cellOf, textOf, type Disclosure, type ReadRow, type ReadTable } from "../read/read";
import type { SectionNumber } from "./wording";

export interface NarrativeSource {
  disclosure: Disclosure;
  catalog: Catalog;
  department: string;
  year: number;
  inputs: DisclosureInputs;
}

/** One figure the text states. */
export interface Item {
  /** The same key in two sections means the same figure (N04). */
  key: string;
  /** How the generated text names it. */
  name: string;
  /** What a text may call it, as compared (plainText); the alias standing last before a figure names it. */
  aliases: string[];
  unit: "万元" | "个";
  /** null when the table it comes from is absent: nothing to compare. */
  amount: Decimal | null;
  /** Its share of the section's list (percent, two decimals, the list summing to 100.00), where the text states shares. */
  share?: Decimal;
  /** Present where the text states its change from last year: last year's figure, null when not entered. */
  previous?: Decimal | null;
  /** The cells it is read from (related places of a finding). */
  source: Place[];
}

interface Figure {
  amount: Decimal | null;
  source: Place[];
}

/** The sum of `key` over `rows` (blank as zero); no amount when the table is absent. */
function figure(table: ReadTable | undefined, rows: (ReadRow | undefined)[], key: string): Figure {
  if (!table) return { amount: null, source: [] };
  const cells = rows.flatMap((r) => (r && cellOf(table, r, key)) || []);
  const amounts = cells.map((c) => {
    const p = parseAmount(c.value);
    return p.kind === "amount" ? p.value : null;
  });
  return { amount: sum(amounts), source: cells.map((c) => ({ table: table.id, ...c.ref })) };
}

const item = (key: string, name: string, aliases: string[], f: Figure, more: Partial<Item> = {}): Item => ({
  key,
  name,
  aliases: [name, ...aliases].map(plainText),
  unit: "万元",
  ...f,
  ...more,
});

/** Text as compared: full-width forms made half-width (NFKC), whitespace and quotation marks removed. */
export function plainText(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\s\u200b-\u200d\ufeff]/g, "")
    .replace(/["'“”‘’「」]/g, "");
}

/**
 * Percent shares of `parts`, two decimals, by the largest remainder: each share is rounded down to 0.01, and the
 * 0.01s still missing to 100.00 go to the largest remainders (the first on a tie). All zero when the parts are.
 */
export function shares(parts: Decimal[]): Decimal[] {
  const total = sum(parts);
  if (total.isZero()) return parts.map(() => new Decimal(0));
  const exact = parts.map((p) => p.div(total).times(10000));
  const floors = exact.map((e) => e.floor());
  let missing = new Decimal(10000).minus(sum(floors)).toNumber();
  const order = exact.map((e, i) => ({ i, rest: e.minus(floors[i]) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i] = floors[i].plus(1);
    missing--;
  }
  return floors.map((f) => f.div(100));
}

/** Gives each item its share of the list. */
function withShares(items: Item[]): Item[] {
  const s = shares(items.map((i) => i.amount ?? new Decimal(0)));
  return items.map((it, k) => ({ ...it, share: s[k] }));
}

/** An income source as the text may name it: 一般公共预算, 一般公共预算收入, 一般公共预算拨款收入 … */
const sourceAliases = (...bases: string[]) => bases.flatMap((b) => [b, `${b}收入`, `${b}拨款`, `${b}拨款收入`]);

/** T01/T02/T04 income sources: key, name in 第二/四部分, aliases, the T02 column. */
const FUNDS = [
  { key: "gpb", label: "一般公共预算", aliases: sourceAliases("一般公共预算"), t02: "gpb" },
  { key: "fund", label: "政府性基金预算", aliases: sourceAliases("政府性基金预算", "政府性基金"), t02: "fund" },
  { key: "soe", label: "国有资本经营预算", aliases: sourceAliases("国有资本经营预算", "国有资本经营"), t02: "soe" },
] as const;

/** Every 类 of the catalogue with its amount in `key` of `rows` (a 类 not printed is 0.00). */
function classItems(catalog: Catalog, table: ReadTable | undefined, rows: Map<string, ReadRow>, key: string, prefix: string): Item[] {
  return catalog.classNames().map((c) => item(`${prefix}:${c.code}`, c.name, [], figure(table, [rows.get(c.code)], key)));
}

export interface NarrativeFacts {
  year: number;
  department: string;
  /** By section number; 十一 and 十二 state no figures. */
  sections: Record<SectionNumber, Item[]>;
  /** 六: the T06 items that have 人员经费, and those that have 公用经费, in table order. */
  personnelNames: string[];
  publicNames: string[];
}

export function narrativeFacts({ disclosure, catalog, department, year, inputs }: NarrativeSource): NarrativeFacts {
  const t = (id: string) => disclosure.tables.get(id);
  const [t01, t02, t03, t04, t05, t06, t10, t11, t12] = ["T01", "T02", "T03", "T04", "T05", "T06", "T10", "T11", "T12"].map(t);
  const last = inputs.previous;
  const row = (table: ReadTable | undefined, key: string, label: string) => table && rowByLabel(table, key, label);

  const income = (label: string) => figure(t01, [row(t01, "incomeItem", label)], "incomeAmount");
  const spent = row(t01, "expenseItem", "本年支出合计");
  const budget = [
    item("income", "预算收入总计", ["收入总计"], income("收入总计"), { previous: last.incomeTotal }),
    item("incomeCurrent", "本年收入", [], income("本年收入合计")),
    item("carryover", "上年结转", [], income("上年结转")),
    item("expense", "本年部门预算支出总计", ["支出总计"], figure(t01, [row(t01, "expenseItem", "支出总计")], "expenseTotal"), {
      previous: last.expenseTotal,
    }),
    item("expenseCurrent", "本年预算安排", ["当年预算安排"], figure(t01, [spent], "expenseCurrent")),
    item("expenseCarried", "上年结转", [], figure(t01, [spent], "expenseCarried")),
  ];

  const t02Total = t02 && totalRow(t02);
  const t02Figure = (key: string) => figure(t02, [t02Total], key);
  const receipts = [
    item("income", "预算收入", ["收入总计"], t02Figure("total")),
    ...withShares([
      ...FUNDS.map((f) => item(f.key, `${f.label}拨款收入`, [...f.aliases], t02Figure(f.t02))),
      item("specialAccount", "财政专户管理资金收入", ["财政专户管理资金"], t02Figure("specialAccount")),
      item("unitFunds", "单位资金", [], t02Figure("unitFunds")),
      item("carryover", "上年结转", [], t02Figure("carryover")),
    ]),
  ];

  const t03Total = t03 && totalRow(t03);
  const spending = [
    item("expenseBudget", "支出预算", ["支出总计"], figure(t03, [t03Total], "total")),
    ...withShares([
      item("basic", "基本支出", [], figure(t03, [t03Total], "basic")),
      item("project", "项目支出", [], figure(t03, [t03Total], "project")),
    ]),
  ];

  const t04Income = (label: string) => figure(t04, [row(t04, "incomeItem", label)], "incomeAmount");
  const t04Classes = new Map(t04 ? classRows(t04, catalog, "expenseItem").map((c) => [c.code, c.row]) : []);
  const fiscal = [
    item("fiscalTotal", "财政拨款收支总预算", ["总预算"], t04Income("收入总计")),
    // A fund's 财政拨款 is this year's and last year's (the rows under 上年财政拨款结转) together.
    ...FUNDS.map((f) => {
      const rows = t04 ? rowsByLabel(t04, "incomeItem", f.label) : [];
      return item(`fiscal:${f.key}`, `${f.label}拨款`, [...f.aliases], figure(t04, rows, "incomeAmount"));
    }),
    item("fiscalCurrent", "当年拨款收入", ["当年拨款", "本年收入"], t04Income("本年收入合计")),
    item("fiscalCarryover", "上年结转收入", ["上年结转", "上年财政拨款结转"], t04Income("上年财政拨款结转")),
    ...classItems(catalog, t04, t04Classes, "expenseTotal", "fiscalClass"),
  ];

  // The first row of a code printed twice, as the cross checks take it.
  const t05Classes = new Map(t05 ? [...byCode(t05, "code")].filter(([code]) => code.length === 3) : []);
  const gpb = [
    item("gpb", "一般公共预算当年拨款", ["当年拨款"], figure(t05, [t05 && totalRow(t05)], "total"), { previous: last.gpbAppropriation }),
    ...withShares(classItems(catalog, t05, t05Classes, "total", "gpbClass")),
  ];

  const t06Total = t06 && totalRow(t06);
  const econItems = t06 ? econGroups(t06, catalog, "deptEcon", "govEcon").groups.flatMap((g) => g.items) : [];
  // An item paid to 机关 and to 事业单位 stands twice in T06 (under two 政府经济科目); the text names it once.
  const namesWith = (key: string) =>
    t06 ? [...new Set(econItems.filter((r) => !figure(t06, [r], key).amount!.isZero()).map((r) => textOf(t06, r, "deptEcon")))] : [];
  const basic = [
    item("gpbBasic", "一般公共预算基本支出", ["基本支出"], figure(t06, [t06Total], "total")),
    item("personnel", "人员经费", [], figure(t06, [t06Total], "personnel")),
    item("public", "公用经费", [], figure(t06, [t06Total], "public")),
  ];

  const t10Row = (label: string) => figure(t10, [row(t10, "item", label)], "total");
  const threePublic = [
    item("threePublic", "“三公”经费", ["三公"], figure(t10, [t10 && totalRow(t10)], "total"), { previous: last.threePublicTotal }),
    item("abroad", "因公出国（境）费", ["因公出国"], t10Row("因公出国（境）费"), { previous: last.abroad }),
    item("reception", "公务接待费", ["公务接待"], t10Row("公务接待费"), { previous: last.reception }),
    item("vehicleOperation", "公务用车运行维护费", ["公务用车运行费"], t10Row("公务用车运行维护费"), { previous: last.vehicleOperation }),
    item("vehiclePurchase", "公务用车购置费", [], t10Row("公务用车购置费"), { previous: last.vehiclePurchase }),
    item("vehicle", "公务用车购置及运行费", ["公务用车购置及运行维护费"], t10Row("公务用车购置及运行费"), { previous: last.vehicleTotal }),
  ];

  const operating = [
    item("operatingCost", "机关运行经费", [], figure(t11, [t11 && totalRow(t11)], "total"), { previous: last.operatingCost }),
  ];

  const p = inputs.procurement;
  const bought = (v: Decimal | null): Figure => ({ amount: v ?? new Decimal(0), source: [] });
  const procurement = [
    item("procurement", "政府采购预算总额", ["总额", "政府采购预算"], bought(sum([p.goods, p.works, p.services]))),
    item("goods", "政府采购货物预算", ["货物"], bought(p.goods)),
    item("works", "政府采购工程预算", ["工程"], bought(p.works)),
    item("services", "政府采购服务预算", ["服务"], bought(p.services)),
    // Not among the inputs: only N08 reads it (≤ 总额).
    item("smes", "预留中小企业", ["中小企业"], { amount: null, source: [] }),
  ];

  const projects = projectsOf(disclosure, "T12")?.projects ?? [];
  const projectGpb = figure(t12, projects, "gpb");
  const performance = [
    item("projectCount", "实行绩效目标管理的项目", ["项目"], { amount: t12 ? new Decimal(projects.length) : null, source: [] }, { unit: "个" }),
    item("projectGpb", "一般公共预算当年拨款", ["当年拨款"], projectGpb),
  ];

  return {
    year,
    department,
    sections: {
      一: budget,
      二: receipts,
      三: spending,
      四: fiscal,
      五: gpb,
      六: basic,
      七: threePublic,
      八: operating,
      九: procurement,
      十: performance,
      十一: [],
      十二: [],
    },
    personnelNames: namesWith("personnel"),
    publicNames: namesWith("public"),
  };
}
