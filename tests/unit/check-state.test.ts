/**
 * The 校验 pane's state without a screen: actions in, state out — a check and its progress, the filters and the count
 * they leave (shown of all the findings), the selection, the page of a long list, edits while results are on screen.
 */
import { builtinCatalog } from "../../src/domain/catalog/catalog";
import type { Finding } from "../../src/domain/finding";
import { builtinPack } from "../../src/domain/packs";
import { datongSample } from "../../src/domain/samples";
import { samplePlans } from "../../src/domain/samples/workbook";
import { stampOf } from "../../src/domain/stamp";
import { MemoryWorkbook } from "../../src/preview/memory-workbook";
import { runCheck, type CheckRun } from "../../src/taskpane/check";
import { ALL, PAGE, checkReducer, initialCheckState, tablesOf, viewOf, type CheckAction } from "../../src/taskpane/check-state";
import { ruleTitle } from "../../src/domain/rules";
import { zh } from "../../src/locale/zh-CN";

/** The 大同 sample as the preview loads it, checked: its known errors and warnings. */
let run: CheckRun;
beforeAll(async () => {
  const pack = builtinPack(datongSample.pack);
  const wb = new MemoryWorkbook();
  await wb.apply(samplePlans(pack, datongSample), stampOf(pack, datongSample.department, datongSample.year));
  run = await runCheck(wb, { stamp: await wb.metadata.get(), strict: false, catalogFor: builtinCatalog });
});

const after = (...actions: CheckAction[]) => actions.reduce(checkReducer, initialCheckState);
const checked = (): CheckAction => ({ type: "checked", run, catalogYear: null });
const findings = () => run.report.findings;
const count = (...actions: CheckAction[]) => {
  const view = viewOf(after(...actions));
  return zh.check.shown(view.shown.length, view.total);
};

describe("a check", () => {
  it("shows its step while it runs, then its findings, every one of them", () => {
    const running = after({ type: "message", message: { intent: "success", text: "已保存说明" } }, { type: "check", quiet: false }, { type: "stage", stage: "read" });
    expect(running).toMatchObject({ stage: "read", message: null, run: null });
    const done = checkReducer(running, checked());
    expect(done).toMatchObject({ stage: null, run, stale: false, selected: null, limit: PAGE });
    expect(findings().length).toBeGreaterThan(2);
    expect(viewOf(done).shown.map((k) => k.finding)).toEqual(expect.arrayContaining(findings()));
    expect(count(checked())).toBe(`显示 ${findings().length} / ${findings().length} 条`);
  });

  it("an automatic one keeps the message on screen", () => {
    const message = { intent: "success" as const, text: "已保存说明" };
    expect(after({ type: "message", message }, { type: "check", quiet: true }, checked()).message).toBe(message);
  });

  it("with a catalogue imported for another year says it used the built-in one", () => {
    expect(after({ type: "checked", run, catalogYear: 2024 }).message).toEqual({ intent: "warning", text: zh.check.catalog.otherYear(2024, 2023) });
    expect(after({ type: "checked", run, catalogYear: 2023 }).message).toBeNull();
  });

  it("that fails ends its progress with the error", () => {
    const message = { intent: "error" as const, text: "操作未完成：读不到工作簿" };
    expect(after({ type: "check", quiet: false }, { type: "stage", stage: "check" }, { type: "checkFailed", message })).toMatchObject({ stage: null, message, run: null });
  });

  it("again drops the selection and the pages drawn", () => {
    const key = viewOf(after(checked())).shown[1].key;
    expect(after(checked(), { type: "select", key }, { type: "more" }, checked())).toMatchObject({ selected: null, limit: PAGE });
  });
});

