/**
 * The 部门预算公开 document: cover, 目录, 第一部分 概况, 第二部分 the tables, 第三部分 情况说明 with its two charts
 * and the performance forms, 第四部分 名词解释. A4; a table too wide for portrait gets a landscape section.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TextRun,
  type ISectionOptions,
} from "docx";
import { TextWatermark } from "docx/watermarks";
import type { DisclosureInputs, GlossaryEntry, NarrativeSection } from "../inputs";
import type { SheetPlan } from "../render/plan";
import { FANG, face, formTable, planBlocks, SONG } from "./word-tables";
import { chineseNumber } from "../chinese-number";

/** A chart drawn for the document: its caption and PNG, placed after a section of 第三部分. */
export interface WordChart {
  title: string;
  /** The section it follows: 五 (当年拨款结构) or 七 (三公经费). */
  after: string;
  /** Absent when the tables give nothing to draw. */
  png?: Uint8Array;
  width: number;
  height: number;
}

export interface WordInput {
  department: string;
  year: number;
  plans: SheetPlan[];
  inputs: DisclosureInputs;
  narrative: NarrativeSection[];
  glossary: GlossaryEntry[];
  contents: string[];
  charts: WordChart[];
  /** The mark on every page: 草稿, and whether the checks still find errors. */
  draft: { errors: number } | null;
}

const A4 = { width: 11906, height: 16838 };
const MARGIN = 1418; // 2.5 cm
const TEXT_WIDTH = { portrait: A4.width - 2 * MARGIN, landscape: A4.height - 2 * MARGIN };
/** Wider than this (in the plan's characters) a table is set landscape, as its sheet prints. */
const PORTRAIT_MAX_CHARS = 100;

const BODY_SIZE = 28; // 14 pt (四号), 仿宋 as official texts are set
const body = (text: string) =>
  new Paragraph({
    indent: { firstLine: BODY_SIZE * 20 }, // two characters
    spacing: { line: 360, after: 0 },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: face(FANG), size: BODY_SIZE })],
  });
const paragraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map(body);

const part = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
const section = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
const centered = (text: string, size: number, bold = true, before = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before, after: 240 }, children: [new TextRun({ text, bold, size, font: face(SONG) })] });

function chartBlocks(chart: WordChart): Paragraph[] {
  if (!chart.png) return [body(`${chart.title}：本年度无相关数据，不附图。`)];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 240 },
      children: [
        new ImageRun({
          type: "png",
          data: chart.png,
          transformation: { width: chart.width, height: chart.height },
          altText: { name: chart.title, title: chart.title, description: chart.title },
        }),
      ],
    }),
    centered(chart.title, 24),
  ];
}

export async function buildDocx(input: WordInput): Promise<Uint8Array> {
  const { department, year, inputs } = input;

  const header = () =>
    input.draft
      ? {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: input.draft.errors > 0 ? "草稿（未通过校验）" : "草稿", bold: true, color: "C00000", size: 21, font: face(SONG) }),
                  new TextWatermark({ text: "草稿", font: SONG, color: "D9D9D9", opacity: 0.5 }),
                ],
              }),
            ],
          }),
        }
      : undefined;
  const footer = () => ({
    default: new Footer({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: 21 })] })],
    }),
  });
  const page = (orientation: "portrait" | "landscape", start?: number) => ({
    // docx swaps width and height itself for a landscape page.
    size: { ...A4, orientation: orientation === "portrait" ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE },
    margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    ...(start !== undefined ? { pageNumbers: { start } } : {}),
  });

  const cover: ISectionOptions = {
    properties: { page: page("portrait") },
    headers: header(),
    children: [
      centered(department, 52, true, 3600),
      centered(`${year}年度部门预算公开`, 52),
      new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [new TextRun({ text: "目　录", bold: true, size: 32, font: face(SONG) })] }),
      ...input.contents.map((line) => {
        const isPart = /^第.部分/.test(line.trim());
        return new Paragraph({
          indent: isPart ? undefined : { left: 420 },
          spacing: { line: 360 },
          children: [new TextRun({ text: line.trim(), bold: isPart, size: 24, font: face(SONG) })],
        });
      }),
    ],
  };

  const overview: ISectionOptions = {
    properties: { page: page("portrait", 1) },
    headers: header(),
    footers: footer(),
    children: [
      part("第一部分 概况"),
      section("一、本部门职责"),
      ...paragraphs(inputs.overview.duties),
      section("二、机构设置情况"),
      ...paragraphs(inputs.overview.organization),
    ],
  };

  const tables: ISectionOptions[] = input.plans.map((plan, i) => {
    const orientation = plan.columnWidths.reduce((s, w) => s + w, 0) > PORTRAIT_MAX_CHARS ? "landscape" : "portrait";
    return {
      properties: { page: page(orientation) },
      headers: header(),
      footers: footer(),
      children: [...(i === 0 ? [part(`第二部分 ${year}年部门预算报表`)] : []), ...planBlocks(plan, TEXT_WIDTH[orientation])],
    };
  });

  // Charts follow their sections (五, 七), the forms section 十; whatever finds no section comes at the end.
  const forms = inputs.forms.flatMap((form) => [
    centered(`项目支出绩效目标表（${form.project}）`, 24, true, 240),
    formTable(form, TEXT_WIDTH.portrait),
  ]);
  const numbers = new Set(input.narrative.map((s) => s.number));
  const explanation: (Paragraph | Table)[] = [
    part(`第三部分 ${year}年度部门预算情况说明`),
    ...input.narrative.flatMap((s) => [
      section(`${s.number}、${s.title}`),
      ...paragraphs(s.text),
      ...input.charts.filter((c) => c.after === s.number).flatMap(chartBlocks),
      ...(s.number === "十" ? forms : []),
    ]),
    ...input.charts.filter((c) => !numbers.has(c.after)).flatMap(chartBlocks),
    ...(numbers.has("十") ? [] : forms),
  ];

  const glossary = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun("第四部分 名词解释")] }),
    ...input.glossary.map(
      (g, i) =>
        new Paragraph({
          indent: { firstLine: BODY_SIZE * 20 },
          spacing: { line: 360 },
          alignment: AlignmentType.JUSTIFIED,
          children: [
            new TextRun({ text: `${chineseNumber(i + 1)}、${g.term}：`, bold: true, font: face(FANG), size: BODY_SIZE }),
            new TextRun({ text: g.text, font: face(FANG), size: BODY_SIZE }),
          ],
        }),
    ),
  ];

  const doc = new Document({
    creator: department,
    title: `${department}${year}年度部门预算公开`,
    styles: {
      default: {
        document: { run: { font: face(SONG), size: 24 } },
        heading1: {
          run: { font: face(SONG), size: 32, bold: true, color: "000000" },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 360 } },
        },
        heading2: {
          run: { font: face(SONG), size: 28, bold: true, color: "000000" },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
      },
    },
    sections: [
      cover,
      overview,
      ...tables,
      { properties: { page: page("portrait") }, headers: header(), footers: footer(), children: [...explanation, ...glossary] },
    ],
  });
  return Packer.pack(doc, "uint8array");
}
