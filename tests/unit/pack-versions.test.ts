/**
 * A pack through its versions: its content hash, how a workbook's stamp stands to the pack loaded (upgrade optional
 * or required), what changed between two versions (`pack diff`, each change once), and `pack info` / `pack validate`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { builtinPack } from "../../src/domain/packs";
import { readPackData } from "../../src/domain/packs/validate";
import { packDiff } from "../../src/domain/packs/diff";
import { packHash, packRelation, relationNote } from "../../src/domain/packs/versions";
import shanxi from "../../src/domain/packs/shanxi-2023.json";
import { runCli, useTempDir } from "../support/cli";
import { RENAMED, shanxi110, shanxi200 } from "../support/pack-versions";

const tempDir = useTempDir("pack-versions-");
const v100 = builtinPack("shanxi-2023");
const v110 = readPackData(shanxi110());
const v200 = readPackData(shanxi200());

describe("content hash", () => {
  it("is the same for the same pack written with other spacing and key order, and differs when a title changes", () => {
    const reordered = Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(shanxi))).reverse());
    expect(packHash(readPackData(reordered))).toBe(packHash(v100));
    const retitled = JSON.parse(JSON.stringify(shanxi));
    retitled.tables[0].title = "{year}年收支总表";
    expect(packHash(readPackData(retitled))).not.toBe(packHash(v100));
    expect(packHash(v100)).toMatch(/^[0-9a-f]{16}$/);
  });

  it("of the built-in budget packs is what their 1.0.1 workbooks were stamped with: fields added to the schema since (rules, narrative.otherKinds) change nothing while unset", () => {
    const stamped: Record<string, string> = {
      "shanxi-2023": "5286ce44e168f509",
      "shanghai-putuo-2025": "25f06fbe725bf1fe",
      "shanghai-putuo-2025-unit": "09aa979bc39d017f",
      "shanghai-putuo-2026": "52e1a9c2d2560a5d",
    };
    for (const [id, hash] of Object.entries(stamped)) expect([id, packHash(builtinPack(id))]).toEqual([id, hash]);
    // Set, they are content: a pack that grades a rule otherwise is another pack.
    expect(packHash(readPackData({ ...shanxi, rules: [{ id: "X11", severity: "info" }] }))).not.toBe(stamped["shanxi-2023"]);
  });
});

describe("a workbook's pack and the one loaded", () => {
  const stamp = (version: string, hash?: string) => ({ pack: "shanxi-2023", version, ...(hash ? { hash } : {}) });

  it("a minor version later: upgrade optional; a major one: required; the same: nothing to say", () => {
    expect(packRelation(stamp("1.0.1"), v110)).toEqual({ kind: "upgrade", required: false });
    expect(packRelation(stamp("1.0.1"), v200)).toEqual({ kind: "upgrade", required: true });
    expect(packRelation(stamp("1.1.0"), v200)).toEqual({ kind: "upgrade", required: true });
    expect(packRelation(stamp("1.0.1", packHash(v100)), v100)).toEqual({ kind: "same" });
    expect(relationNote(stamp("1.0.1"), v100)).toBeNull();
    expect(relationNote(stamp("1.0.1"), v110)).toBe("工作簿按模板包 shanxi-2023 1.0.1 制作，当前为 1.1.0：可以升级（不升级也可照常校验和导出）");
    expect(relationNote(stamp("1.1.0"), v200)).toBe("工作簿按模板包 shanxi-2023 1.1.0 制作，当前为 2.0.0（主版本不同）：须升级到新版模板包后再填报");
  });

  it("a later version than the one loaded, the same version with other content, another pack", () => {
    expect(relationNote(stamp("2.0.0"), v110)).toBe("工作簿按模板包 shanxi-2023 2.0.0 制作，比当前的 1.1.0 新：请载入新版模板包后再校验");
    expect(packRelation(stamp("1.1.0", packHash(v100)), v110)).toEqual({ kind: "edited" });
    expect(relationNote(stamp("1.1.0", packHash(v100)), v110)).toContain("内容不同");
    expect(packRelation({ pack: "shanghai-putuo-2025", version: "1.0.1" }, v100)).toEqual({ kind: "other" });
  });
});

describe("pack diff", () => {
  it("1.0.1 → 1.1.0: the column, the renamed row (once, though checks and texts name it) and the re-graded check", () => {
    expect(packDiff(v100, v110)).toEqual([
      "版本：1.0.1 → 1.1.0",
      "表 T03“预算支出总表”：增加列“其他支出”（other）",
      `表 T10“一般公共预算“三公”经费支出预算表”：第 2 个固定行“${RENAMED[0]}”改为“${RENAMED[1]}”`,
      "校验 A01（columnSum，T02）的级别由规则默认改为警告",
    ]);
  });

  it("1.1.0 → 2.0.0: the table split off; back again, it is removed; a pack against itself has no change", () => {
    expect(packDiff(v110, v200)).toEqual(["版本：1.1.0 → 2.0.0", "增加表 T14“机关运行经费执行情况表”"]);
    expect(packDiff(v200, v110)).toEqual(["版本：2.0.0 → 1.1.0", "删除表 T14“机关运行经费执行情况表”"]);
    expect(packDiff(v100, v100)).toEqual([]);
  });

  it("through the CLI, in Chinese, each change on its own line", async () => {
    const [a, b] = [path.join(tempDir(), "1.0.1.json"), path.join(tempDir(), "1.1.0.json")];
    fs.writeFileSync(a, JSON.stringify(shanxi));
    fs.writeFileSync(b, JSON.stringify(shanxi110()));
    const r = await runCli("pack", "diff", a, b);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines[0]).toBe("shanxi-2023 1.0.1 → shanxi-2023 1.1.0，4 处改动：");
    expect(new Set(lines).size).toBe(lines.length);
    expect((await runCli("pack", "diff", a, a)).out).toBe("shanxi-2023 1.0.1 与 shanxi-2023 1.0.1 没有改动\n");
  });
});

describe("pack info and pack validate", () => {
  it("info: id, version, year, publisher and the content hash a stamp records", async () => {
    const r = await runCli("pack", "info", "shanxi-2023");
    expect(r.code).toBe(0);
    expect(r.out).toContain("编号：shanxi-2023\n版本：1.0.1\n名称：山西省部门预算公开表样（2023）\n年度：2023\n发布单位：山西省财政厅\n");
    expect(r.out).toContain(`内容摘要：${packHash(v100)}`);
  });

  it("validate: a good pack is said valid; a bad one is refused with each field named, exit 2", async () => {
    const good = path.join(tempDir(), "good.json");
    fs.writeFileSync(good, JSON.stringify(shanxi110()));
    expect(await runCli("pack", "validate", good)).toEqual({ code: 0, out: "模板包 shanxi-2023 1.1.0 有效：13 张表，129 行校验\n", err: "" });
    const bad = path.join(tempDir(), "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ ...shanxi, version: "1.1", publisher: "" }));
    const r = await runCli("pack", "validate", bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain("  - version：应为“主版本.次版本.修订号”，如 1.0.0\n");
    expect(r.err).toContain("  - publisher：");
  });
});
