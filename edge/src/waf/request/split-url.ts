/**
 * Splits a request URL into its raw path and raw query without the WHATWG URL parser, which would
 * resolve `..` segments and re-encode characters, hiding exactly what the rules need to see.
 */
export function splitUrl(url: string): { path: string; query: string } {
  let start = 0;
  const scheme = url.indexOf("://");
  if (scheme > 0 && scheme < 10) {
    const slash = url.indexOf("/", scheme + 3);
    const question = url.indexOf("?", scheme + 3);
    start =
      slash < 0
        ? question < 0
          ? url.length
          : question
        : question >= 0 && question < slash
          ? question
          : slash;
  }
  const rest = url.slice(start);
  const question = rest.indexOf("?");
  const path = question < 0 ? rest : rest.slice(0, question);
  return { path: path === "" ? "/" : path, query: question < 0 ? "" : rest.slice(question + 1) };
}
