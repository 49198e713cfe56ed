import { AMBIGUOUS_COMMANDS, COMMAND_PREFIXES, UNAMBIGUOUS_UNIX_COMMANDS } from "./commands.ts";
import { normalizeShell } from "./normalize-shell.ts";

// Where a new command may begin: statement separators, pipes, backgrounding, substitutions,
// subshells, brace groups and newlines.
const COMMAND_START = /(?:^|;|\|\|?|&&?|\n|\r|`|\$\(|\(|\{|<\(|>\(|\bthen\b|\bdo\b)\s*/g;
const WORD = /^[\w./+-]{1,64}/;
// Arguments only a shell would receive: options, absolute or home paths, variables, redirections,
// globs and substitutions.
const SHELL_ARGUMENT =
  /^\s*(?:$|[;|&`)}\n]|-{1,2}[a-z]|\/[\w.*?]|~|\.{1,2}\/|\$|[<>]|\*|[a-z0-9.]*[?*][a-z0-9.]*(?:\s|$))/;
const PATH_PREFIX = /^(?:\/?(?:usr\/)?(?:local\/)?s?bin\/|\/)/;
const BLANK = /^\s*$/;
const ASSIGNMENT = /^[a-z_]\w{0,30}=\S{0,80}$/;
const PLAIN_ARGUMENT = /^\s+[\w.:/-]/;

export const SHELL_DETECT_PATTERNS: readonly RegExp[] = [
  COMMAND_START,
  WORD,
  SHELL_ARGUMENT,
  PATH_PREFIX,
  BLANK,
  ASSIGNMENT,
  PLAIN_ARGUMENT,
];

/**
 * Finds a command that would execute if the value reached a shell: a known command word at the
 * start of a command position, followed by something a shell would take as its arguments. The
 * value's own start counts as a command position only for unambiguous command names with
 * shell-looking arguments, so "cat pictures" or "ping pong" in prose are left alone.
 */
export function detectUnixCommand(lower: string): string | null {
  const value = normalizeShell(lower);
  COMMAND_START.lastIndex = 0;
  for (let match = COMMAND_START.exec(value); match !== null; match = COMMAND_START.exec(value)) {
    // An empty match (the value's start) must not stall the global regex.
    if (match.index === COMMAND_START.lastIndex) COMMAND_START.lastIndex++;
    const atStart = match.index === 0 && BLANK.test(match[0]);
    let position = match.index + match[0].length;
    // Skip wrappers (`sudo`, `env X=1`) and variable assignments before the real command.
    for (let hops = 0; hops < 3; hops++) {
      const word = WORD.exec(value.slice(position, position + 80))?.[0] ?? "";
      const bare = word.replace(PATH_PREFIX, "");
      if (COMMAND_PREFIXES.has(bare) || ASSIGNMENT.test(word)) {
        position += word.length;
        while (value[position] === " " || value[position] === "\t") position++;
        continue;
      }
      break;
    }
    const word = WORD.exec(value.slice(position, position + 80))?.[0];
    if (word === undefined) continue;
    const hasPath = PATH_PREFIX.test(word) && word.includes("/");
    const name = word.replace(PATH_PREFIX, "");
    if (!UNAMBIGUOUS_UNIX_COMMANDS.has(name)) continue;
    const rest = value.slice(position + word.length, position + word.length + 80);
    const shellArgs = SHELL_ARGUMENT.test(rest);
    const ambiguous = AMBIGUOUS_COMMANDS.has(name);
    if (atStart) {
      if ((hasPath || !ambiguous) && shellArgs && rest.trim() !== "") return `command:${name}`;
    } else if (hasPath || shellArgs || (!ambiguous && PLAIN_ARGUMENT.test(rest))) {
      return `command:${name}`;
    }
  }
  return null;
}
