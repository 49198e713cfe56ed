// Comment stripping for the token-based detectors. SQL engines treat `/**/` as whitespace and
// execute the body of MySQL's `/*!50000 ... */`, so the body of a versioned comment is kept.

export function stripSqlBlockComments(input: string): string {
  if (input.indexOf("/*") < 0) return input;
  let out = "";
  let i = 0;
  while (i < input.length) {
    const open = input.indexOf("/*", i);
    if (open < 0) {
      out += input.slice(i);
      break;
    }
    out += input.slice(i, open);
    if (input[open + 2] === "!") {
      let j = open + 3;
      while (j < input.length && input.charCodeAt(j) >= 48 && input.charCodeAt(j) <= 57) j++;
      out += " ";
      i = j;
      continue;
    }
    const close = input.indexOf("*/", open + 2);
    out += " ";
    i = close < 0 ? input.length : close + 2;
  }
  return out.indexOf("*/") >= 0 ? out.replaceAll("*/", " ") : out;
}

export function stripHtmlComments(input: string): string {
  if (input.indexOf("<!--") < 0) return input;
  let out = "";
  let i = 0;
  while (i < input.length) {
    const open = input.indexOf("<!--", i);
    if (open < 0) {
      out += input.slice(i);
      break;
    }
    out += input.slice(i, open);
    const close = input.indexOf("-->", open + 4);
    i = close < 0 ? input.length : close + 3;
  }
  return out;
}