describe("the filters", () => {
  it("count what they show out of all the findings, not out of what they let through", () => {
    const errors = findings().filter((f) => f.severity === "error").length;
    expect(errors).toBeGreaterThan(0);
    expect(errors).toBeLessThan(findings().length);
    const onlyErrors: CheckAction[] = [checked(), { type: "severity", severity: "warning", on: false }, { type: "severity", severity: "info", on: false }];
    expect(count(...onlyErrors)).toBe(`显示 ${errors} / ${findings().length} 条`);
    expect(viewOf(after(...onlyErrors)).shown.every((k) => k.finding.severity === "error")).toBe(true);
    // Checked again, the severity comes back.
    expect(count(...onlyErrors, { type: "severity", severity: "warning", on: true }, { type: "severity", severity: "info", on: true })).toBe(count(checked()));
  });

  it("by table: only that table's findings; ALL for every table", () => {
    const [table] = tablesOf(run);
    const view = viewOf(after(checked(), { type: "table", table }));
    expect(view.visible).toEqual(findings().filter((f) => f.table === table));
    expect(view.total).toBe(findings().length);
    expect(viewOf(after(checked(), { type: "table", table }, { type: "table", table: ALL })).visible).toEqual(findings());
  });

  it("by search, over rule, its title, message, sheet and cell, whatever the case and spaces", () => {
    const f = findings()[0];
    const search = (query: string) => viewOf(after(checked(), { type: "query", query })).visible;
    for (const query of [f.rule, ruleTitle(f.rule), f.message, f.sheet, f.cell]) expect(search(query)).toContain(f);
    expect(search(`  ${f.rule.toLowerCase()} `)).toEqual(search(f.rule));
    expect(search(f.rule).every((v) => v.rule === f.rule || v.message.includes(f.rule))).toBe(true);
    expect(search("没有这样的问题")).toEqual([]);
    expect(count(checked(), { type: "query", query: "没有这样的问题" })).toBe(`显示 0 / ${findings().length} 条`);
  });

  it("keep each finding's key, so that the selection stays on the card selected", () => {
    const keyOf = (view: ReturnType<typeof viewOf>, f: Finding) => view.shown.find((k) => k.finding === f)?.key;
    const error = findings().find((f) => f.severity === "error")!;
    const all = viewOf(after(checked()));
    const errorsOnly = viewOf(after(checked(), { type: "severity", severity: "warning", on: false }));
    expect(keyOf(errorsOnly, error)).toBe(keyOf(all, error));
    expect(new Set(all.shown.map((k) => k.key)).size).toBe(findings().length);
  });
});

it("lists by table in the pack's order, then by severity; the table filter offers the tables in that order", () => {
  const order = run.pack.tables.map((t) => t.id);
  const rankOf = (table: string) => (order.includes(table) ? order.indexOf(table) : order.length);
  const shown = viewOf(after(checked())).shown.map((k) => k.finding);
  const severity = { error: 0, warning: 1, info: 2 };
  const sorted = [...shown].sort((a, b) => rankOf(a.table) - rankOf(b.table) || severity[a.severity] - severity[b.severity]);
  expect(shown).toEqual(sorted);
  expect(tablesOf(run).map(rankOf)).toEqual([...tablesOf(run).map(rankOf)].sort((a, b) => a - b));
});

it("a long list draws a page at a time: shown of all, and the rest on request", () => {
  const many = Array.from({ length: PAGE * 2 + 10 }, (_, i) => ({ ...findings()[i % findings().length] }));
  const long: CheckRun = { ...run, report: { ...run.report, findings: many } };
  const first = after({ type: "checked", run: long, catalogYear: null });
  expect(zh.check.shown(viewOf(first).shown.length, viewOf(first).total)).toBe(`显示 ${PAGE} / ${many.length} 条`);
  expect(viewOf(first).visible).toHaveLength(many.length);
  const more: CheckAction = { type: "more" };
  expect(viewOf(checkReducer(first, more)).shown).toHaveLength(PAGE * 2);
  expect(viewOf(checkReducer(checkReducer(first, more), more)).shown).toHaveLength(many.length);
});

describe("edits after a check", () => {
  it("with 自动重新校验 on leave the results current", () => {
    expect(after(checked(), { type: "edited" }).stale).toBe(false);
  });

  it("with it off mark the results stale, until the next check", () => {
    const stale = after(checked(), { type: "auto", on: false }, { type: "edited" });
    expect(stale).toMatchObject({ auto: false, stale: true });
    expect(checkReducer(stale, checked()).stale).toBe(false);
  });
});

it("an action on the findings: busy without a message while it runs, then its message", () => {
  const message = { intent: "success" as const, text: zh.check.cleared };
  const running = after(checked(), { type: "marked", marked: true }, { type: "act" });
  expect(running).toMatchObject({ busy: true, message: null, marked: true });
  expect(checkReducer(running, { type: "acted", message })).toMatchObject({ busy: false, message });
});

it("leaves the state it was given as it was", () => {
  const before = after(checked());
  const copy = { ...before, severities: [...before.severities] };
  checkReducer(before, { type: "severity", severity: "error", on: false });
  expect({ ...before, severities: [...before.severities] }).toEqual(copy);
});
