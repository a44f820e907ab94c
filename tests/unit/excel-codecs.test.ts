/**
 * The pure parts of the Excel adapter — the marks record and the error mapping — on plain inputs, without
 * office.js or its mock. The stamp's codec is the domain's (stamp.ts), tested with the port.
 */
import { SheetExistsError } from "../../src/domain/port";
import { toUserError } from "../../src/excel/errors";
import { cellKey, MARKS_NAMESPACE, marksFromXml, marksToXml, type MarkedCell } from "../../src/excel/marks-xml";

const EDIT_MODE = "Excel 正处于单元格编辑状态，请按 Enter 或 Esc 后重试。";

describe("marks record", () => {
  const HATCHED = { color: "#DDDDDD", pattern: "Gray25", patternColor: "#FF0000", tintAndShade: 0, patternTintAndShade: -0.2 } as const;

  it("writes each cell's fill as attributes, in its namespace", () => {
    expect(marksToXml([{ sheet: "表1", cell: "D12", fill: { color: "#FFFF00", pattern: "Solid", tintAndShade: 0.4 } }])).toBe(
      `<marks xmlns="${MARKS_NAMESPACE}"><cell sheet="表1" cell="D12" color="#FFFF00" pattern="Solid" tintAndShade="0.4"/></marks>`,
    );
    expect(marksToXml([])).toBe(`<marks xmlns="${MARKS_NAMESPACE}"></marks>`);
  });

  it("round-trips cells in order: every fill property, escaped sheet names, negative and zero numbers, no fill", () => {
    const cells: MarkedCell[] = [
      { sheet: `a"<>&'b`, cell: "AA10", fill: { ...HATCHED } },
      { sheet: "表 2\n（续）", cell: "B3", fill: { pattern: "None" } },
      { sheet: "表1", cell: "XFD1048576", fill: { color: "#FFFFFF", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 } },
    ];
    const xml = marksToXml(cells);
    expect(xml).toContain(`<cell sheet="a&quot;&lt;&gt;&amp;&apos;b" cell="AA10" `);
    expect(marksFromXml(xml)).toEqual(cells);
    expect(marksFromXml(marksToXml([]))).toEqual([]);
  });

  it("reads the record as Excel may hand it back: a declaration, single quotes, a raw > in a value, other elements", () => {
    const back =
      `<?xml version="1.0" encoding="utf-8"?>\n<marks xmlns='${MARKS_NAMESPACE}'>` +
      `<cell sheet='x>y' cell='B2' pattern='None' tintAndShade = '-0.5'></cell><note/><cell cell="C3"/></marks>`;
    expect(marksFromXml(back)).toEqual([{ sheet: "x>y", cell: "B2", fill: { pattern: "None", tintAndShade: -0.5 } }]);
  });

  it("skips malformed entries and drops numbers that are not numbers", () => {
    const xml =
      `<marks xmlns="${MARKS_NAMESPACE}">` +
      `<cell cell="A1" pattern="Solid"/>` + // no sheet
      `<cell sheet="" cell="A1" pattern="Solid"/>` + // empty sheet
      `<cell sheet="表1" pattern="Solid"/>` + // no cell
      `<cell sheet="表1" cell="a1" pattern="Solid"/>` + // not an A1 cell
      `<cell sheet="表1" cell="A1:B2" pattern="Solid"/>` + // a range, not a cell
      `<cell sheet="表1" cell="R1C1" pattern="Solid"/>` +
      `<cell sheet="表1" cell="A1" color="#FF0000"/>` + // no pattern: no way to restore it
      `<cell sheet="表1" cell="C4" pattern="Solid" tintAndShade="pale" patternTintAndShade=""/>` +
      `<cell sheet="表1" cell="E5" pattern="Solid"`; // cut off
    expect(marksFromXml(xml)).toEqual([{ sheet: "表1", cell: "C4", fill: { pattern: "Solid" } }]);
  });

  it("reads nothing from what is not a record", () => {
    expect(marksFromXml("")).toEqual([]);
    expect(marksFromXml("not xml at all")).toEqual([]);
    expect(marksFromXml(`<stamp xmlns="urn:budget-disclosure:stamp" pack="x" version="1" department="d" year="2023"/>`)).toEqual([]);
  });

  it("keys a cell by sheet and address", () => {
    expect(cellKey({ sheet: "表1", cell: "D12" })).toBe("表1!D12");
    expect(cellKey({ sheet: "表2", cell: "D12" })).not.toBe(cellKey({ sheet: "表1", cell: "D12" }));
  });
});

describe("toUserError", () => {
  const message = (error: unknown) => (error as Error).message;

  it("maps cell edit mode to the Chinese hint, whatever code the host uses", () => {
    expect(message(toUserError({ code: "InvalidOperationInCellEditMode", message: "Excel is in cell-editing mode." }))).toBe(EDIT_MODE);
    expect(message(toUserError({ code: "GeneralException", message: "The operation failed: cell EDIT MODE" }))).toBe(EDIT_MODE);
  });

  it("maps known codes, and falls back to the code and its message for unknown ones", () => {
    expect(message(toUserError({ code: "InvalidArgument", message: "x" }))).toContain("参数无效");
    expect(message(toUserError({ code: "ItemAlreadyExists", message: "x" }))).toContain("同名的工作表");
    expect(message(toUserError({ code: "AccessDenied", message: "x" }))).toContain("受保护");
    expect(message(toUserError({ code: "GeneralException", message: "x" }))).toContain("处理请求时出错");
    expect(message(toUserError({ code: "RangeExceedsLimit", message: "too big" }))).toBe("Excel 操作失败（RangeExceedsLimit）：too big");
  });

  it("names what was missing for ItemNotFound only", () => {
    const notFound = "找不到工作表“表9”，它可能已被删除或改名。";
    expect(message(toUserError({ code: "ItemNotFound", message: "x" }, notFound))).toBe(notFound);
    expect(message(toUserError({ code: "ItemNotFound", message: "x" }))).toBe("找不到要操作的工作表或单元格，它可能已被删除或改名。");
    expect(message(toUserError({ code: "InvalidArgument", message: "x" }, notFound))).not.toBe(notFound);
  });

  it("keeps the Office error as the cause", () => {
    const office = { code: "AccessDenied", message: "The sheet is protected." };
    const mapped = toUserError(office);
    expect(mapped).toBeInstanceOf(Error);
    expect((mapped as Error).cause).toBe(office);
  });

  it("passes through what is not an Office error", () => {
    const own = new SheetExistsError(["表1"]);
    const plain = new Error("boom");
    const numeric = { code: 5, message: "x" };
    for (const error of [own, plain, numeric, "text", null, undefined]) expect(toUserError(error)).toBe(error);
  });
});
