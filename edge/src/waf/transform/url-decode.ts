// Lenient percent-decoding as a vulnerable back end would do it: invalid escapes stay literal,
// `%uXXXX` (IIS) is honoured, and overlong UTF-8 (`%c0%ae` for ".") decodes to the character it
// smuggles instead of U+FFFD, so evasions collapse to the plain attack.

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  if (lower >= 97 && lower <= 102) return lower - 87;
  return -1;
}

function byteAt(input: string, index: number): number {
  if (input.charCodeAt(index) !== 37 /* % */) return -1;
  const high = hexValue(input.charCodeAt(index + 1));
  const low = hexValue(input.charCodeAt(index + 2));
  return high < 0 || low < 0 ? -1 : (high << 4) | low;
}

/** Decodes a run of bytes as UTF-8, accepting overlong forms; an invalid byte becomes its Latin-1 char. */
function decodeBytes(bytes: number[]): string {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] as number;
    let need = 0;
    let cp = 0;
    if (b0 < 0x80) {
      out += String.fromCharCode(b0);
      i++;
      continue;
    }
    if (b0 >= 0xc0 && b0 < 0xe0) {
      need = 1;
      cp = b0 & 0x1f;
    } else if (b0 >= 0xe0 && b0 < 0xf0) {
      need = 2;
      cp = b0 & 0x0f;
    } else if (b0 >= 0xf0 && b0 < 0xf8) {
      need = 3;
      cp = b0 & 0x07;
    }
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (b & 0x3f);
    }
    if (ok && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)) {
      out += String.fromCodePoint(cp);
      i += need + 1;
    } else {
      out += String.fromCharCode(b0);
      i++;
    }
  }
  return out;
}

export function urlDecode(input: string, plusAsSpace = false): string {
  if (input.indexOf("%") < 0 && !(plusAsSpace && input.indexOf("+") >= 0)) return input;
  let out = "";
  let i = 0;
  const n = input.length;
  while (i < n) {
    const ch = input.charCodeAt(i);
    if (ch === 37) {
      const first = byteAt(input, i);
      if (first >= 0) {
        const bytes = [first];
        i += 3;
        for (let b = byteAt(input, i); b >= 0; b = byteAt(input, i)) {
          bytes.push(b);
          i += 3;
        }
        out += decodeBytes(bytes);
        continue;
      }
      const marker = input.charCodeAt(i + 1) | 0x20;
      if (marker === 117 /* u */ && i + 5 < n) {
        let cp = 0;
        let valid = true;
        for (let k = 2; k < 6; k++) {
          const h = hexValue(input.charCodeAt(i + k));
          if (h < 0) valid = false;
          cp = (cp << 4) | h;
        }
        if (valid) {
          out += String.fromCharCode(cp);
          i += 6;
          continue;
        }
      }
      out += "%";
      i++;
      continue;
    }
    out += plusAsSpace && ch === 43 ? " " : input[i];
    i++;
  }
  return out;
}
