/**
 * docs/pack-authoring.md kept honest. Every check kind of the schema has its heading and a ```json example of that
 * kind; every example with a `kind` is a check row a built-in pack accepts (the pack the line before it, or else the
 * nearest heading, names; else any of shanxi-2023, shanghai-putuo-2025, shanghai-putuo-2024-final), with a rule of
 * the pack's own added where it names one the pack lacks; every example pack (whole, or `extends`) validates as
 * written; so do its tables, input sheets, rules, figures, catalogue amendments and document. The kinds counted in
 * the guide are the schema's, and its table of built-in rules is RULES.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { checkSchema } from "../../src/domain/packs/checks";
import { inputSheetSchema, tableSchema } from "../../src/domain/packs/schema";
import { readPackData } from "../../src/domain/packs/validate";
import { RULES } from "../../src/domain/rules";
import shanxi from "../../src/domain/packs/shanxi-2023.json";
import shanghai2025 from "../../src/domain/packs/shanghai-putuo-2025.json";
import shanghai2025Unit from "../../src/domain/packs/shanghai-putuo-2025-unit.json";
import shanghai2026 from "../../src/domain/packs/shanghai-putuo-2026.json";
import final2024 from "../../src/domain/packs/shanghai-putuo-2024-final.json";

type Json = Record<string, unknown>;

const GUIDE_PATH = path.join(__dirname, "../../docs/pack-authoring.md");
const guide = fs.readFileSync(GUIDE_PATH, "utf8");

/** The built-in packs as written, by id. */
const SOURCES = new Map<string, Json>(
  ([shanxi, shanghai2025, shanghai2025Unit, shanghai2026, final2024] as unknown as Json[]).map((s) => [String(s.id), s]),
);
/** Where an example that names no pack is tried, in turn. */
const FALLBACK = ["shanxi-2023", "shanghai-putuo-2025", "shanghai-putuo-2024-final"];

/** The kinds of the schema's discriminated union, in its order. */
const KINDS: string[] = checkSchema.options.map((o) => o.shape.kind.value);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Pack ids as whole words (shanghai-putuo-2025 is not read in shanghai-putuo-2025-unit). */
const PACK_ID = new RegExp(
  [...SOURCES.keys()]
    .sort((a, b) => b.length - a.length)
    .map((id) => `(?<![\\w-])${escape(id)}(?![\\w-])`)
    .join("|"),
  "g",
);
const packsNamed = (text: string): string[] => [...new Set(text.match(PACK_ID) ?? [])];

interface Block {
  /** 1-based line of the opening fence. */
  line: number;
  text: string;
  /** The pack it names: in the last line of text before it, else in the nearest heading naming exactly one. */
  pack: string | undefined;
}

interface Guide {
  blocks: Block[];
  headings: string[];
  /** Lines outside fenced blocks. */
  prose: string[];
}

/** The guide's ```json blocks, with the pack each names, and its headings (fenced blocks skipped). */
function parseGuide(markdown: string): Guide {
  const lines = markdown.split(/\r?\n/);
  const blocks: Block[] = [];
  const headings: string[] = [];
  const prose: string[] = [];
  /** The headings in force, by level (1 = #). */
  const stack: string[] = [];
  /** Prose lines since the last fence or heading. */
  let before: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^```(\w*)\s*$/.exec(line.trim());
    if (fence) {
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i].trim() !== "```"; i++) body.push(lines[i]);
      if (i >= lines.length) throw new Error(`${GUIDE_PATH}:${start + 1}：代码块没有结束`);
      if (fence[1] === "json") {
        const last = [...before].reverse().find((l) => l.trim() !== "") ?? "";
        const named = packsNamed(last);
        let pack = named.length === 1 ? named[0] : undefined;
        for (let level = stack.length - 1; pack === undefined && level >= 0; level--) {
          const inHeading = stack[level] === undefined ? [] : packsNamed(stack[level]);
          if (inHeading.length === 1) pack = inHeading[0];
        }
        blocks.push({ line: start + 1, text: body.join("\n"), pack });
      }
      before = [];
      continue;
    }
    prose.push(line);
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1].length - 1;
      stack.length = level;
      stack[level] = heading[2];
      headings.push(heading[2]);
      before = [];
    } else before.push(line);
  }
  return { blocks, headings, prose };
}

