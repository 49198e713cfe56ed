import { describe, expect, it } from "vitest";
import { stripSqlBlockComments } from "./comments.ts";
import { decodeBackslashEscapes } from "./escapes.ts";
import { decodeHtmlEntities } from "./html-entities.ts";
import { compressWhitespace, normalizePath } from "./normalize.ts";
import { fullyDecode, ValueViews } from "./pipelines.ts";
import { VALUE_ALPHABETS } from "./plain-value.ts";
import { urlDecode } from "./url-decode.ts";

describe("transformations", () => {
  it("URL-decodes leniently, including %u and overlong UTF-8", () => {
    expect(urlDecode("a%20b%zz%u0041")).toBe("a b%zzA");
    expect(urlDecode("%c0%ae%c0%ae%c0%af")).toBe("../");
    expect(urlDecode("%C3%A9t%C3%A9")).toBe("été");
    expect(urlDecode("a+b", true)).toBe("a b");
  });

  it("decodes HTML entities as browsers do, semicolons optional", () => {
    expect(decodeHtmlEntities("&lt;a&gt; &#106;&#x61;v&#97 &colon; &amp;amp;")).toBe("<a> java : &amp;");
  });

  it("decodes JavaScript escapes", () => {
    expect(decodeBackslashEscapes("\\u0061\\x62\\u{63}\\q")).toBe("abc\\q");
  });

  it("strips SQL comments but keeps MySQL versioned bodies", () => {
    expect(stripSqlBlockComments("un/**/ion /*!50000select*/")).toBe("un ion  select ");
  });

  it("normalises path separators without resolving dot-dot", () => {
    expect(normalizePath("a\\\\b//c/./d/../e")).toBe("a/b/c/d/../e");
  });

  it("peels multiple encoding layers, folds Unicode and drops control characters", () => {
    expect(fullyDecode("%253Cscript%253E")).toBe("<script>");
    expect(fullyDecode("＜ｓｃｒｉｐｔ＞")).toBe("<script>");
    expect(fullyDecode("sel\u0000ect")).toBe("select");
    const views = new ValueViews("A%20%20B\t\tC");
    expect(views.compact).toBe("a b c");
  });

  it("compresses every kind of whitespace run and leaves single plain spaces alone", () => {
    expect(compressWhitespace("a  b\tc\u00a0d\u200be\u3000\u3000f")).toBe("a b c d e f");
    const prose = "tighter limits after a conversation";
    expect(compressWhitespace(prose)).toBe(prose);
  });

  it("gives every view of the value it was last reset to, nothing left from the one before", () => {
    const views = new ValueViews("SELECT /*x*/ 1  FROM t");
    expect(views.code).toBe("select 1 from t");
    views.reset("Plain-Word", VALUE_ALPHABETS[1]);
    expect([views.raw, views.decoded, views.lower, views.compact, views.path, views.code]).toEqual([
      "Plain-Word",
      "Plain-Word",
      "plain-word",
      "plain-word",
      "plain-word",
      "plain-word",
    ]);
    views.reset("%3Cb%3E  X");
    expect([views.decoded, views.lower, views.compact]).toEqual(["<b>  X", "<b>  x", "<b> x"]);
  });
});
