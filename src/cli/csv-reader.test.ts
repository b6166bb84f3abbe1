import { describe, expect, it } from "vitest";
import { CsvError, detectDelimiter, parseCsv, parseCsvRecords, toRecords } from "./csv-reader.js";

describe("parseCsvRecords", () => {
  it.each<[string, string, string, string[][]]>([
    ["plain", "a,b\n1,2\n", ",", [["a", "b"], ["1", "2"]]],
    ["no trailing newline", "a,b\n1,2", ",", [["a", "b"], ["1", "2"]]],
    ["CRLF and lone CR", "a,b\r\n1,2\r3,4\r\n", ",", [["a", "b"], ["1", "2"], ["3", "4"]]],
    ["quoted fields with the delimiter", '"x;y";"z"\n', ";", [["x;y", "z"]]],
    ["doubled quotes inside quotes", '"say ""hi""",b\n', ",", [['say "hi"', "b"]]],
    ["a line break inside quotes", '"line 1\nline 2",b\n', ",", [["line 1\nline 2", "b"]]],
    ["empty fields, also at the end", ",a,,\n", ",", [["", "a", "", ""]]],
    ["an empty quoted field", '"",x\n', ",", [["", "x"]]],
    ["blank lines are skipped", "a\n\n\nb\n", ",", [["a"], ["b"]]],
    ["a quote inside an unquoted field is kept", 'ab"c,d\n', ",", [['ab"c', "d"]]],
    ["a byte-order mark is dropped", "\uFEFFa,b\n", ",", [["a", "b"]]],
    ["tab-separated", "a\tb\n", "\t", [["a", "b"]]],
  ])("%s", (_name, text, delimiter, expected) => {
    expect(parseCsvRecords(text, delimiter).map((r) => r.fields)).toEqual(expected);
  });

  it("reports the starting line of each record, counting breaks inside quotes", () => {
    expect(parseCsvRecords('a\n"b\nc"\nd\n', ",").map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it.each<[string, string, RegExp]>([
    ["an unterminated quote", 'a,"b\n', /line 1: unterminated/],
    ["text after a closing quote", 'a\n"b"c,d\n', /line 2: unexpected "c"/],
  ])("rejects %s", (_name, text, message) => {
    expect(() => parseCsvRecords(text, ",")).toThrow(message);
  });
});

describe("detectDelimiter", () => {
  it.each([
    ['"age";"job";"y"\n1;2;3', ";"],
    ["a,b,c\n1,2,3", ","],
    ['"a;b",c,d\n', ","],
    ["a\tb\n", "\t"],
    ["single\n", ","],
  ])("%j → %j", (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe("parseCsv", () => {
  it("reads the bank file's format: ;-separated with quoted header and values", () => {
    const table = parseCsv('"age";"job";"y"\n58;"management";"no"\n44;"technician";"yes"\n');
    expect(table).toEqual({ header: ["age", "job", "y"], rows: [["58", "management", "no"], ["44", "technician", "yes"]], delimiter: ";" });
    expect(toRecords(table)[1]).toEqual({ age: "44", job: "technician", y: "yes" });
  });

  it("honours an explicit delimiter", () => {
    expect(parseCsv("a;b,c\n1;2,3\n", { delimiter: "," }).header).toEqual(["a;b", "c"]);
  });

  it.each<[string, string, RegExp]>([
    ["an empty file", "", /empty/],
    ["a row of the wrong width", "a,b\n1,2\n3\n", /line 3: 1 fields, the header has 2/],
    ["a duplicate header", "a,a\n1,2\n", /duplicate column "a"/],
  ])("rejects %s", (_name, text, message) => {
    expect(() => parseCsv(text)).toThrow(CsvError);
    expect(() => parseCsv(text)).toThrow(message);
  });
});
