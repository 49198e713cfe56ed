/** One start tag as a browser would read it, with lower-cased attribute names and raw values. */
export type ScannedTag = { name: string; attributes: { name: string; value: string }[] };

const MAX_TAGS = 64;

function isTagNameStart(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 97 && lower <= 122;
}

function isSpaceOrSlash(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\f" || ch === "/";
}

/**
 * A linear pass over `<` positions following the HTML tokenizer's rules closely enough for
 * detection: a tag starts with `<` and a letter, attributes are separated by whitespace or `/`, and
 * values are quoted or run to the next whitespace. Unterminated tags still count: the page the
 * value lands in usually supplies a later `>`.
 */
export function scanTags(input: string): ScannedTag[] {
  const tags: ScannedTag[] = [];
  let from = 0;
  const n = input.length;
  while (tags.length < MAX_TAGS) {
    const lt = input.indexOf("<", from);
    if (lt < 0 || lt + 1 >= n) break;
    from = lt + 1;
    // `<:vmlframe` is a namespaced tag to old IE; every other tag starts with a letter.
    const first = input.charCodeAt(lt + 1);
    if (!isTagNameStart(first) && !(first === 58 && isTagNameStart(input.charCodeAt(lt + 2)))) continue;
    let i = lt + 1;
    while (i < n && !isSpaceOrSlash(input[i]) && input[i] !== ">" && input[i] !== "<") i++;
    const tag: ScannedTag = { name: input.slice(lt + 1, i).toLowerCase(), attributes: [] };
    while (i < n && input[i] !== ">" && input[i] !== "<") {
      while (i < n && isSpaceOrSlash(input[i])) i++;
      const nameStart = i;
      while (i < n && !isSpaceOrSlash(input[i]) && input[i] !== ">" && input[i] !== "=" && input[i] !== "<")
        i++;
      const name = input.slice(nameStart, i).toLowerCase();
      while (i < n && (input[i] === " " || input[i] === "\t" || input[i] === "\n" || input[i] === "\r")) i++;
      let value = "";
      if (input[i] === "=") {
        i++;
        while (i < n && (input[i] === " " || input[i] === "\t" || input[i] === "\n" || input[i] === "\r"))
          i++;
        const quote = input[i];
        if (quote === '"' || quote === "'" || quote === "`") {
          const close = input.indexOf(quote, i + 1);
          value = input.slice(i + 1, close < 0 ? n : close);
          i = close < 0 ? n : close + 1;
        } else {
          const start = i;
          while (i < n && !isSpaceOrSlash(input[i]) && input[i] !== ">") i++;
          value = input.slice(start, i);
        }
      }
      if (name !== "") tag.attributes.push({ name, value });
      if (name === "" && value === "" && i < n && input[i] !== ">" && !isSpaceOrSlash(input[i])) i++;
    }
    tags.push(tag);
    from = Math.max(from, i);
  }
  return tags;
}
