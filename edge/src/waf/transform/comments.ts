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

/**
 * Removes C-family comments the way PHP and JavaScript read them (`/* … *\/`, `// …` and `# …` to
 * the end of the line), so code split by comments (`$a/*x*\/(1)`) reads as one expression. `//`
 * after a colon is a URL scheme, not a comment.
 */
export function stripCodeComments(input: string): string {
  if (input.indexOf("/*") < 0 && input.indexOf("//") < 0 && input.indexOf("#") < 0) return input;
  let out = "";
  let i = 0;
  const n = input.length;
  while (i < n) {
    const ch = input[i];
    // Comments vanish without a trace, so `exec/**/(` and `(x)/**/('id')` read as the code they are.
    if (ch === "/" && input[i + 1] === "*") {
      const close = input.indexOf("*/", i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    const lineComment = (ch === "/" && input[i + 1] === "/" && input[i - 1] !== ":") || ch === "#";
    if (lineComment) {
      const newline = input.indexOf("\n", i);
      // A `#` without a line break after it is more likely data (`#1`) than a comment.
      if (ch === "#" && newline < 0) {
        out += ch;
        i++;
        continue;
      }
      i = newline < 0 ? n : newline + 1;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
