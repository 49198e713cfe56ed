// JavaScript/JSON and CSS-style escapes (`\u0061`, `\x61`, `\u{61}`) are how payloads hide keywords
// from naive matching while the interpreter behind the application still reads them as characters.

function hexDigits(input: string, from: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const code = input.charCodeAt(from + k);
    const lower = code | 0x20;
    let digit: number;
    if (code >= 48 && code <= 57) digit = code - 48;
    else if (lower >= 97 && lower <= 102) digit = lower - 87;
    else return -1;
    value = (value << 4) | digit;
  }
  return value;
}

export function decodeBackslashEscapes(input: string): string {
  if (input.indexOf("\\") < 0) return input;
  let out = "";
  let i = 0;
  const n = input.length;
  while (i < n) {
    const slash = input.indexOf("\\", i);
    if (slash < 0) {
      out += input.slice(i);
      break;
    }
    out += input.slice(i, slash);
    const marker = input[slash + 1];
    if (marker === "u" || marker === "U") {
      if (input[slash + 2] === "{") {
        const close = input.indexOf("}", slash + 3);
        if (close > slash + 3 && close - slash <= 10) {
          const cp = hexDigits(input, slash + 3, close - slash - 3);
          if (cp >= 0 && cp <= 0x10ffff) {
            out += String.fromCodePoint(cp);
            i = close + 1;
            continue;
          }
        }
      } else {
        const cp = hexDigits(input, slash + 2, 4);
        if (cp >= 0) {
          out += String.fromCharCode(cp);
          i = slash + 6;
          continue;
        }
      }
    } else if (marker === "x" || marker === "X") {
      const cp = hexDigits(input, slash + 2, 2);
      if (cp >= 0) {
        out += String.fromCharCode(cp);
        i = slash + 4;
        continue;
      }
    }
    out += "\\";
    i = slash + 1;
  }
  return out;
}