const parsed = parseGuide(guide);

/** Each block parsed: every example is one complete JSON object. */
const examples = parsed.blocks.map((b) => {
  let value: unknown;
  try {
    value = JSON.parse(b.text);
  } catch (e) {
    throw new Error(`${GUIDE_PATH}:${b.line}：不是有效的 JSON（${(e as Error).message}）`);
  }
  return { ...b, value: value as Json };
});
type Example = (typeof examples)[number];

const where = (b: Example) => `第 ${b.line} 行${b.pack ? `（${b.pack}）` : ""}`;
const has = (v: Json, ...keys: string[]) => keys.every((k) => k in v);

/** What an example is, by its fields: a check row, a pack, a table, an input sheet, a rule, a figure, a catalogue, a document. */
function sortOf(v: Json): string {
  if ("kind" in v) return "check";
  if (has(v, "id") && (has(v, "tables") || has(v, "extends"))) return "pack";
  if (typeof v.id === "string" && /^T\d{2}$/.test(v.id) && has(v, "columns")) return "table";
  if (typeof v.id === "string" && /^I\d{2}$/.test(v.id) && has(v, "columns")) return "input";
  if (typeof v.id === "string" && /^[A-Z]\d{2}$/.test(v.id) && has(v, "severity")) return "rule";
  if (has(v, "table", "column")) return "figure";
  if (has(v, "amendments")) return "catalog";
  if (has(v, "cover", "parts")) return "document";
  return "unknown";
}

const problemsOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
};

const BUILTIN_RULES = new Set(RULES.map((r) => r.id));

/** A pack's rules once `extends` is resolved (an extension's own and its base's). */
const resolvedRules = (source: Json): { id: string }[] => readPackData(source).rules;

/**
 * `source` with the check row appended to its checks (an extension's addChecks); a rule the row names that is neither
 * built in nor the pack's own is added as the pack's, with a message a formula can fill.
 */
function withRow(source: Json, row: Json): Json {
  const rule = String(row.rule);
  const own = BUILTIN_RULES.has(rule) || resolvedRules(source).some((r) => r.id === rule);
  const rules = own
    ? {}
    : { rules: [...((source.rules as Json[] | undefined) ?? []), { id: rule, title: "示例规则", severity: "error", message: "{table}{row}为 {actual}，{other}为 {expected}，{difference}" }] };
  return source.extends !== undefined
    ? { ...source, ...rules, addChecks: [...((source.addChecks as Json[] | undefined) ?? []), row] }
    : { ...source, ...rules, checks: [...(source.checks as Json[]), row] };
}

/** The pack the example names, or else those it may be tried on in turn; undefined when one accepts it, else why none did. */
function acceptedBy(b: Example, make: (source: Json) => Json): string | undefined {
  const tried = b.pack ? [b.pack] : FALLBACK;
  const problems: string[] = [];
  for (const id of tried) {
    const problem = problemsOf(() => readPackData(make(SOURCES.get(id)!)));
    if (problem === undefined) return undefined;
    problems.push(`${id}：${problem}`);
  }
  return `${where(b)}的例子不被${tried.join("、")}接受：\n${problems.join("\n")}`;
}

/** A full pack (not an extension) to try a fragment in: the one named, else shanxi-2023. */
const fullPack = (b: Example): Json => {
  const named = b.pack ? SOURCES.get(b.pack)! : undefined;
  return named && named.extends === undefined ? named : SOURCES.get("shanxi-2023")!;
};

const of = (sort: string) => examples.filter((b) => sortOf(b.value) === sort);
const checkRows = of("check");

