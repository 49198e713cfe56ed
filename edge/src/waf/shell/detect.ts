import {
  AMBIGUOUS_COMMANDS,
  COMMAND_PREFIXES,
  DISTINCTIVE_COMMAND_SHAPE,
  UNAMBIGUOUS_UNIX_COMMANDS,
} from "./commands.ts";
import { normalizeShell } from "./normalize-shell.ts";

// Where a new command may begin: statement separators, pipes, backgrounding, substitutions,
// subshells, brace groups and newlines.
// The value start comes last so a leading separator (`;id`) is read as a separator.
const COMMAND_START = /(?:;|\|\|?|&&?|\n|\r|`|\$\(|\(|\{|<\(|>\(|\bthen\b|\bdo\b|^)\s*/g;
const WORD = /^[\w./+-]{1,64}/;
// Arguments only a shell would receive: options, absolute or home paths, variables, redirections,
// globs and substitutions.
// A lone `?` ends a question, so a glob needs a name around it (`/e?c`, `pa??wd`).
const SHELL_ARGUMENT =
  /^\s*(?:$|[;|&`)}\n]|-{1,2}[a-z]|\/[\w.*?[]|~|\.{1,2}\/|\$|[<>]|\*|(?:[a-z0-9./]+[?*][a-z0-9./?*]*|[?*]+[a-z0-9./][a-z0-9./?*]*)(?:\s|$))/;
const PATH_PREFIX = /^(?:\/?(?:usr\/)?(?:local\/)?s?bin\/|\/)/;
const BLANK = /^\s*$/;
const INTERPRETER = /^(?:python|perl|ruby|php|lua|node|nodejs|irb|tclsh|java)[\d.]*$/;
const CLOSING_BRACKET = /^\s*[)}]/;
const ASSIGNMENT = /^[a-z_]\w{0,30}=\S{0,80}$/;
const PLAIN_ARGUMENT = /^\s+[\w.:/-]/;
// A command word opening a sentence ("Curl up with a good book", "Bash my head against the bonus
// terms"): the word after it is an article, pronoun or preposition and another word follows. A host,
// file, option or number there (`wget my.host/x`, `curl -O …`) is an argument, not a sentence.
const SENTENCE_AFTER =
  /^\s+(?:a|an|the|my|your|our|their|his|her|its|this|that|these|those|up|down|with|to|for|of|in|on|at|and|or|but|is|are|was|were|it|me|you|us|them|all|some|any|no|not|so|too|very|if|when|then|again)\s+[a-z]+(?:[\s,;:!?]|\.(?!\w)|$)/;
const NUMERIC_ARGUMENT = /^\s+\d/;
// An option followed by a path (`ls -l /tmp`), or an interpreter's inline script (`perl -e '…'`):
// shapes no sentence takes, even where a command word opens the value.
const OPTION_THEN_PATH = /^\s+-{1,2}[a-z][\w-]{0,20}\s+(?:\/|~\/|\.{1,2}\/)/;
const INLINE_SCRIPT = /^\s+-[a-z]{0,3}[ec]\s+\S/;
// Only a number after the command, then the end or another separator (`; sleep 10`, `& ping 127.0.0.1`).
const NUMBER_ONLY = /^\s+[\d.]{1,20}\s*(?:$|[;|&])/;

export const SHELL_DETECT_PATTERNS: readonly RegExp[] = [
  COMMAND_START,
  WORD,
  SHELL_ARGUMENT,
  PATH_PREFIX,
  BLANK,
  INTERPRETER,
  CLOSING_BRACKET,
  ASSIGNMENT,
  PLAIN_ARGUMENT,
  SENTENCE_AFTER,
  NUMERIC_ARGUMENT,
  OPTION_THEN_PATH,
  INLINE_SCRIPT,
  NUMBER_ONLY,
];

/**
 * Finds a command that would execute if the value reached a shell: a known command word at the
 * start of a command position, followed by something a shell would take as its arguments. The
 * value's own start counts as a command position only for unambiguous command names with
 * shell-looking arguments, so "cat pictures" or "ping pong" in prose are left alone.
 */
export function detectUnixCommand(lower: string): string | null {
  const value = normalizeShell(lower);
  // `\ls` bypasses aliases: a leading backslash marks a command, not prose.
  const escapedStart = lower.trimStart().startsWith("\\");
  COMMAND_START.lastIndex = 0;
  for (let match = COMMAND_START.exec(value); match !== null; match = COMMAND_START.exec(value)) {
    // An empty match (the value's start) must not stall the global regex.
    if (match.index === COMMAND_START.lastIndex) COMMAND_START.lastIndex++;
    const atStart = match.index === 0 && BLANK.test(match[0]) && !escapedStart;
    let position = match.index + match[0].length;
    let wrapped = false;
    // Wrappers (`sudo`, `nohup`, `time`) and assignments may precede the real command; a wrapper
    // can also be the command itself (`;env`, `;time --version`).
    for (let hops = 0; hops < 3; hops++) {
      const word = WORD.exec(value.slice(position, position + 80))?.[0] ?? "";
      const bare = word.replace(PATH_PREFIX, "");
      if (!COMMAND_PREFIXES.has(bare) && !ASSIGNMENT.test(word)) break;
      // A wrapper opening a sentence ("sudo make me a sandwich") is judged by what it runs.
      const verdict =
        atStart &&
        !wrapped &&
        !SHELL_ARGUMENT.test(value.slice(position + word.length, position + word.length + 80))
          ? null
          : judge(
              bare,
              false,
              value.slice(position + word.length, position + word.length + 80),
              atStart,
              wrapped,
              proseSeparator(match[0]),
              match[0],
            );
      if (verdict !== null) return verdict;
      position += word.length;
      while (value[position] === " " || value[position] === "\t") position++;
      wrapped = true;
    }
    const word = WORD.exec(value.slice(position, position + 80))?.[0];
    if (word === undefined) continue;
    const hasPath = PATH_PREFIX.test(word) && word.includes("/");
    const verdict = judge(
      word.replace(PATH_PREFIX, ""),
      hasPath,
      value.slice(position + word.length, position + word.length + 80),
      atStart,
      wrapped,
      proseSeparator(match[0]),
      match[0],
    );
    if (verdict !== null) return verdict;
  }
  return null;
}

