/**
 * The rule set of RULES.md in one table: ID, default severity, title and zh-CN message. Where a rule applies —
 * which tables, columns and rows — is each template pack's data (its check rows); the check kinds implement them.
 * Placeholders in braces are filled per finding; {expected}, {actual} are the figures and {difference} says by how much
 * the first is more or less (多 1.00 / 少 1.00).
 */
import type { Severity } from "./finding";

export interface Rule {
  id: string;
  severity: Severity;
  title: string;
  message: string;
}

export const RULES: Rule[] = [
  // S — structure and completeness
  { id: "S01", severity: "error", title: "公开表齐全", message: "缺少{table}：{detail}" },
  { id: "S02", severity: "warning", title: "空表注明", message: "{table}{detail}" },
  { id: "S03", severity: "error", title: "表头与表样一致", message: "{table}表头列“{column}”{detail}" },
  { id: "S04", severity: "error", title: "部门名称一致", message: "{table}的部门名称为“{actual}”，与其他表的“{expected}”不一致" },
  { id: "S05", severity: "error", title: "预算年度一致", message: "{table}标题中的年度为 {actual}，与{expected}年不一致" },
  { id: "S06", severity: "error", title: "金额单位与表样一致", message: "{table}{detail}" },
  { id: "S07", severity: "error", title: "金额单元格为数字", message: "{table}{row}“{column}”{detail}" },
  { id: "S08", severity: "warning", title: "金额最多两位小数", message: "{table}{row}“{column}”为 {actual}，超过两位小数" },
  { id: "S09", severity: "warning", title: "金额不为负数", message: "{table}{row}“{column}”为负数 {actual}" },
  { id: "S10", severity: "error", title: "无未替换的占位符", message: "{table}中有未填写的占位内容“{actual}”" },
  { id: "S11", severity: "error", title: "公开文档所需内容已填写", message: "公开文档需要的“{item}”未填写{detail}" },
  { id: "S12", severity: "error", title: "同一张表只出现一次", message: "{table}出现了两次：{detail}" },
  { id: "S13", severity: "info", title: "表在隐藏的工作表上", message: "{table}在隐藏的工作表“{sheet}”上：在 Excel 中看不到，已照常校验" },
  { id: "S14", severity: "warning", title: "工作表的数据区域可以读取", message: "工作表“{sheet}”{detail}" },
  { id: "S15", severity: "error", title: "工作簿的模板包是当前版本", message: "{detail}" },
  // C — subject codes
  { id: "C01", severity: "error", title: "功能科目编码位数", message: "{table}科目编码“{actual}”{detail}" },
  { id: "C02", severity: "error", title: "功能科目在目录中", message: "{table}科目编码 {actual} {detail}" },
  { id: "C03", severity: "error", title: "科目名称与目录一致", message: "{table}科目 {code} 的名称为“{actual}”，目录中为“{expected}”{detail}" },
  { id: "C04", severity: "error", title: "科目层级完整", message: "{table}科目 {code} 上方缺少其{detail}行 {expected}" },
  { id: "C05", severity: "warning", title: "科目按编码排序", message: "{table}科目 {code} 排在 {expected} 之后，未按编码顺序" },
  { id: "C06", severity: "error", title: "部门经济科目在目录中", message: "{table}部门经济科目“{actual}”{detail}" },
  { id: "C07", severity: "error", title: "经济科目对应关系", message: "{table}部门经济科目“{code}”对应的政府经济科目为“{actual}”，{detail}" },
  { id: "C08", severity: "error", title: "支出功能分类30类", message: "{table}{detail}" },
  { id: "C09", severity: "error", title: "收入科目在目录中", message: "{table}收入科目编码 {actual} {detail}" },
  { id: "C10", severity: "error", title: "同一科目各表名称一致", message: "{table}科目 {code} 的名称为“{actual}”，{detail}" },
  // A — arithmetic inside one table
  { id: "A01", severity: "error", title: "行内合计等于各列之和", message: "{table}{row}“{column}”为 {actual}，各组成列之和为 {expected}，{difference}" },
  { id: "A02", severity: "error", title: "类款项逐级相加", message: "{table}{row}“{column}”为 {actual}，其下级科目之和为 {expected}，{difference}" },
  { id: "A03", severity: "error", title: "合计行等于各类之和", message: "{table}合计行“{column}”为 {actual}，各类之和为 {expected}，{difference}" },
  { id: "A04", severity: "error", title: "收支总表平衡", message: "{table}{row}为 {actual}，应为{detail} {expected}，{difference}" },
  { id: "A05", severity: "error", title: "经济科目分组合计", message: "{table}{row}“{column}”为 {actual}，{detail}为 {expected}，{difference}" },
  { id: "A06", severity: "error", title: "三公经费合计", message: "{table}{row}“{column}”为 {actual}，{detail}为 {expected}，{difference}" },
  { id: "A07", severity: "error", title: "单位与项目合计", message: "{table}{row}“{column}”为 {actual}，{detail}为 {expected}，{difference}" },
  // X — across tables
  { id: "X01", severity: "error", title: "一般公共预算各表一致", message: "一般公共预算：{table}{row}为 {actual}，{other}为 {expected}，{difference}" },
  { id: "X02", severity: "error", title: "政府性基金各表一致", message: "政府性基金预算：{table}{row}为 {actual}，{other}为 {expected}，{difference}" },
  { id: "X03", severity: "error", title: "国有资本经营预算各表一致", message: "国有资本经营预算：{table}{row}为 {actual}，{other}为 {expected}，{difference}" },
  { id: "X04", severity: "error", title: "其他收入来源一致", message: "{table}{row}为 {actual}，{other}为 {expected}，{difference}" },
  { id: "X05", severity: "error", title: "收支总额一致", message: "{table}{row}为 {actual}，{other}为 {expected}，{difference}" },
  { id: "X06", severity: "error", title: "支出类与支出总表一致", message: "{table}{row}为 {actual}，{other}为 {expected}，{difference}" },
  { id: "X07", severity: "error", title: "收入与支出逐科目一致", message: "科目 {code}：{table}{row}为 {actual}，{other}为 {expected}，{difference}" },
  { id: "X08", severity: "error", title: "财政拨款分类一致", message: "{table}{row}为 {actual}，{other}为 {expected}，{difference}" },
  { id: "X09", severity: "error", title: "分表不超过支出总表", message: "科目 {code}：{table}{row}为 {actual}，超过{other}的 {expected}，{difference}" },
  { id: "X10", severity: "error", title: "基本支出与经济科目表一致", message: "{table}{row}为 {actual}，{other}为 {expected}，{difference}" },
  { id: "X11", severity: "warning", title: "机关运行经费", message: "{table}{row}为 {actual}，{other}为 {expected}，{difference}" },
  { id: "X12", severity: "warning", title: "三公经费与经济科目", message: "{table}{row}为 {actual}，小于{other}的 {expected}，{difference}" },
  { id: "X13", severity: "error", title: "项目支出与项目表一致", message: "{table}{row}为 {actual}，{other}为 {expected}，{difference}" },
  { id: "X14", severity: "warning", title: "功能与经济分类对应", message: "{table}{row}为 {actual}，{other}为 {expected}，{difference}" },
  { id: "X15", severity: "error", title: "绩效目标表资金与项目表一致", message: "绩效目标表“{project}”的年度资金总额 {yuan} 元折合 {actual} {unit}，{table}中该项目为 {expected}，{difference}" },
  { id: "X16", severity: "warning", title: "项目均有绩效目标表", message: "{table}{detail}" },
  { id: "X17", severity: "error", title: "情况说明与表格一致", message: "情况说明{section}中{item}{what}为 {actual}{unit}，应为 {expected}{unit}" },
  // N — the 情况说明 text on its own terms
  { id: "N01", severity: "error", title: "情况说明章节齐全", message: "情况说明缺少“{section}”" },
  { id: "N02", severity: "error", title: "增减变动前后一致", message: "情况说明{section}中{item}{detail}" },
  { id: "N03", severity: "warning", title: "增减变动说明原因", message: "情况说明{section}中“{actual}”未说明原因（主要原因是……）" },
  { id: "N04", severity: "error", title: "同一项目金额一致", message: "情况说明{section}中{item}为 {actual}万元，{other}中为 {expected}万元" },
  { id: "N05", severity: "warning", title: "科目名称为当年名称", message: "情况说明{section}中的“{actual}”不是{year}年的科目名称，应为“{expected}”" },
  { id: "N06", severity: "error", title: "空表说明正确", message: "情况说明{section}{detail}" },
  { id: "N07", severity: "warning", title: "年份正确", message: "情况说明{section}中出现“{actual}”，{detail}" },
  { id: "N08", severity: "error", title: "政府采购金额相加", message: "情况说明{section}中{detail}" },
  { id: "N09", severity: "error", title: "文中科目金额与表格一致", message: "情况说明{section}中“{item}”为 {stated}，表中为 {figures}" },
  { id: "N10", severity: "warning", title: "部门单位用语与文本一致", message: "情况说明{section}中称“{word}”，本文是{scope}预算，应称“{want}”" },
  { id: "N11", severity: "warning", title: "标点与句子完整", message: "情况说明{section}中{detail}：“{excerpt}”" },
  { id: "N12", severity: "info", title: "情况说明的核对范围", message: "情况说明{detail}" },
  { id: "N13", severity: "error", title: "决算与年初预算的比较前后一致", message: "情况说明{section}中{detail}" },
];

/** Rules by id: a finding asks for its rule. */
const byId = new Map(RULES.map((r) => [r.id, r]));

/** A rule's title, or "" for an id that is no rule's. */
export const ruleTitle = (id: string): string => byId.get(id)?.title ?? "";

export function ruleOf(id: string): Rule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`unknown rule ${id}`);
  return rule;
}

/** What a pack says of rules: its own (id, title, severity, message), and built-in ones graded otherwise (id, severity). */
export interface PackRules {
  rules: { id: string; title?: string; severity?: Severity; message?: string }[];
}

/** A rule as a pack applies it: its own, or a built-in one with the pack's grading. */
export function packRuleOf(pack: PackRules, id: string): Rule {
  const own = pack.rules.find((r) => r.id === id);
  if (own?.message !== undefined) return { id, title: own.title!, severity: own.severity!, message: own.message };
  const rule = ruleOf(id);
  return own?.severity ? { ...rule, severity: own.severity } : rule;
}

/** A finding's rule title: its own (a pack's rule) or RULES.md's. */
export const titleOf = (f: { rule: string; title?: string }): string => f.title ?? ruleTitle(f.rule);
