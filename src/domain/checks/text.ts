/**
 * N09–N11 of RULES.md: what a reviewer catches in any 情况说明, hand-written or pasted from Word, beyond the figures
 * the pack's sections declare — an amount stated for a 科目 that no table holds for it, 部门 wording in a 单位预算 (and
 * the reverse), doubled or missing punctuation, unbalanced quotes and brackets, a paragraph cut off. Each finding
 * stands at its paragraph's cell, quotes the sentence in `actual` and says in `expected` what it should say.
 */
import type { Place } from "../finding";
import { Decimal, formatAmount, YUAN_PER } from "../money";
import { plainText, type Item } from "../narrative/facts";
import { statedAfter, type Mention } from "../narrative/mentions";
import { classRows, codeRows, columnName } from "../read/model";
import { cellOf, type ReadRow } from "../read/read";
import type { CheckContext } from "./context";
import type { Kinds } from "./kind";
import { corrected, narrativeCheck, sentenceAt, type TextKind } from "./narrative";

/** One figure the tables hold for a code, in 万元, and where. */
interface CodeFigure {
  wan: Decimal;
  at: Place;
  /** 表3“…”“合计” */
  where: string;
}

const figuresRead = new WeakMap<CheckContext, Map<string, CodeFigure[]>>();

/** Every amount the tables print on a code's row — by code, or by 类 name in a summary table — in 万元. */
function figuresByCode(ctx: CheckContext): Map<string, CodeFigure[]> {
  if (figuresRead.has(ctx)) return figuresRead.get(ctx)!;
  const out = new Map<string, CodeFigure[]>();
  for (const table of ctx.disclosure.tables.values()) {
    const per = YUAN_PER[ctx.unitOf(table.id)] / YUAN_PER["万元"];
    const amounts = table.decl.columns.filter((c) => c.kind === "amount");
    const rows = table.decl.columns.flatMap<{ code: string; row: ReadRow }>((c) =>
      c.kind === "code" ? codeRows(table, c.key) : c.kind === "label" ? classRows(table, ctx.options.catalog, c.key) : [],
    );
    for (const { code, row } of rows)
      for (const col of amounts) {
        const value = ctx.amount(cellOf(table, row, col.key));
        if (value === null) continue;
        const list = out.get(code) ?? out.set(code, []).get(code)!;
        list.push({ wan: value.times(per), at: ctx.place(table, row, col.key), where: `${ctx.label(table.id)}“${columnName(table, col.key)}”` });
      }
  }
  figuresRead.set(ctx, out);
  return out;
}

/** A figure in the unit and the decimals the text writes. */
const asWritten = (wan: Decimal, m: Mention, decimals: number) => (m.unit === "元" ? wan.times(YUAN_PER["万元"]) : wan).toDecimalPlaces(decimals);

/** Each distinct figure once, with the first place that prints it: 262.87万元（表1“预算收支总表”“合计”等 9 处）. */
function figureList(known: CodeFigure[], m: Mention): string {
  const byValue = new Map<string, CodeFigure[]>();
  for (const f of known) {
    const v = formatAmount(asWritten(f.wan, m, 2));
    byValue.set(v, [...(byValue.get(v) ?? []), f]);
  }
  return [...byValue].map(([v, fs]) => `${v}${m.unit}（${fs[0].where}${fs.length > 1 ? `等 ${fs.length} 处` : ""}）`).join("、");
}

/**
 * N09: an amount stated for a 科目 (this year's) that none of the tables' figures for that code is, in the text's
 * unit at the text's precision. Statements of the pack's own items are X17's; a code no table holds is passed over.
 */
const N09 = narrativeCheck<"narrativeSubjectAmounts">((ctx, n) => {
  const figures = figuresByCode(ctx);
  for (const s of n.sections)
    for (const p of s.paragraphs)
      for (const m of p.mentions) {
        const all = figures.get(m.code);
        // A code written with another code's name (N05 says so): which of the two the amount is of is not known.
        if (m.lastYear || m.misnamed || !all || s.statements.some((st) => st.at === p.start + m.at)) continue;
        // A blank column's 0.00 is no figure of the 科目, unless it has no other.
        const known = all.some((f) => !f.wan.isZero()) ? all.filter((f) => !f.wan.isZero()) : all;
        // The figure as written, with its unit: a mention's text ends with it.
        const amountText = /[\d,]+(?:\.\d+)?(?:万元|元)$/.exec(m.text)![0];
        const decimals = (amountText.split(".")[1] ?? "").replace(/\D.*$/, "").length;
        if (known.some((f) => ctx.within(asWritten(f.wan, m, decimals), m.amount))) continue;
        const values = [...new Set(known.map((f) => formatAmount(asWritten(f.wan, m, 2))))];
        const sentence = sentenceAt(p, m.at);
        ctx.report(p.at, {
          params: () => ({ section: s.name, item: fullWidth(m.written), stated: `${formatAmount(m.amount)}${m.unit}`, figures: figureList(known, m) }),
          actual: sentence.written,
          expected: values.length === 1 ? corrected(sentence, amountText, `${values[0]}${m.unit}`) : values.map((v) => `${v}${m.unit}`).join(" 或 "),
          related: () => known.map((f) => f.at),
        });
      }
});