/**
 * `;`, `&`, line breaks and brackets also punctuate prose ("Are you sure; yes"). After them a
 * command that is also a word needs arguments; `;id` written without a space is still code.
 */
/** Reconnaissance commands nobody writes alone on a line of prose. */
const PROBE_COMMANDS = new Set([
  "id",
  "ls",
  "ps",
  "pwd",
  "env",
  "uname",
  "ifconfig",
  "ipconfig",
  "whoami",
  "netstat",
]);

function proseSeparator(separator: string): boolean {
  const trimmed = separator.trim();
  if (trimmed === "") return separator.includes("\n") || separator.includes("\r");
  if (trimmed === "(" || trimmed === "{") return true;
  if (trimmed === ";" || trimmed === "&") return separator.length > trimmed.length;
  return false;
}

function judge(
  name: string,
  hasPath: boolean,
  rest: string,
  atStart: boolean,
  wrapped: boolean,
  afterProseSeparator: boolean,
  separator: string,
): string | null {
  if (!UNAMBIGUOUS_UNIX_COMMANDS.has(name) && !DISTINCTIVE_COMMAND_SHAPE.test(name)) return null;
  const ambiguous = AMBIGUOUS_COMMANDS.has(name);
  // A closing bracket ends a subshell for a real command, but "(test)" in prose is just a word.
  const shellArgs = SHELL_ARGUMENT.test(rest) && !(ambiguous && CLOSING_BRACKET.test(rest));
  const hasArguments = rest.trim() !== "";
  if (atStart && !wrapped) {
    // Interpreters open sentences too ("python3 script"); at the start they need real options.
    const plainAllowed = !INTERPRETER.test(name) && PLAIN_ARGUMENT.test(rest) && !SENTENCE_AFTER.test(rest);
    if (OPTION_THEN_PATH.test(rest) || (INTERPRETER.test(name) && INLINE_SCRIPT.test(rest)))
      return `command:${name}`;
    return (hasPath || !ambiguous) && hasArguments && (shellArgs || plainAllowed) ? `command:${name}` : null;
  }
  if (atStart) return !ambiguous || (shellArgs && hasArguments) ? `command:${name}` : null;
  // After `;`/`&` and a space a lone number still reads as a command's argument when nothing follows
  // it ("; sleep 10"); a newline is prose punctuation, so it does not count there.
  const separatorNumber =
    afterProseSeparator && ambiguous && /[;&|]/.test(separator) && NUMBER_ONLY.test(rest);
  if (
    ambiguous &&
    afterProseSeparator &&
    !hasPath &&
    !(shellArgs && hasArguments) &&
    !PROBE_COMMANDS.has(name) &&
    !separatorNumber
  ) {
    return null;
  }
  // After `;`, `|` or `&&` written tight against the command, a numeric argument (`;sleep 5`,
  // `|ping 10.0.0.1`) is enough; a plain word (`;top Something`) is not.
  const numericArgument = ambiguous && !afterProseSeparator && NUMERIC_ARGUMENT.test(rest);
  return hasPath ||
    shellArgs ||
    numericArgument ||
    separatorNumber ||
    (!ambiguous && PLAIN_ARGUMENT.test(rest))
    ? `command:${name}`
    : null;
}

const SHELL_PUNCTUATION = /[;|&`$(){}\n\r<>\\'"]/;
// Sticky, read through `test` and `lastIndex`: this runs on most values of every request, and `exec`
// would allocate a match array and a substring for each.
const LEADING_SPACE = /\s*/y;
const FIRST_WORD = /[\w./+-]{1,64}/y;

/** Cheap necessary condition: shell punctuation, or a value that starts with a known command word. */
export function mayContainCommand(lower: string): boolean {
  if (SHELL_PUNCTUATION.test(lower)) return true;
  LEADING_SPACE.lastIndex = 0;
  LEADING_SPACE.test(lower);
  const start = LEADING_SPACE.lastIndex;
  FIRST_WORD.lastIndex = start;
  if (!FIRST_WORD.test(lower)) return false;
  // A value that is one word is its own first word: slicing all of it allocates nothing.
  const first = lower.slice(start, FIRST_WORD.lastIndex);
  // Every path prefix has a slash.
  const name = first.includes("/") ? first.replace(PATH_PREFIX, "") : first;
  return (
    UNAMBIGUOUS_UNIX_COMMANDS.has(name) || DISTINCTIVE_COMMAND_SHAPE.test(name) || COMMAND_PREFIXES.has(name)
  );
}

export const SHELL_PREFILTER_PATTERNS: readonly RegExp[] = [SHELL_PUNCTUATION, LEADING_SPACE, FIRST_WORD];
