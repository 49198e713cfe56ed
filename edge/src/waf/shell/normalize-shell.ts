// Shells splice words together: `c'a't`, `c"a"t`, `c\at`, `ca$@t`, `c${x}at` (unset variable) all
// run `cat`, and `${IFS}` is a space. Undoing that lets one command list catch every spelling.
const IFS = /\$\{?ifs(?:%[^}\s]{0,8})?\}?|\$\{?9\}?(?=[a-z/])/g;
const EMPTY_EXPANSIONS = /\$(?:@|\*|\{[a-z_]{0,20}\}|\{[@*!#]\}|'[^']{0,0}'|"")|\$\$(?=[a-z])/g;
const QUOTES_AND_ESCAPES = /['"\\^]/g;

export const SHELL_NORMALIZE_PATTERNS: readonly RegExp[] = [IFS, EMPTY_EXPANSIONS, QUOTES_AND_ESCAPES];

export function normalizeShell(lower: string): string {
  let out = lower;
  if (out.indexOf("$") >= 0) out = out.replace(IFS, " ").replace(EMPTY_EXPANSIONS, "");
  return out.replace(QUOTES_AND_ESCAPES, "");
}
