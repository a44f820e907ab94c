import { Decimal, formatAmount, judge, parseAmount, quoted } from "../../src/domain/money";

const value = (v: unknown) => {
  const p = parseAmount(v as never);
  return p.kind === "amount" ? [p.value.toFixed(2), p.normalized] : [p.kind, p.kind === "empty" ? p.normalized : p.reason];
};

describe("amount cells as clerks fill them", () => {
  it.each([
    [5307.69, ["5307.69", false]],
    ["1,234.50", ["1234.50", true]],
    ["2, 178. 00", ["2178.00", true]],
    ["７１２．６５", ["712.65", true]],
    [" 13.5 ", ["13.50", true]],
    ["(3.50)", ["-3.50", true]],
    ["-2.55", ["-2.55", true]],
    ["0", ["0.00", true]],
  ])("%j reads as an amount", (input, expected) => {
    expect(value(input)).toEqual(expected);
  });

  it.each([
    [null, ["empty", false]],
    ["", ["empty", false]],
    ["-", ["empty", true]],
    ["—", ["empty", true]],
    ["   ", ["empty", true]],
  ])("%j is empty", (input, expected) => {
    expect(value(input)).toEqual(expected);
  });

  it.each([["#REF!"], ["待填写"], ["12万元"], ["1,23.4"], [true], [new Date(2023, 0, 1)], ["(12"], ["1.2.3"]])("%j is not an amount", (input) => {
    expect(parseAmount(input as never).kind).toBe("invalid");
  });

  it("keeps binary floats out: 0.1 + 0.2 stays 0.30 exactly", () => {
    const a = parseAmount(0.1);
    const b = parseAmount(0.2);
    if (a.kind !== "amount" || b.kind !== "amount") throw new Error("not amounts");
    expect(a.value.plus(b.value).equals(new Decimal("0.3"))).toBe(true);
  });
});

describe("rounding tolerance of RULES.md", () => {
  const loose = { strict: false };
  it("is silent up to 0.01, info up to 0.005 × (n + 1), an error beyond", () => {
    expect(judge(new Decimal("0.01"), 5, loose)).toBe("ok");
    expect(judge(new Decimal("0.02"), 5, loose)).toBe("rounding");
    expect(judge(new Decimal("0.03"), 5, loose)).toBe("rounding");
    expect(judge(new Decimal("0.031"), 5, loose)).toBe("error");
    expect(judge(new Decimal("0.02"), 2, loose)).toBe("error");
    expect(judge(new Decimal("-0.12"), 23, loose)).toBe("rounding");
    expect(judge(new Decimal("0.13"), 23, loose)).toBe("error");
  });

  it("is exact in strict mode", () => {
    expect(judge(new Decimal("0.01"), 5, { strict: true })).toBe("error");
    expect(judge(new Decimal("0"), 5, { strict: true })).toBe("ok");
  });

  it("prints amounts as the tables do", () => {
    expect(formatAmount(new Decimal("5307.69"))).toBe("5,307.69");
    expect(formatAmount(new Decimal("-1090.3"))).toBe("-1,090.30");
    expect(formatAmount(new Decimal("0"))).toBe("0.00");
  });
});

describe("amounts of too many digits, and long cells quoted short", () => {
  it("reads at most 15 digits before and after the point; more is no amount", () => {
    expect(parseAmount("999999999999999.99")).toMatchObject({ kind: "amount" });
    expect(parseAmount("1234567890123456")).toEqual({ kind: "invalid", reason: "位数过多的数（整数部分 16 位、小数 0 位；金额最多各 15 位）" });
    expect(parseAmount(1e16)).toEqual({ kind: "invalid", reason: "位数过多的数（金额整数部分最多 15 位）" });
    // 100,000 digits: refused at once, not formatted.
    const huge = parseAmount("9".repeat(100_000));
    expect(huge.kind).toBe("invalid");
    expect(huge.kind === "invalid" && huge.reason.length).toBeLessThan(80);
  });

  it("quotes at most 60 characters of a cell, saying how long it was", () => {
    const text = "很长的说明".repeat(30);
    expect(quoted(text)).toBe(`${text.slice(0, 60)}…（共 150 个字符）`);
    expect(quoted("短")).toBe("短");
    const bad = parseAmount(`金额${"字".repeat(200)}`);
    expect(bad.kind === "invalid" && bad.reason.length).toBeLessThan(100);
  });
});
