/**
 * The text part of a pack: the sections of its 情况说明 with the figures each states and the sentence patterns that
 * state them, the glossary, the charts, and the order of the published document. Data only; the narrative code fills
 * the patterns, reads edited texts back and compares them, and the export lays the document out in this order.
 *
 * A pattern is text with placeholders in braces: {year}, {lastYear}, {department}, {subject}, {scope} (部门 or 单位);
 * {KEY} (a figure of the section, with its unit: 5,307.69万元, 24个), {KEY.name}, {KEY.share} (20.54%),
 * {KEY.previous} (last year's figure), {KEY.change} and {KEY.change:STYLE} (the change from last year, worded by a
 * change style); {list:NAME} (a list of the section's figures), {names:NAME} (names of a table's rows), {text:FIELD}
 * (an input text, 无 when empty).
 * A part in [[ ]] is printed only when every placeholder in it has something to say (last year's figure entered, a
 * list not empty).
 */
import { z } from "zod";
import { figureRefSchema } from "./checks";

const key = z.string().regex(/^[a-z][a-zA-Z0-9_]*$/, "应为英文字母开头的标识符");
const field = z.string().regex(/^[a-z][a-zA-Z0-9_]*(\.[a-z][a-zA-Z0-9_]*)*$/, "应为 overview.duties 形式的字段名");
const tableId = z.string().regex(/^T\d{2}$/, "应为 T01 形式的表号");

/** Where a figure comes from: cells of the tables (summed), input fields (summed), a count of projects, or nothing yet. */
const sourceSchema = z.union([
  z.object({ figures: z.array(figureRefSchema).min(1), every: z.boolean().optional() }).strict(),
  z.object({ inputs: z.array(field).min(1) }).strict(),
  z.object({ count: z.object({ table: tableId }).strict() }).strict(),
  z.object({ stated: z.literal(true) }).strict(),
]);

const itemSchema = z
  .object({
    key,
    /** How the generated text names it. */
    name: z.string().min(1),
    /** Other names a text may give it; the one standing last before a figure names it. */
    aliases: z.array(z.string().min(1)).optional(),
    unit: z.enum(["万元", "个"]).optional(),
    value: sourceSchema,
    /** The input field holding last year's figure: the text states the change. */
    previous: field.optional(),
    /** Items of a section with the same share group state their share of the group's total (summing to 100.00%). */
    shares: key.optional(),
  })
  .strict();

/**
 * One item per row of a table at a level of its codes: every 类 of the catalogue in a summary table's label column
 * (`label`), or every code of a level printed in code tables (`code`: 类, 款 or 项; several tables add up by code).
 * Keys are `key:CODE`; `previous` names an input table of last year's figures by code.
 */
const eachSchema = z
  .object({
    each: z.enum(["类", "款", "项"]),
    key,
    tables: z.array(z.object({ table: tableId, column: key, label: key.optional(), code: key.optional() }).strict()).min(1),
    previous: field.optional(),
    shares: key.optional(),
    /** How an item is named: {name} the row's own name, {path} 类（类）款（款）项（项）. */
    name: z.string().min(1).default("{name}"),
  })
  .strict();

/** A list placeholder: the items (by key, or all of an `each` by its key) in one format, joined. */
const listSchema = z
  .object({
    items: z.array(key).min(1),
    /** Placeholders {n} (1, 2 …), {name}, {amount}, {share}, {previous}, {change} and {change:STYLE}. */
    format: z.string().min(1),
    join: z.string(),
    /** Only the items with an amount other than zero. */
    nonZero: z.boolean().optional(),
    /** Printed before and after the list when it is not empty. */
    before: z.string().optional(),
    after: z.string().optional(),
  })
  .strict();

/** Names of a table's rows with an amount in `column` (of economic items when `gov` names the 政府经济科目 column). */
const namesSchema = z
  .object({
    table: tableId,
    label: key,
    column: key,
    gov: key.optional(),
    join: z.string(),
    before: z.string().optional(),
    after: z.string().optional(),
  })
  .strict();

const paragraphSchema = z.union([z.string(), z.object({ text: z.string(), when: z.enum(["forms"]) }).strict()]);

