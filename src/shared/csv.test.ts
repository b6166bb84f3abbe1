import { describe, expect, it } from "vitest";
import { csvField, csvRecord, isFormulaLike, toCsv, type CsvColumn } from "./csv.js";

describe("csvField: formula neutralisation", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""],
    // tab and CR at the start, on their own or after leading spaces
    ["\tcmd", "'\tcmd"],
    ["  \tcmd", "'  \tcmd"],
    ["\rcmd", "\"'\rcmd\""],
    ["   \rcmd", "\"'   \rcmd\""],
    // the trigger after leading spaces (and other whitespace) keeps the spaces after the quote
    [" =1+1", "' =1+1"],
    ["   +1", "'   +1"],
    ["  -2+3+cmd|' /C calc'!A0", "'  -2+3+cmd|' /C calc'!A0"],
    ["    @x", "'    @x"],
    ["\u00a0=1", "'\u00a0=1"],
    ["\n=1", "\"'\n=1\""],
    // full-width forms some spreadsheets also evaluate
    ["\uff1d1+1", "'\uff1d1+1"],
    // a number written as text is text: neutralised
    ["-12.5", "'-12.5"],
  ])("%j → %j", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it.each([
    ["plain", "plain"],
    ["a=b", "a=b"],
    ["x-1", "x-1"],
    ["mail@example.com", "mail@example.com"],
    ["  indented", "  indented"],
    ["", ""],
    ["   ", "   "],
  ])("leaves %j alone", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it("writes numbers typed as numbers as numbers, negative ones included (not text cells, no prefix)", () => {
    expect(csvField(-12.5)).toBe("-12.5");
    expect(csvField(-0.25)).toBe("-0.25");
    expect(csvField(0)).toBe("0");
    expect(csvField(1e21)).toBe("1e+21");
    expect(csvField(-1e-7)).toBe("-1e-7");
  });

  it("writes NaN, ±Infinity, null and undefined as empty cells", () => {
    expect([NaN, Infinity, -Infinity, null, undefined].map(csvField)).toEqual(["", "", "", "", ""]);
  });

  it("writes booleans as words and dates as ISO timestamps (an invalid date is empty)", () => {
    expect(csvField(true)).toBe("true");
    expect(csvField(false)).toBe("false");
    expect(csvField(new Date("2026-03-04T05:06:07.000Z"))).toBe("2026-03-04T05:06:07.000Z");
    expect(csvField(new Date("nope"))).toBe("");
  });

  it("isFormulaLike agrees with the neutralisation", () => {
    expect(isFormulaLike("  =x")).toBe(true);
    expect(isFormulaLike("  \tx")).toBe(true);
    expect(isFormulaLike("x=")).toBe(false);
  });
});

describe("csvField: RFC 4180 quoting", () => {
  it.each([
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line1\nline2", '"line1\nline2"'],
    ["line1\r\nline2", '"line1\r\nline2"'],
    ['"', '""""'],
  ])("%j → %j", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it("does not quote a tab inside a value (only quote, comma, CR and LF need it)", () => {
    expect(csvField("a\tb")).toBe("a\tb");
  });
});

describe("toCsv", () => {
  type Row = { name: string; mqls: number; rate: number | null; delta: number };
  const columns: CsvColumn<Row>[] = [
    { header: "Campaign", value: (r) => r.name },
    { header: "MQLs", value: (r) => r.mqls },
    { header: "Acceptance", value: (r) => r.rate },
    { header: "Change", value: (r) => r.delta },
  ];

  it("writes a header record and one CRLF-terminated record per row, neutralising text but not numbers", () => {
    const rows: Row[] = [
      { name: "Webinar, spring", mqls: 120, rate: 0.25, delta: -3 },
      { name: " =IMPORTXML(A1)", mqls: 0, rate: null, delta: 0 },
    ];
    expect(toCsv(columns, rows)).toBe(
      "Campaign,MQLs,Acceptance,Change\r\n" + '"Webinar, spring",120,0.25,-3\r\n' + "' =IMPORTXML(A1),0,,0\r\n",
    );
  });

  it("neutralises headers too (they may come from user data)", () => {
    expect(toCsv([{ header: "=cmd", value: () => 1 }], [])).toBe("'=cmd\r\n");
  });

  it("writes only the header when there are no rows", () => {
    expect(toCsv(columns, [])).toBe("Campaign,MQLs,Acceptance,Change\r\n");
  });

  it("csvRecord joins fields with commas and ends in CRLF", () => {
    expect(csvRecord(["a", 1, null, "-x"])).toBe("a,1,,'-x\r\n");
  });
});
