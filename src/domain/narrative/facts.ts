/**
 * Every figure the 情况说明 states, section by section, as the pack's narrative declares them: read from the tables
 * (converted to 万元, the unit the texts state) and from the inputs (last year's figures, 政府采购 …). The generator
 * writes them; X17 compares the edited text with them; the N rules use the items' names only (which figure a phrase
 * speaks of), never their amounts.
 */
import type { Catalog } from "../catalog/catalog";
import type { Place } from "../finding";
import type { DisclosureInputs } from "../inputs";
import { Decimal, parseAmount, sum, YUAN_PER, type Unit } from "../money";
import type { FigureRef } from "../packs/checks";
import { isEach } from "../packs/decls";
import type { EachDecl, ItemDecl, SectionDecl } from "../packs/document";
import { unitOf } from "../packs/decls";
import { type Pack } from "../packs/schema";
import { select } from "../read/figures";
import { byCode, classRows, codeRows, econGroups, nameColumnOf, namedRows, projectsOf, shown } from "../read/model";
import { cellOf, textOf, type Disclosure, type ReadRow, type ReadTable } from "../read/read";

export interface NarrativeSource {
  pack: Pack;
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
  /** null when the table it comes from is absent, or the input is not entered: nothing to compare. */
  amount: Decimal | null;
  /** Its share of its group (percent, two decimals, the group summing to 100.00), where the text states shares. */
  share?: Decimal;
  /** Present where the text states its change from last year: last year's figure, null when not entered. */
  previous?: Decimal | null;
  /** The cells it is read from (related places of a finding). */
  source: Place[];
}

export interface NarrativeFacts {
  year: number;
  department: string;
  /** The figures of each section, by section id, in the pack's order (an `each` expanded in code order). */
  sections: Record<string, Item[]>;
  /** Names of table rows per section and names list. */
  names: Record<string, Record<string, string[]>>;
}

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

interface Figure {
  amount: Decimal | null;
  source: Place[];
}

/** The sum of `key` over `rows` of a table, in 万元 (blank as zero). */
export function fromRows(table: ReadTable, unit: Unit, rows: ReadRow[], key: string): Figure {
  const cells = rows.flatMap((r) => cellOf(table, r, key) ?? []);
  const amounts = cells.map((c) => {
    const p = parseAmount(c.value);
    return p.kind === "amount" ? p.value : null;
  });
  const total = sum(amounts);
  return {
    // The text states 万元 to two decimals: a figure of a table in 元 is the rounded one, as the text can only print it.
    amount: unit === "万元" ? total : total.times(YUAN_PER[unit]).div(YUAN_PER.万元).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
    source: cells.map((c) => ({ table: table.id, ...c.ref })),
  };
}

/** Figures of the tables, summed; no amount when a table is absent. */
function fromFigures(src: NarrativeSource, refs: FigureRef[], every: boolean): Figure {
  const parts = refs.map((ref) => {
    const found = select(src.disclosure, src.catalog, ref, every);
    if (!found) return undefined;
    return fromRows(found.table, unitOf(src.pack, found.table.decl), found.selection.rows, ref.column);
  });
  if (parts.some((p) => !p)) return { amount: null, source: [] };
  return { amount: sum(parts.map((p) => p!.amount)), source: parts.flatMap((p) => p!.source) };
}

function itemOf(src: NarrativeSource, decl: ItemDecl): Item {
  const v = decl.value;
  let figure: Figure;
  if ("figures" in v) figure = fromFigures(src, v.figures, v.every ?? false);
  else if ("inputs" in v) {
    // Figures entered by hand: none entered is nothing to state; some entered add up (the rest as zero).
    const entered = v.inputs.map((f) => src.inputs.amounts[f] ?? null);
    figure = { amount: entered.every((a) => a === null) ? null : sum(entered), source: [] };
  } else if ("count" in v) {
    const g = projectsOf(src.disclosure, v.count.table);
    figure = { amount: g ? new Decimal(g.projects.length) : null, source: [] };
  } else figure = { amount: null, source: [] };
  return {
    key: decl.key,
    name: decl.name,
    aliases: [decl.name, ...(decl.aliases ?? [])].map(plainText),
    unit: decl.unit ?? "万元",
    ...figure,
    ...(decl.previous ? { previous: src.inputs.amounts[decl.previous] ?? null } : {}),
  };
}

const LEVELS = { 类: 3, 款: 5, 项: 7 } as const;

/**
 * One item per 类 of the catalogue (read from a summary table's 类 rows by name, or a code table's 类 rows by code; a
 * 类 not printed is 0.00, named as the catalogue names it), or per code of a lower level printed in code tables (added
 * up by code across the tables, in code order), named with the row's own name or its path 类（类）款（款）项（项）.
 */
