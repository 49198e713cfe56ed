import type { Field } from "./parse-form.ts";

/**
 * Pulls attribute values and text nodes out of an XML body with a single linear scan (no regex,
 * no DOM in workerd). Element and attribute names are returned too: payloads hide in them.
 */
function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

export function extractXml(body: string, limit: number): Field[] {
  const fields: Field[] = [];
  let i = 0;
  const n = body.length;
  while (i < n && fields.length < limit) {
    const lt = body.indexOf("<", i);
    const text = (lt < 0 ? body.slice(i) : body.slice(i, lt)).trim();
    if (text !== "") fields.push({ name: "xml.text", value: text });
    if (lt < 0) break;
    if (body.startsWith("<![CDATA[", lt)) {
      const end = body.indexOf("]]>", lt + 9);
      fields.push({ name: "xml.cdata", value: body.slice(lt + 9, end < 0 ? n : end) });
      i = end < 0 ? n : end + 3;
      continue;
    }
    const gt = body.indexOf(">", lt + 1);
    const tag = body.slice(lt + 1, gt < 0 ? n : gt);
    i = gt < 0 ? n : gt + 1;
    if (tag.startsWith("?") || tag.startsWith("!")) continue;
    // Element name, then name="value" pairs.
    let j = 0;
    while (j < tag.length && !isSpace(tag[j]) && tag[j] !== "/" && tag[j] !== ">") j++;
    const element = tag.slice(tag.startsWith("/") ? 1 : 0, j);
    if (element !== "") fields.push({ name: "xml.element", value: element });
    while (j < tag.length && fields.length < limit) {
      while (j < tag.length && (isSpace(tag[j]) || tag[j] === "/")) j++;
      const nameStart = j;
      while (j < tag.length && !isSpace(tag[j]) && tag[j] !== "=" && tag[j] !== "/") j++;
      const attribute = tag.slice(nameStart, j);
      if (attribute !== "") fields.push({ name: "xml.attribute-name", value: attribute });
      while (j < tag.length && tag[j] === " ") j++;
      if (tag[j] !== "=") continue;
      j++;
      while (j < tag.length && tag[j] === " ") j++;
      const quote = tag[j];
      if (quote === '"' || quote === "'") {
        const close = tag.indexOf(quote, j + 1);
        fields.push({ name: `xml.@${attribute}`, value: tag.slice(j + 1, close < 0 ? tag.length : close) });
        j = close < 0 ? tag.length : close + 1;
      } else {
        const valueStart = j;
        while (j < tag.length && !isSpace(tag[j])) j++;
        fields.push({ name: `xml.@${attribute}`, value: tag.slice(valueStart, j) });
      }
    }
  }
  return fields;
}
