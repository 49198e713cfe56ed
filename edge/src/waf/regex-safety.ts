/**
 * Static ReDoS guard: a group that repeats without bound must not itself contain an unbounded
 * quantifier (`(a+)+`, `(?:\s*x)*`), the shape behind catastrophic backtracking. Bounded repeats
 * (`{0,60}`) keep backtracking polynomial with a small constant and are allowed.
 */
export function findNestedUnboundedQuantifiers(source: string): number[] {
  const violations: number[] = [];
  const stack: { unbounded: boolean }[] = [{ unbounded: false }];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      continue;
    }
    if (ch === "[") {
      inClass = true;
      continue;
    }
    if (ch === "(") {
      stack.push({ unbounded: false });
      continue;
    }
    const unboundedHere = quantifierIsUnbounded(source, i);
    if (ch === ")") {
      const group = stack.pop() ?? { unbounded: false };
      const after = quantifierIsUnbounded(source, i + 1);
      if (after && group.unbounded) violations.push(i);
      const parent = stack[stack.length - 1];
      if (parent && (group.unbounded || after)) parent.unbounded = true;
      continue;
    }
    if (unboundedHere) {
      const top = stack[stack.length - 1];
      if (top) top.unbounded = true;
    }
  }
  return violations;
}

function quantifierIsUnbounded(source: string, index: number): boolean {
  const ch = source[index];
  if (ch === "*" || ch === "+") return true;
  if (ch === "{") {
    const close = source.indexOf("}", index);
    return close > 0 && /^\{\d+,\}$/.test(source.slice(index, close + 1));
  }
  return false;
}
