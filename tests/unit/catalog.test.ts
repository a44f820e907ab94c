import {
  builtinCatalog,
  classOf,
  importCatalog,
  levelOf,
  normalizeCode,
  normalizeName,
} from "../../src/domain/catalog/catalog";

const catalog = builtinCatalog(2023);

describe("built-in catalogue lookups", () => {
  it("finds codes of every level with their names", () => {
    expect(catalog.get("functional", "2011301")).toEqual({ code: "2011301", name: "行政运行", level: "项", variants: [] });
    expect(catalog.get("functional", "20113")?.name).toBe("商贸事务");
    expect(catalog.get("functional", "201")?.level).toBe("类");
    expect(catalog.get("econDept", "30213")?.name).toBe("维修（护）费");
    expect(catalog.get("econGov", "50101")?.name).toBe("工资奖金津补贴");
    expect(catalog.get("income", "1030148")?.name).toBe("国有土地使用权出让收入");
    expect(catalog.get("functional", "30101")).toBeUndefined();
  });

  it("derives level and class from the code", () => {
    expect(["201", "20113", "2011301", "2011", "20113011", "20A"].map(levelOf)).toEqual(["类", "款", "项", undefined, undefined, undefined]);
    expect(classOf("2011301")).toBe("201");
    expect(normalizeCode(2010101)).toBe("2010101");
    expect(normalizeCode(" ２０１ ")).toBe("201");
  });

  it("lists the 30 类 in official order, ending with 抗疫特别国债安排的支出", () => {
    const classes = catalog.classNames();
    expect(classes).toHaveLength(30);
    expect(classes[0]).toMatchObject({ code: "201", name: "一般公共服务支出" });
    expect(classes[29]).toMatchObject({ code: "234", name: "抗疫特别国债安排的支出" });
    expect(classes.find((c) => c.code === "210")?.name).toBe("卫生健康支出");
    const codes = classes.map((c) => Number(c.code));
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    expect(codes).not.toContain(218);
  });

  it("lists entries by code, a parent before its children", () => {
    const codes = catalog.entries("functional").map((e) => e.code);
    expect(codes.indexOf("201")).toBeLessThan(codes.indexOf("2010101"));
    expect(codes.indexOf("20113")).toBeLessThan(codes.indexOf("2011301"));
    expect(codes.indexOf("2011399")).toBeLessThan(codes.indexOf("20129"));
    expect(codes).toHaveLength(153);
  });
});

describe("name comparison", () => {
  it("ignores whitespace and full/half width", () => {
    expect(normalizeName("一般公共服 务支出")).toBe("一般公共服务支出");
    expect(normalizeName("ＡＢ１２\u3000（境）")).toBe("AB12(境)");
    expect(catalog.nameMatches("functional", "201", "一般公共服 务支出")).toBe(true);
    expect(catalog.nameMatches("functional", "201", " 一般公共服务支出\n")).toBe(true);
    expect(catalog.nameMatches("econDept", "30213", "维修(护)费")).toBe(true);
    expect(catalog.nameMatches("econDept", "30212", "因公出国 (境) 费用")).toBe(true);
    // Kangxi radicals (⼯, ⽀) are what PDF text extraction often yields.
    expect(catalog.nameMatches("econDept", "301", "⼯资福利⽀出")).toBe(true);
  });

  it("accepts recorded variants and nothing else", () => {
    expect(catalog.nameMatches("functional", "20805", "行政事业单位养老支出")).toBe(true);
    expect(catalog.nameMatches("functional", "20805", "行政事业单位离退休")).toBe(true);
    expect(catalog.nameMatches("functional", "20805", "行政单位离退休")).toBe(false);
    expect(catalog.nameMatches("functional", "210", "医疗卫生与计划生育支出")).toBe(false);
    expect(catalog.nameMatches("functional", "2019999", "行政运行")).toBe(false);
  });
});

describe("coverage", () => {
  it("marks no built-in kind complete", () => {
    for (const kind of ["functional", "econDept", "econGov", "income"] as const) {
      expect(catalog.coverage(kind).complete).toBe(false);
    }
  });

  it("trusts the absence of a 类 but not of a 款 or 项 under a known 类", () => {
    expect(catalog.get("functional", "2019999")).toBeUndefined();
    expect(catalog.isAuthoritative("functional", "2019999")).toBe(false);
    expect(catalog.isAuthoritative("functional", "20102")).toBe(false);
    expect(catalog.get("functional", "299")).toBeUndefined();
    expect(catalog.isAuthoritative("functional", "299")).toBe(true);
    expect(catalog.isAuthoritative("functional", "2990101")).toBe(true);
    expect(catalog.isAuthoritative("functional", "218")).toBe(true);
  });

  it("trusts the absence of a 款 under 301/302/303 only", () => {
    expect(catalog.isAuthoritative("econDept", "30115")).toBe(true);
    expect(catalog.isAuthoritative("econDept", "30230")).toBe(true);
    expect(catalog.isAuthoritative("econDept", "30312")).toBe(true);
    expect(catalog.isAuthoritative("econDept", "31014")).toBe(false);
    expect(catalog.isAuthoritative("econDept", "307")).toBe(false);
    expect(catalog.isAuthoritative("econGov", "50104")).toBe(false);
    expect(catalog.isAuthoritative("income", "10102")).toBe(false);
  });
});

