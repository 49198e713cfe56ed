// Browsers decode character references inside attributes and text before running script, and they
// accept numeric references without the closing semicolon or with leading zeros. Decoding the same
// way lets the XSS and injection detectors see `&#106;avascript:` as `javascript:`.

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  tab: "\t",
  newline: "\n",
  colon: ":",
  semi: ";",
  comma: ",",
  period: ".",
  sol: "/",
  bsol: "\\",
  lpar: "(",
  rpar: ")",
  lsqb: "[",
  rsqb: "]",
  lbrack: "[",
  rbrack: "]",
  lcub: "{",
  rcub: "}",
  lbrace: "{",
  rbrace: "}",
  excl: "!",
  quest: "?",
  num: "#",
  dollar: "$",
  percnt: "%",
  equals: "=",
  plus: "+",
  grave: "`",
  hat: "^",
  ast: "*",
  vert: "|",
  verbar: "|",
  lowbar: "_",
  commat: "@",
};

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 102);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAlpha(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 97 && lower <= 122;
}

export function decodeHtmlEntities(input: string): string {
  if (input.indexOf("&") < 0) return input;
  let out = "";
  let i = 0;
  const n = input.length;
  while (i < n) {
    const amp = input.indexOf("&", i);
    if (amp < 0) {
      out += input.slice(i);
      break;
    }
    out += input.slice(i, amp);
    let j = amp + 1;
    if (input.charCodeAt(j) === 35 /* # */) {
      j++;
      const hex = (input.charCodeAt(j) | 0x20) === 120; /* x */
      if (hex) j++;
      const start = j;
      // Cap the digits so a long run cannot build a huge number; browsers clamp the same way.
      while (j < n && j - start < 12 && (hex ? isHex(input.charCodeAt(j)) : isDigit(input.charCodeAt(j))))
        j++;
      if (j > start) {
        const cp = Number.parseInt(input.slice(start, j), hex ? 16 : 10);
        out += cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : "\ufffd";
        if (input.charCodeAt(j) === 59 /* ; */) j++;
        i = j;
        continue;
      }
    } else {
      const start = j;
      while (j < n && j - start < 10 && isAlpha(input.charCodeAt(j))) j++;
      const name = input.slice(start, j).toLowerCase();
      const replacement = NAMED[name];
      if (replacement !== undefined) {
        out += replacement;
        if (input.charCodeAt(j) === 59) j++;
        i = j;
        continue;
      }
    }
    out += "&";
    i = amp + 1;
  }
  return out;
}