/**
 * N09 also: a figure a section of the pack declares (三公 items, 机关运行经费, 政府采购 …) stated by its full name in
 * another section, against the tables. A name two sections give different figures is passed over.
 */
const N09_ITEMS = narrativeCheck<"narrativeSubjectAmounts">((ctx, n) => {
  const byName = new Map<string, { id: string; it: Item }[]>();
  for (const [id, items] of Object.entries(n.facts.sections))
    for (const it of items)
      if (it.unit === "万元" && it.amount !== null && plainText(it.name).length >= 5)
        byName.set(plainText(it.name), [...(byName.get(plainText(it.name)) ?? []), { id, it }]);
  for (const [name, owners] of byName) {
    if (owners.some((o) => !o.it.amount!.eq(owners[0].it.amount!))) continue;
    const { it } = owners[0];
    for (const s of n.sections) {
      if (owners.some((o) => o.id === s.id)) continue;
      for (const p of s.paragraphs)
        for (let at = p.plain.indexOf(name); at >= 0; at = p.plain.indexOf(name, at + 1)) {
          const stated = statedAfter(p.plain, at, at + name.length, n.lastYear);
          if (!stated || stated.lastYear || stated.unit !== "万元") continue;
          // A figure of the section's own items is X17's; a 科目's is compared by its code above.
          if (s.statements.some((st) => st.at === p.start + stated.at) || p.mentions.some((m) => m.at === stated.at)) continue;
          if (ctx.within(stated.amount, it.amount!)) continue;
          const sentence = sentenceAt(p, stated.at);
          const written = /[\d,]+(?:\.\d+)?万元$/.exec(stated.text)![0];
          ctx.report(p.at, {
            params: { section: s.name, item: it.name, stated: `${formatAmount(stated.amount)}万元`, figures: `${formatAmount(it.amount!)}万元` },
            actual: sentence.written,
            expected: corrected(sentence, written, `${formatAmount(it.amount!)}万元`),
            related: it.source,
          });
        }
    }
  }
});

/** A 科目 as compared (ASCII brackets after NFKC), shown as texts print it. */
const fullWidth = (s: string) => s.replace(/\(/g, "（").replace(/\)/g, "）");

/** The words by which a text names what it is a budget of, with the one it should use; lookbehinds keep 主管部门, 所属单位. */
function scopeWords(scope: string): { re: RegExp; want: (found: string) => string } | null {
  const other = scope === "单位" ? "部门" : scope === "部门" ? "单位" : null;
  if (!other) return null;
  const kept = other === "部门" ? "主管|工作|有关|相关|职能|各|其他" : "所属|下属|基层|预算|各|其他|用人|事业|行政";
  return {
    re: new RegExp(`本${other}(?!所属|下属)|\\d{4}年度?${other}预算|(?<!${kept})${other}预算(?=收入|支出|收支|总额|总计|编制|情况|财政拨款)`, "g"),
    want: (found) => found.replace(other, scope),
  };
}

/** N10: a 单位预算 that calls itself 部门预算 (本部门, 2025年部门预算收入…), or a 部门预算 that calls itself 单位预算. */
const N10 = narrativeCheck<"narrativeScope">((ctx, n) => {
  const words = scopeWords(ctx.pack.scope);
  if (!words) return;
  for (const s of n.sections)
    for (const p of s.paragraphs)
      for (const m of p.plain.matchAll(words.re)) {
        const sentence = sentenceAt(p, m.index!);
        ctx.report(p.at, {
          params: { section: s.name, word: m[0], scope: ctx.pack.scope, want: words.want(m[0]) },
          actual: sentence.written,
          expected: corrected(sentence, m[0], words.want(m[0])),
        });
      }
});