const sectionSchema = z
  .object({
    id: key,
    /** 一 … 十二, printed before the title (一、); empty for a section printed without a heading. */
    number: z.string(),
    /** With {year} where the title states the year. */
    title: z.string().min(1),
    items: z.array(z.union([itemSchema, eachSchema])),
    lists: z.record(listSchema).optional(),
    names: z.record(namesSchema).optional(),
    text: z.array(paragraphSchema).min(1),
  })
  .strict();

/** How a change from last year is worded: {than}增加X万元，增长Y% · {same}. */
const changeStyleSchema = z
  .object({
    /** 比上年 · 比{lastYear}年预算数 · {year}年较{lastYear}年. */
    than: z.string(),
    /** The whole clause when nothing changed: ，与上年持平. */
    same: z.string(),
    /** Printed before the clause (，), when it is not the `same` one. */
    lead: z.string().default("，"),
    /** Whether the clause states the amount of the change, and the rate. */
    amount: z.boolean().default(true),
    rate: z.boolean().default(true),
    /** The words for up and down before the amount, and before the rate. */
    words: z.tuple([z.string(), z.string()]).default(["增加", "减少"]),
    rateWords: z.tuple([z.string(), z.string()]).default(["增长", "下降"]),
  })
  .strict();

/** A sheet the clerk edits the text on: its title (found on any sheet, any year) and the sections it holds. */
const narrativeSheetSchema = z.object({ name: z.string().min(1), title: z.string().min(1), sections: z.array(key).min(1) }).strict();

export const narrativeSchema = z
  .object({
    sheets: z.array(narrativeSheetSchema).min(1),
    /** Change styles by name; `default` words {KEY.change}. */
    changes: z.record(changeStyleSchema).refine((c) => "default" in c, "应有名为 default 的增减表述"),
    sections: z.array(sectionSchema).min(1),
    /**
     * Words of figures of another kind than the text's own, which no item states: a budget's text may cite 决算; a 决算
     * text cites 年初预算. A figure (or a change) with them is not read as the item's. Words, never patterns.
     */
    otherKinds: z.array(z.string().min(1).max(20)).min(1).default(["决算"]),
  })
  .strict();

/** A chart of the document: 类 of a code table (pie), or figures side by side (bar); after a section of the text. */
const chartSchema = z.union([
  z.object({ title: z.string().min(1), after: key, classes: z.object({ table: tableId, code: key, column: key }).strict() }).strict(),
  z
    .object({ title: z.string().min(1), after: key, bars: z.array(z.object({ name: z.string().min(1), figure: figureRefSchema }).strict()).min(1) })
    .strict(),
]);

/** A part of the published document, in order. */
const partSchema = z.union([
  /** Input texts, each under its heading. */
  z.object({ kind: z.literal("texts"), title: z.string(), texts: z.array(z.object({ title: z.string(), field }).strict()).min(1) }).strict(),
  /** The tables; `line` is how the 目录 lists each ({number}, {cnumber} in Chinese, {title}). */
  z.object({ kind: z.literal("tables"), title: z.string(), line: z.string().default("{title}") }).strict(),
  /** Sections of the 情况说明 (with their charts, and the forms after `forms` when given). */
  z.object({ kind: z.literal("narrative"), title: z.string(), sections: z.array(key).min(1), contents: z.boolean().default(true) }).strict(),
  z.object({ kind: z.literal("glossary"), title: z.string() }).strict(),
]);

export const documentSchema = z
  .object({
    /** The cover's lines, large and centred. */
    cover: z.array(z.string().min(1)).min(1),
    parts: z.array(partSchema).min(1),
    /**
     * The 项目支出绩效目标表: one per project of `table` (its `amount` column, converted to 元, prefilled), printed
     * after the section `after` of the 情况说明.
     */
    forms: z.object({ table: tableId, amount: key, after: key }).strict().optional(),
    charts: z.array(chartSchema),
    /** How a glossary entry is numbered: {n} in Chinese numerals, as 一、 or （一）. */
    glossaryNumber: z.string().min(1),
  })
  .strict();

export const glossaryEntrySchema = z.object({ term: z.string().min(1), text: z.string().min(1) }).strict();

export type SectionDecl = z.infer<typeof sectionSchema>;
export type ItemDecl = z.infer<typeof itemSchema>;
export type EachDecl = z.infer<typeof eachSchema>;
export type ChangeStyle = z.infer<typeof changeStyleSchema>;

/** The placeholders of a pattern, without their braces. */
export function placeholders(pattern: string): string[] {
  return [...pattern.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
}
