/**
 * 第三部分 情况说明 generated from the 晋城 tables and inputs reproduces the seed's figures and shares sentence by
 * sentence where the seed's wording is the standard one; 大同's tables give its published shares; the default 名词解释
 * and 目录 are the seed's.
 */
import type { DisclosureInputs, NarrativeSection } from "../../src/domain/inputs";
import { Decimal } from "../../src/domain/money";
import { shares } from "../../src/domain/narrative/facts";
import { contentsOf } from "../../src/domain/narrative/contents";
import { generateNarrative } from "../../src/domain/narrative/narrative";
import { datongInputs, datongSample, jinchengInputs, jinchengSample, type Sample } from "../../src/domain/samples";
import { catalog, copyRows, disclosureOf, pack } from "../support/disclosure";
import { seedContents, seedGlossary, seedNarrative, sentences } from "../support/seed-narrative";

function generate(sample: Sample, inputs: DisclosureInputs): Record<string, string> {
  const sections = generateNarrative({ pack, disclosure: disclosureOf(copyRows(sample), sample.department), catalog, department: sample.department, year: 2023, inputs });
  return Object.fromEntries(sections.map((s) => [s.number, s.text]));
}

const text = (sections: NarrativeSection[], number: string) => sections.find((s) => s.number === number)!.text;


/** The seed's reasons are the clerk's own words: the generated text stops before them. */
const withoutReasons = (s: string) => s.replace(/[，,]主要原因是[^；;。]*/g, "");