const OPEN = "“‘（(《【";
const CLOSE = "”’）)》】";
const MARK_NAMES: Record<string, string> = {
  "“": "左引号",
  "”": "右引号",
  "‘": "左单引号",
  "’": "右单引号",
  "（": "左括号",
  "(": "左括号",
  "）": "右括号",
  ")": "右括号",
  "《": "左书名号",
  "》": "右书名号",
  "【": "左方括号",
  "】": "右方括号",
};
/** Which opening mark a closing one pairs with: full- and half-width brackets pair either way. */
const kindOf = (ch: string) => "“”".includes(ch) ? "“" : "‘’".includes(ch) ? "‘" : "（()）".includes(ch) ? "（" : "《》".includes(ch) ? "《" : "【";
/** A numbered heading, or a short caption: no full stop asked. */
const HEADING = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])/;
/** How a title ends: a caption of a table, a chart or a part stands without a full stop. */
const TITLE = /(?:表|图|说明|情况|目录|清单|部分|解释|附件|文件)$/;
const ENDS = /[。！？；：…!?;:.]$/;
const CUT = /[，、,]$|(?:和|及|与|或|的|是|为|将|对|在|以及|包括|其中)$/;
const DOUBLED = /[。，、；,;]{2,}/g;

/** A few characters either side of `at`, for quoting. */
const around = (text: string, at: number, length: number) => text.slice(Math.max(0, at - 12), Math.min(text.length, at + length + 12));

/** The first unpaired quote or bracket of a text: where, and which. */
function unpaired(text: string): { at: number; mark: string } | null {
  const stack: { at: number; mark: string }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    // A straight quote has no side and is not counted.
    if (OPEN.includes(ch)) stack.push({ at: i, mark: ch });
    else if (CLOSE.includes(ch)) {
      const top = stack.pop();
      if (!top || kindOf(top.mark) !== kindOf(ch)) return { at: i, mark: ch };
    }
  }
  return stack[0] ?? null;
}

/** N11: doubled 。，、；, an unpaired quote or bracket, a paragraph that ends without a stop or in the middle of a sentence. */
/**
 * What a template leaves for the clerk to fill, never a sentence of a finished text: 增加（减少）, （持平）, XXX and
 * x,xxx, ××, 待填写, 主要原因是。 and 主要用于…… with nothing said (原因是： ending a paragraph leads a list, and is
 * no leftover). Matched on the text as written, spaces removed.
 */
const LEFTOVER =
  /(?:增加|增长|上升)[（(](?:减少|下降)[)）]|[（(]持平[)）]|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|[Xx],[Xx]{3}|×{2,}|待(?:填写?|补充)|(?:原因(?:是|为|在于)|用于)(?:[：:]?(?:…+|\.{3,})(?=[。；;，,]|$)|(?=[。；;，,]))/g;

const N11 = narrativeCheck<"narrativePunctuation">((ctx, n) => {
  for (const s of n.sections)
    for (const p of s.paragraphs) {
      const text = p.text.replace(/\s+/g, "");
      if (!text) continue;
      const say = (detail: string, excerpt: string, expected: string) =>
        ctx.report(p.at, { params: { section: s.name, detail, excerpt }, actual: text, expected });
      // A leftover is certainly wrong: an error, whatever the punctuation's grade; one per paragraph, naming each kind once.
      const left = [...text.matchAll(LEFTOVER)];
      if (left.length)
        ctx.report(p.at, {
          params: {
            section: s.name,
            detail: `留有模板的待填内容${[...new Set(left.map((m) => `“${m[0]}”`))].join("")}${left.length > 1 ? `共 ${left.length} 处` : ""}`,
            excerpt: around(text, left[0].index!, left[0][0].length),
          },
          actual: text,
          expected: "按实际情况填写，写明原因和用途",
          severity: "error",
        });
      for (const m of text.matchAll(DOUBLED)) say(`标点“${m[0]}”重复`, around(text, m.index!, m[0].length), text.replace(m[0], m[0][m[0].length - 1] === "。" ? "。" : m[0][0]));
      const pair = unpaired(text);
      if (pair) say(`${MARK_NAMES[pair.mark]}不成对`, around(text, pair.at, 1), "引号、括号和书名号成对使用");
      const body = text.replace(/[”’）)》】]+$/, "");
      const caption = !/[。，,；;：:]/.test(text) && (TITLE.test(body) || text.length <= 10);
      const heading = (HEADING.test(text) && !text.includes("。") && text.length <= 40) || caption;
      if (ENDS.test(body) || heading) continue;
      if (CUT.test(body)) say("段落在句子中间结束", around(text, text.length - 12, 12), `${text}……（补全句子）。`);
      else say("段落末尾缺少句号", around(text, text.length - 12, 12), `${text}。`);
    }
});

export const textKinds: Kinds<TextKind> = {
  narrativeSubjectAmounts: (ctx, check) => {
    N09(ctx, check);
    N09_ITEMS(ctx, check);
  },
  narrativeScope: N10,
  narrativePunctuation: N11,
};