function eachOf(src: NarrativeSource, decl: EachDecl): Item[] {
  const digits = LEVELS[decl.each];
  const byKey = new Map<string, { name: string; path: string; parts: Figure[] }>();
  const previous = decl.previous ? (src.inputs.byCode[decl.previous] ?? {}) : undefined;
  const add = (code: string, name: string, path: string, figure: Figure) => {
    const entry = byKey.get(code) ?? { name, path, parts: [] };
    entry.parts.push(figure);
    byKey.set(code, entry);
  };
  if (decl.each === "类") for (const c of src.catalog.classNames()) byKey.set(c.code, { name: c.name, path: `${c.name}（类）`, parts: [] });
  for (const t of decl.tables) {
    const table = src.disclosure.tables.get(t.table);
    if (!table) continue;
    const unit = unitOf(src.pack, table.decl);
    if (t.label) {
      for (const c of classRows(table, src.catalog, t.label))
        add(c.code, byKey.get(c.code)?.name ?? c.code, "", fromRows(table, unit, [c.row], t.column));
      continue;
    }
    const code = t.code ?? table.decl.columns.find((c) => c.kind === "code")!.key;
    const nameKey = nameColumnOf(table, code);
    const rows = codeRows(table, code);
    const nameOf = (c: string) => {
      const row = rows.find((r) => r.code === c)?.row;
      return (row && nameKey ? shown(table, row, nameKey) : "") || src.catalog.get("functional", c)?.name || c;
    };
    // The first row of a code printed twice, as the cross checks take it.
    for (const [c, row] of byCode(table, code)) {
      if (c.length !== digits) continue;
      const path = [3, 5, 7]
        .filter((n) => n <= digits)
        .map((n, i) => `${nameOf(c.slice(0, n))}（${["类", "款", "项"][i]}）`)
        .join("");
      add(c, byKey.get(c)?.name ?? nameOf(c), path, fromRows(table, unit, [row], t.column));
    }
  }
  const codes = [...byKey.keys()].sort();
  return codes.map((code) => {
    const e = byKey.get(code)!;
    const name = decl.name.replace(/\{name\}/g, e.name).replace(/\{path\}/g, e.path);
    return {
      key: `${decl.key}:${code}`,
      name,
      aliases: [plainText(name)],
      unit: "万元" as const,
      amount: sum(e.parts.map((p) => p.amount)),
      source: e.parts.flatMap((p) => p.source),
      ...(previous ? { previous: previous[code] ?? null } : {}),
    };
  });
}

/** Gives each item of a share group its share of the group. */
function withShares(items: { item: Item; group?: string }[]): Item[] {
  const groups = new Map<string, number[]>();
  items.forEach(({ group }, i) => group && groups.set(group, [...(groups.get(group) ?? []), i]));
  const out = items.map(({ item }) => item);
  for (const members of groups.values()) {
    const s = shares(members.map((i) => out[i].amount ?? new Decimal(0)));
    members.forEach((i, k) => (out[i] = { ...out[i], share: s[k] }));
  }
  return out;
}

function sectionItems(src: NarrativeSource, section: SectionDecl): Item[] {
  return withShares(
    section.items.flatMap((decl) =>
      isEach(decl) ? eachOf(src, decl).map((item) => ({ item, group: decl.shares })) : [{ item: itemOf(src, decl), group: decl.shares }],
    ),
  );
}

/** Names of a table's rows with an amount other than zero in a column, each once, in table order. */
function rowNames(src: NarrativeSource, table: ReadTable | undefined, label: string, column: string, gov?: string): string[] {
  if (!table) return [];
  const rows = gov ? econGroups(table, src.catalog, label, gov).groups.flatMap((g) => g.items) : namedRows(table, label);
  const unit = unitOf(src.pack, table.decl);
  // An item paid to 机关 and to 事业单位 stands twice (under two 政府经济科目); the text names it once.
  return [...new Set(rows.filter((r) => !fromRows(table, unit, [r], column).amount!.isZero()).map((r) => textOf(table, r, label)))];
}

export function narrativeFacts(src: NarrativeSource): NarrativeFacts {
  const sections: Record<string, Item[]> = {};
  const names: Record<string, Record<string, string[]>> = {};
  for (const section of src.pack.narrative?.sections ?? []) {
    sections[section.id] = sectionItems(src, section);
    names[section.id] = Object.fromEntries(
      Object.entries(section.names ?? {}).map(([name, d]) => [name, rowNames(src, src.disclosure.tables.get(d.table), d.label, d.column, d.gov)]),
    );
  }
  return { year: src.year, department: src.department, sections, names };
}
