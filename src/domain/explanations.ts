/**
 * Explained findings (已说明): a clerk's sentence on why a finding is as it is, kept in the workbook's custom XML part
 * beside the stamp and the marks. An explanation is keyed by the finding's rule, cell and figures: it holds while
 * they stay as they were, and a changed figure brings the finding back unexplained.
 */
import type { Finding } from "./finding";
import { elements, escapeAttribute } from "./xml";

export const EXPLANATIONS_NAMESPACE = "urn:budget-disclosure:explanations";

export interface Explanation {
  rule: string;
  sheet: string;
  cell: string;
  /** The finding's figures when it was explained ("" when it states none). */
  actual: string;
  expected: string;
  text: string;
  /** When it was written: ISO date. */
  date: string;
}

type Keyed = Pick<Finding, "rule" | "sheet" | "cell" | "actual" | "expected">;

/** What an explanation and its finding share: rule, place and figures. */
export const findingKey = (f: Keyed): string => [f.rule, f.sheet, f.cell, f.actual ?? "", f.expected ?? ""].join("\u0001");

/** The explanation of a finding, written now. */
export function explanationOf(f: Finding, text: string, date: Date): Explanation {
  return { rule: f.rule, sheet: f.sheet, cell: f.cell, actual: f.actual ?? "", expected: f.expected ?? "", text: text.trim(), date: date.toISOString() };
}

/** The findings, each explained where an explanation of the same rule, cell and figures exists. */
export function applyExplanations(findings: Finding[], explanations: readonly Explanation[]): Finding[] {
  if (explanations.length === 0) return findings;
  const byKey = new Map(explanations.map((e) => [findingKey(e), e.text]));
  return findings.map((f) => {
    const text = byKey.get(findingKey(f));
    return text === undefined ? f : { ...f, explanation: text };
  });
}

/** The list with `next` in place of any explanation of the same finding; an empty text takes it back. */
export function withExplanation(list: readonly Explanation[], next: Explanation): Explanation[] {
  const key = findingKey(next);
  const kept = list.filter((e) => findingKey(e) !== key);
  return next.text === "" ? kept : [...kept, next];
}

const FIELDS = ["rule", "sheet", "cell", "actual", "expected", "text", "date"] as const;

export function explanationsToXml(list: readonly Explanation[]): string {
  const items = list.map((e) => `<explanation ${FIELDS.map((k) => `${k}="${escapeAttribute(e[k])}"`).join(" ")}/>`);
  return `<explanations xmlns="${EXPLANATIONS_NAMESPACE}">${items.join("")}</explanations>`;
}

/** The explanations in `xml`; an entry without a rule, a cell or a text is skipped. */
export function explanationsFromXml(xml: string): Explanation[] {
  if (!xml.includes(EXPLANATIONS_NAMESPACE)) return [];
  return elements(xml, "explanation").flatMap((attrs) => {
    const e = Object.fromEntries(FIELDS.map((k) => [k, attrs.get(k) ?? ""])) as unknown as Explanation;
    return e.rule && e.cell && e.text ? [e] : [];
  });
}
