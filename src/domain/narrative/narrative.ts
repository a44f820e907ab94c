/**
 * 第三部分 情况说明 generated from the tables and the inputs, in the seeds' standard wording. Reasons for a change
 * (主要原因是…) are the clerk's to write in the 情况说明 sheet: the text states the change and stops there (N03
 * reminds). Where last year's figure was not entered the text says nothing about change.
 */
import type { NarrativeSection } from "../inputs";
import { Decimal } from "../money";
import { narrativeFacts, type Item, type NarrativeFacts, type NarrativeSource } from "./facts";
import { changeClause, NOTHING, percent, SECTIONS, wan, type SectionNumber } from "./wording";

const amountOf = (it: Item): Decimal => it.amount ?? new Decimal(0);
const a = (it: Item): string => wan(amountOf(it));
const change = (it: Item, than?: string, same?: string): string => changeClause(amountOf(it), it.previous ?? null, than, same);
/** 基本支出1,090.30万元，占20.54% */
const withShare = (it: Item): string => `${it.name}${a(it)}，占${percent(it.share ?? new Decimal(0))}`;
const nonZero = (items: Item[]) => items.filter((it) => !amountOf(it).isZero());

function texts(facts: NarrativeFacts, source: NarrativeSource): Record<SectionNumber, string> {
  const { year: y, department: dept, sections } = facts;
  const pick = (n: SectionNumber, key: string): Item => sections[n].find((it) => it.key === key)!;
  const listed = (n: SectionNumber, prefix: string) => sections[n].filter((it) => it.key.startsWith(prefix));

  const income = pick("一", "income");
  const expense = pick("一", "expense");
  const carried = (key: string) => pick("一", key);

  const funds = ["fiscal:gpb", "fiscal:fund", "fiscal:soe"].map((k) => pick("四", k));
  const fiscalClasses = nonZero(listed("四", "fiscalClass:"));
  const gpb = pick("五", "gpb");
  const gpbClasses = nonZero(listed("五", "gpbClass:"));
  const structure = gpbClasses.length ? `，主要用于以下方面：${gpbClasses.map(withShare).join("；")}` : "";

  const mainly = (names: string[]) => (names.length ? `，主要包括：${names.join("、")}等` : "");

  const threePublic = pick("七", "threePublic");
  const threePublicItems = ["abroad", "reception", "vehicleOperation", "vehiclePurchase"].map((k) => pick("七", k));

  const operating = pick("八", "operatingCost");
  const lastOperating = operating.previous ?? null;

  const projects = pick("十", "projectCount");

  return {
    一:
      `${y}年度预算收入总计${a(income)}，其中：本年收入${a(carried("incomeCurrent"))}，上年结转${a(carried("carryover"))}${change(income)}；` +
      `本年部门预算支出总计${a(expense)}，其中：本年预算安排${a(carried("expenseCurrent"))}，上年结转${a(carried("expenseCarried"))}${change(expense)}。`,
    二: `${y}年度预算收入${a(pick("二", "income"))}，主要包括${sections.二.filter((it) => it.share !== undefined).map(withShare).join("；")}。`,
    三: `${y}年度支出预算${a(pick("三", "expenseBudget"))}，其中：${sections.三.filter((it) => it.share !== undefined).map(withShare).join("；")}。`,
    四:
      `${y}年度财政拨款收支总预算${a(pick("四", "fiscalTotal"))}。收入为${funds.map((f) => `${f.name}${a(f)}`).join("，")}。` +
      `其中：当年拨款收入${a(pick("四", "fiscalCurrent"))}，上年结转收入${a(pick("四", "fiscalCarryover"))}。` +
      (fiscalClasses.length ? `支出包括：${fiscalClasses.map((c) => `${c.name}${a(c)}`).join("、")}。` : ""),
    五: [
      "（一）一般公共预算当年拨款规模变化情况",
      `${y}年度一般公共预算当年拨款${a(gpb)}${change(gpb)}。`,
      "（二）一般公共预算当年拨款结构情况",
      `${y}年度一般公共预算当年拨款${a(gpb)}${structure}。`,
    ].join("\n"),
    六: [
      `${y}年度一般公共预算基本支出${a(pick("六", "gpbBasic"))}，其中：`,
      `人员经费${a(pick("六", "personnel"))}${mainly(facts.personnelNames)}；`,
      `公用经费${a(pick("六", "public"))}${mainly(facts.publicNames)}。`,
    ].join("\n"),
    七:
      `${y}年财政拨款安排的“三公”经费预算${a(threePublic)}${change(threePublic, `比${y - 1}年预算数`, `与${y - 1}年预算数相同`)}。` +
      `其中：${threePublicItems.map((it) => `${it.name}${a(it)}${change(it, "比上年预算数", "与上年预算数相同")}`).join("；")}。`,
    八:
      `${dept}${y}年机关运行经费预算数为${a(operating)}` +
      (lastOperating !== null ? `，${y - 1}年预算数为${wan(lastOperating)}${change(operating, `${y}年较${y - 1}年`)}` : "") +
      "。",
    九:
      `${y}年${dept}部门各单位政府采购预算总额${a(pick("九", "procurement"))}。` +
      `其中：${["goods", "works", "services"].map((k) => pick("九", k)).map((it) => `${it.name}${a(it)}`).join("、")}。`,
    十: [
      "1、绩效管理情况",
      `${y}年${dept}部门实行绩效目标管理的项目${amountOf(projects).toFixed(0)}个，涉及一般公共预算当年拨款${a(pick("十", "projectGpb"))}。`,
      ...(source.inputs.forms.length ? ["2、绩效目标情况（附表说明）", "各项目绩效目标见所附项目支出绩效目标表。"] : []),
    ].join("\n"),
    十一: source.inputs.assets.trim() || NOTHING,
    十二: source.inputs.other.trim() || NOTHING,
  };
}

/** The 12 sections 一 … 十二, titled as the seeds title them (without the number, which stands in `number`). */
export function generateNarrative(source: NarrativeSource): NarrativeSection[] {
  const t = texts(narrativeFacts(source), source);
  return SECTIONS.map((s) => ({ number: s.number, title: s.title, text: t[s.number] }));
}