describe("search", () => {
  it("finds a 款 by name, with the 项 under it, ordered by code", () => {
    const codes = catalog.search("functional", "商贸", 50).map((e) => e.code);
    expect(codes).toEqual(["20113", "2011301", "2011302", "2011304", "2011307", "2011350", "2011399"]);
  });

  it("finds by code prefix and normalised name, up to the limit", () => {
    expect(catalog.search("functional", "20805").map((e) => e.code)).toEqual([
      "20805",
      "2080501",
      "2080502",
      "2080505",
      "2080506",
      "2080599",
    ]);
    expect(catalog.search("functional", "２０８０５", 2).map((e) => e.code)).toEqual(["20805", "2080501"]);
    expect(catalog.search("econDept", "维修(护)").map((e) => e.code)).toEqual(["30213"]);
    expect(catalog.search("functional", "离退休").map((e) => e.code)).toContain("20805");
    expect(catalog.search("functional", "不存在的科目")).toEqual([]);
  });
});

describe("economic correspondence", () => {
  it("maps a 部门经济科目 to every 政府经济科目 seen for it", () => {
    expect(catalog.govFor("基本工资")).toEqual(["工资奖金津补贴", "工资福利支出"]);
    expect(catalog.govFor(" 办公费 ")).toEqual(["办公经费", "商品和服务支出"]);
    expect(catalog.govFor("劳务费")).toEqual(["委托业务费"]);
    expect(catalog.govFor("不存在")).toEqual([]);
  });

  it("keeps codes and unit types from the correspondence table", () => {
    const pairs = catalog.econPairs();
    expect(pairs).toHaveLength(40 + 43);
    expect(pairs[0]).toEqual({
      deptCode: "30101",
      deptName: "基本工资",
      govCode: "50101",
      govName: "工资奖金津补贴",
      unitType: "机关",
      note: null,
      source: "map",
    });
    expect(pairs.find((p) => p.deptCode === "30101" && p.govCode === "50501")?.unitType).toBe("事业单位");
    expect(pairs.find((p) => p.deptCode === "30302")).toMatchObject({ unitType: null, govName: "离退休费" });
    expect(pairs.filter((p) => p.source === "seen").every((p) => p.deptCode === null)).toBe(true);
  });
});

describe("importing an official catalogue", () => {
  const rows = [
    ["2024年政府收支分类科目", null, null],
    ["科目编码", "科目名称", "说明"],
    [201, "一般公共服务支出", null],
    [20101, "人大事务", null],
    [null, null, "备注"],
    ["2010101", " 行政运行 ", null],
    [208, "社会保障和就业支出", null],
    [20805, "行政事业单位养老支出", null],
  ];

  it("reads header, numeric codes and blank rows, and declares the kind complete", () => {
    const imported = importCatalog(2024, "functional", rows);
    expect(imported.year).toBe(2024);
    expect(imported.coverage("functional").complete).toBe(true);
    expect(imported.entries("functional").map((e) => [e.code, e.name, e.level])).toEqual([
      ["201", "一般公共服务支出", "类"],
      ["20101", "人大事务", "款"],
      ["2010101", "行政运行", "项"],
      ["208", "社会保障和就业支出", "类"],
      ["20805", "行政事业单位养老支出", "款"],
    ]);
    expect(imported.get("functional", "20113")).toBeUndefined();
    expect(imported.isAuthoritative("functional", "2011301")).toBe(true);
    expect(imported.nameMatches("functional", "20805", "行政事业单位离退休")).toBe(true);
    expect(imported.classNames().map((c) => c.code)).toEqual(["201", "208"]);
  });

  it("keeps the other kinds as they were", () => {
    const imported = importCatalog(2024, "functional", rows);
    expect(imported.coverage("econDept").complete).toBe(false);
    expect(imported.get("econDept", "30101")?.name).toBe("基本工资");
    expect(imported.isAuthoritative("econDept", "30115")).toBe(true);
    expect(imported.isAuthoritative("econGov", "50104")).toBe(false);
    const both = importCatalog(2024, "econGov", [[50101, "工资奖金津补贴"]], imported);
    expect(both.coverage("functional").complete).toBe(true);
    expect(both.coverage("econGov").complete).toBe(true);
    expect(both.get("functional", "20101")?.name).toBe("人大事务");
  });

  it("takes the first two columns when there is no header", () => {
    const imported = importCatalog(2024, "econDept", [
      ["30101", "基本工资"],
      [30102, "津贴补贴"],
    ]);
    expect(imported.entries("econDept").map((e) => e.code)).toEqual(["30101", "30102"]);
    expect(imported.isAuthoritative("econDept", "307")).toBe(true);
  });

  it("names the row of a malformed, foreign or repeated code, or of a missing name", () => {
    const header = ["编码", "名称"];
    expect(() => importCatalog(2024, "functional", [header, [201, "一般公共服务支出"], ["20A01", "x"]])).toThrow(
      "第3行：科目编码“20A01”格式不正确，应为 3、5 或 7 位数字",
    );
    expect(() => importCatalog(2024, "functional", [header, [2011, "x"]])).toThrow(/^第2行：/);
    expect(() => importCatalog(2024, "functional", [header, [30101, "基本工资"]])).toThrow(
      "第2行：科目编码“30101”不是支出功能分类科目（应以 2 开头）",
    );
    expect(() => importCatalog(2024, "functional", [header, [201, "a"], [null, null], [201, "b"]])).toThrow(
      "第4行：科目编码“201”与第2行重复",
    );
    expect(() => importCatalog(2024, "functional", [header, [201, null]])).toThrow("第2行：科目编码“201”缺少名称");
    expect(() => importCatalog(2024, "income", [header])).toThrow(/没有读到任何收入分类科目/);
    expect(() => importCatalog(2024, "income", [[101, "税收收入"]], catalog)).toThrow(/2023/);
  });
});