describe("晋城: the seed's 第三部分 from its tables and inputs", () => {
  const ours = generate(jinchengSample, jinchengInputs);
  const seed = seedNarrative("jincheng");

  test.each(["一", "二", "三", "四", "五", "七", "九"])("section %s: sentence by sentence as the seed (reasons left to the clerk)", (n) => {
    expect(sentences(ours[n])).toEqual(sentences(withoutReasons(text(seed, n))));
  });

  test("section 八: as the seed, the rate said with 增长 (the seed says 增加9.34%)", () => {
    expect(sentences(ours.八)).toEqual(sentences(withoutReasons(text(seed, "八")).replace("增加9.34%", "增长9.34%")));
  });

  test("section 十: 绩效管理情况 as the seed (its 绩效目标情况 is free text)", () => {
    expect(sentences(ours.十)).toEqual(sentences(text(seed, "十").split("2、绩效目标情况")[0]));
  });

  test("the exact sentences, amounts always with two decimals", () => {
    expect(ours.三).toBe("2023年度支出预算5,307.69万元，其中：基本支出1,090.30万元，占20.54%；项目支出4,217.39万元，占79.46%。");
    expect(ours.一).toBe(
      "2023年度预算收入总计5,307.69万元，其中：本年收入5,307.69万元，上年结转0.00万元，比上年减少941.41万元，下降15.06%；" +
        "本年部门预算支出总计5,307.69万元，其中：本年预算安排5,307.69万元，上年结转0.00万元，比上年减少941.41万元，下降15.06%。",
    );
    expect(ours.八).toBe("晋城市商务局2023年机关运行经费预算数为154.25万元，2022年预算数为141.07万元，2023年较2022年增加13.18万元，增长9.34%。");
    expect(ours.九).toBe("2023年晋城市商务局部门各单位政府采购预算总额58.02万元。其中：政府采购货物预算38.39万元、政府采购工程预算0.00万元、政府采购服务预算19.63万元。");
  });

  test("section 六: the figures as the seed, and the T06 items that have amounts (in table order; the seed's order follows no rule)", () => {
    const [head, personnel, pub] = ours.六.split("\n");
    const [seedHead, seedPersonnel, seedPublic] = text(seed, "六").split("\n");
    expect(sentences(head)).toEqual(sentences(seedHead));
    const parts = (line: string) => {
      const m = /^(.+?万元)[，,]主要包括[：:](.+)等[；;。]$/.exec(line.replace(/\s+/g, ""))!;
      return { figure: sentences(m[1]), names: m[2].split("、").sort() };
    };
    expect(parts(personnel)).toEqual(parts(seedPersonnel));
    expect(parts(pub)).toEqual(parts(seedPublic));
    expect(parts(personnel).names).toHaveLength(15);
  });

  test("十一 and 十二 are the inputs' texts", () => {
    expect(ours.十一).toBe(jinchengInputs.texts.assets);
    expect(ours.十二).toBe(jinchengInputs.texts.other);
    expect(sentences(ours.十一)).toEqual(sentences(text(seed, "十一")));
  });

  test("12 sections titled as the seed, no placeholder anywhere", () => {
    const all = generateNarrative({ pack, disclosure: disclosureOf(copyRows(jinchengSample), "晋城市商务局"), catalog, department: "晋城市商务局", year: 2023, inputs: jinchengInputs });
    expect(all.map((s) => `${s.number}、${s.title}`)).toEqual(seed.map((s) => `${s.number}、${s.title}`));
    expect(all.map((s) => s.text).join("")).not.toMatch(/XX|××|待填写|\{|（此处/);
  });
});

describe("shares: two decimals by the largest remainder, summing to 100.00%", () => {
  const pct = (parts: string[]) => shares(parts.map((p) => new Decimal(p))).map((s) => s.toFixed(2));
  const total = (parts: string[]) => pct(parts).reduce((t, s) => t.plus(s), new Decimal(0)).toFixed(2);

  test("the 0.01 rounding leaves over goes to the largest remainder", () => {
    expect(pct(["1", "1", "1"])).toEqual(["33.34", "33.33", "33.33"]);
    // Rounded each on its own these make 99.99.
    expect(pct(["2", "2", "2", "3"])).toEqual(["22.22", "22.22", "22.22", "33.34"]);
    expect(pct(["0", "0"])).toEqual(["0.00", "0.00"]);
  });

  test("any figures sum to exactly 100.00", () => {
    for (let seed = 1; seed < 200; seed++) {
      const parts = Array.from({ length: 1 + (seed % 9) }, (_v, i) => ((seed * 7919 + i * 104729) % 100000) / 100).map(String);
      if (parts.every((p) => p === "0")) continue;
      expect(total(parts)).toBe("100.00");
    }
  });

  test("晋城's 一般公共预算 by 类 (the 类 sum to 5,307.70 against 5,307.69) sum to 100.00%", () => {
    const structure = generate(jinchengSample, jinchengInputs).五.split("\n")[3];
    const stated = [...structure.matchAll(/占([\d.]+)%/g)].map((m) => new Decimal(m[1]));
    expect(stated.map((s) => s.toFixed(2))).toEqual(["49.67", "4.95", "0.96", "1.38", "43.04"]);
    expect(stated.reduce((t, s) => t.plus(s)).toFixed(2)).toBe("100.00");
  });
});

describe("大同: its published figures from its tables", () => {
  const ours = generate(datongSample, datongInputs);
  const seed = seedNarrative("datong");

  test("section 二: 79.56% / 20.44% (T02, as 大同's T01 leaves 政府性基金 blank)", () => {
    expect(ours.二).toBe(
      "2023年度预算收入2,737.68万元，主要包括一般公共预算拨款收入2,178.00万元，占79.56%；政府性基金预算拨款收入559.68万元，占20.44%；" +
        "国有资本经营预算拨款收入0.00万元，占0.00%；财政专户管理资金收入0.00万元，占0.00%；单位资金0.00万元，占0.00%；上年结转0.00万元，占0.00%。",
    );
  });

  test("section 三: 35.89% / 64.11%", () => {
    expect(ours.三).toBe("2023年度支出预算2,737.68万元，其中：基本支出982.54万元，占35.89%；项目支出1,755.14万元，占64.11%。");
  });

  test("sections 一, 五, 九, 十: the seed's figures, shares and changes", () => {
    const figures = (s: string) => [...sentences(s).join("").matchAll(/[\d,]+\.\d{2}(?:万元|%)|\d+个/g)].map((m) => m[0]);
    for (const n of ["一", "五", "九", "十"]) {
      const published = text(seed, n).split("2、绩效目标情况")[0].replace(/(\d)\s+(?=\d)/g, "$1");
      // The seed writes 0.09% as 0.09%, 0.43% as 0.43%: the rates, as the amounts, compare at two decimals.
      expect(figures(ours[n])).toEqual(figures(published.replace(/(\d+(?:\.\d+)?)%/g, (_m, v: string) => `${new Decimal(v).toFixed(2)}%`)));
    }
  });

  test("section 八: the seed's 69.35, 减少0.3 and 0.43%, with last year's 69.65 stated as 晋城 states it", () => {
    expect(ours.八).toBe("大同市商务局2023年机关运行经费预算数为69.35万元，2022年预算数为69.65万元，2023年较2022年减少0.30万元，下降0.43%。");
  });
});

describe("last year's figures", () => {
  const none: DisclosureInputs = {
    ...jinchengInputs,
    amounts: Object.fromEntries(Object.keys(jinchengInputs.amounts).map((k) => [k, k.startsWith("previous.") ? null : jinchengInputs.amounts[k]])),
  };

  test("not entered: nothing is said about change", () => {
    const ours = generate(jinchengSample, none);
    for (const n of ["一", "五", "七", "八"]) expect(ours[n]).not.toMatch(/比上年|较20|增加|减少|增长|下降|持平|相同/);
    expect(ours.八).toBe("晋城市商务局2023年机关运行经费预算数为154.25万元。");
    expect(ours.五.split("\n")[1]).toBe("2023年度一般公共预算当年拨款5,307.69万元。");
  });

  test("equal to this year: 与上年持平; 三公 与上年预算数相同; a rise from zero has no rate", () => {
    const ours = generate(jinchengSample, {
      ...jinchengInputs,
      amounts: { ...jinchengInputs.amounts, "previous.incomeTotal": new Decimal("5307.69"), "previous.operatingCost": new Decimal("154.25"), "previous.reception": new Decimal(0) },
    });
    expect(ours.一).toContain("上年结转0.00万元，与上年持平；");
    expect(ours.八).toBe("晋城市商务局2023年机关运行经费预算数为154.25万元，2022年预算数为154.25万元，与上年持平。");
    expect(ours.七).toContain("公务接待费0.50万元，比上年预算数增加0.50万元；");
  });
});

describe("名词解释 and 目录", () => {
  test("the 12 entries of the seed, word for word", () => {
    expect(pack.glossary).toEqual(seedGlossary("jincheng"));
    expect(pack.glossary).toHaveLength(12);
  });

  test("the 目录 of the seed: the four parts, the 13 tables, the 12 sections (十二's own sub-headings are its text)", () => {
    const seed = seedContents("jincheng").filter((l) => !/^\([一二]\)/.test(l));
    expect(contentsOf(pack, 2023, "晋城市商务局").map((l) => l.replace(/“|”/g, "\""))).toEqual(seed.map((l) => l.replace(/\s+/g, " ").replace(/“|”/g, "\"")));
    expect(contentsOf(pack, 2024, "晋城市商务局")[3]).toBe("第二部分 2024年部门预算报表");
  });
});
