/**
 * A request's headers read once into a map, as `Headers.get` returns them (lower-case names, repeated
 * headers joined by ", "), in `Headers` iteration order. In workerd every `Headers` call crosses into
 * the runtime and copies its strings, so the steps that walk all headers (the WAF, the forwarded copy)
 * share this one.
 */
export function readHeaders(headers: Headers): Map<string, string> {
  const read = new Map<string, string>();
  headers.forEach((value, name) => {
    const earlier = read.get(name);
    read.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
  });
  return read;
}