describe("docs/pack-authoring.md", () => {
  test("is there, and its examples are JSON objects of a sort the test knows", () => {
    expect(examples.length).toBeGreaterThan(KINDS.length);
    for (const b of examples) {
      expect({ at: where(b), object: typeof b.value === "object" && b.value !== null && !Array.isArray(b.value) }).toEqual({ at: where(b), object: true });
      expect({ at: where(b), sort: sortOf(b.value) }).not.toEqual({ at: where(b), sort: "unknown" });
    }
  });

  test("the built-in packs the examples are tried on are valid as they stand", () => {
    for (const [id, source] of SOURCES) expect({ id, problem: problemsOf(() => readPackData(source)) }).toEqual({ id, problem: undefined });
  });

  test("counts the kinds the schema has", () => {
    const stated = /共\s*(\d+)\s*种/.exec(guide);
    expect(stated).not.toBeNull();
    expect(Number(stated![1])).toBe(KINDS.length);
  });

  test.each(KINDS)("names %s in a heading or in backticks, with an example row of that kind", (kind) => {
    const word = new RegExp(`(?<![A-Za-z])${kind}(?![A-Za-z])`);
    const named = parsed.headings.some((h) => word.test(h)) || parsed.prose.some((l) => l.includes(`\`${kind}\``));
    expect({ kind, named }).toEqual({ kind, named: true });
    expect({ kind, examples: checkRows.filter((b) => b.value.kind === kind).length > 0 }).toEqual({ kind, examples: true });
  });

  test.each(checkRows.map((b) => [`第 ${b.line} 行 ${String(b.value.rule)} ${String(b.value.kind)}`, b] as const))(
    "check row %s is accepted by the pack it is taken from",
    (_name, b) => {
      expect(acceptedBy(b, (source) => withRow(source, b.value))).toBeUndefined();
    },
  );

  test.each(of("pack").map((b) => [`第 ${b.line} 行 ${String(b.value.id)}`, b] as const))("pack %s validates as written", (_name, b) => {
    expect(problemsOf(() => readPackData(b.value))).toBeUndefined();
  });

  test("its table and input sheet declarations validate", () => {
    for (const b of of("table")) expect({ at: where(b), problem: problemsOf(() => tableSchema.parse(b.value)) }).toEqual({ at: where(b), problem: undefined });
    for (const b of of("input")) expect({ at: where(b), problem: problemsOf(() => inputSheetSchema.parse(b.value)) }).toEqual({ at: where(b), problem: undefined });
  });

  test("its rules are ones a pack may declare", () => {
    for (const b of of("rule")) {
      const source = fullPack(b);
      const rules = [...((source.rules as Json[] | undefined) ?? []).filter((r) => r.id !== b.value.id), b.value];
      expect({ at: where(b), problem: problemsOf(() => readPackData({ ...source, rules })) }).toEqual({ at: where(b), problem: undefined });
    }
  });

  test("its figures are figures of the pack they name (tried as a formula's term)", () => {
    for (const b of of("figure")) {
      const row = { rule: "X05", kind: "formula", left: [b.value], op: "=", right: [{ constant: "0" }] };
      expect(acceptedBy(b, (source) => withRow(source, row))).toBeUndefined();
    }
  });

  test("its catalogue amendments and document validate in a pack", () => {
    for (const b of of("catalog")) expect({ at: where(b), problem: problemsOf(() => readPackData({ ...fullPack(b), catalog: b.value })) }).toEqual({ at: where(b), problem: undefined });
    for (const b of of("document")) expect({ at: where(b), problem: problemsOf(() => readPackData({ ...fullPack(b), document: b.value })) }).toEqual({ at: where(b), problem: undefined });
  });

  test("its table of built-in rules is RULES: ids, titles, severities and placeholders", () => {
    const SEVERITY: Record<string, string> = { 错误: "error", 警告: "warning", 提示: "info" };
    const rows = parsed.prose.flatMap((l) => {
      const m = /^\|\s*([SCAXN]\d{2})\s*\|\s*(.+?)\s*\|\s*(错误|警告|提示)\s*\|\s*(.*?)\s*\|$/.exec(l);
      return m ? [{ id: m[1], title: m[2], severity: SEVERITY[m[3]], placeholders: [...m[4].matchAll(/\{(\w+)\}/g)].map((p) => p[1]).sort() }] : [];
    });
    const expected = RULES.map((r) => ({ id: r.id, title: r.title, severity: r.severity, placeholders: [...new Set([...r.message.matchAll(/\{(\w+)\}/g)].map((p) => p[1]))].sort() }));
    expect(rows).toEqual(expected);
  });
});
