import { chineseNumber } from "../../src/domain/chinese-number";

test("numbers the 30 类 and the sections as the tables print them", () => {
  expect([1, 9, 10, 11, 19, 20, 21, 30].map(chineseNumber)).toEqual(["一", "九", "十", "十一", "十九", "二十", "二十一", "三十"]);
});
