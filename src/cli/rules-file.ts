/**
 * `--rules rules.json`: a bureau's own policy for one run — rules turned off, or graded otherwise — by rule ID:
 * { "rules": { "N11": "off", "X11": "error" } }. Validated with the field named on error.
 */
import { z } from "zod";
import { compareFindings, type Finding } from "../domain/finding";
import { RULES } from "../domain/rules";
import { CliError, readInputFile } from "./context";

export type RulePolicy = Record<string, "off" | "error" | "warning" | "info">;

const schema = z
  .object({
    rules: z.record(
      z.string().refine((id) => RULES.some((r) => r.id === id), { message: "没有这条规则" }),
      z.enum(["off", "error", "warning", "info"], { errorMap: () => ({ message: "应为 off、error、warning 或 info" }) }),
      { errorMap: () => ({ message: "应为 {\"规则编号\": \"off|error|warning|info\"}" }) },
    ),
  })
  .strict();

export function readRulesFile(file: string): RulePolicy {
  const text = readInputFile(file, "规则文件").toString("utf8");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CliError(`规则文件 ${file} 不是有效的 JSON：${(e as Error).message}`, { cause: e });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    // A misspelt key says more than the field it left out.
    const issues = parsed.error.issues;
    const issue = issues.find((i) => i.code === "unrecognized_keys") ?? issues[0];
    // A bad rule ID is reported on the key itself.
    const where = issue.path.join(".") || "（根）";
    throw new CliError(`规则文件 ${file}：${where}：${issue.code === "unrecognized_keys" ? `不认识的字段 ${issue.keys.join("、")}` : issue.message}`);
  }
  return parsed.data.rules;
}

/** The findings under the policy: those of rules turned off dropped, the others at the grade it gives. */
export function applyPolicy(findings: Finding[], policy: RulePolicy | undefined): Finding[] {
  if (!policy) return findings;
  return findings.flatMap((f) => {
    const grade = policy[f.rule];
    if (grade === undefined) return [f];
    return grade === "off" ? [] : [{ ...f, severity: grade }];
  }).sort(compareFindings);
}
