import type { ValueRule } from "../rule.ts";
import { regexRule } from "./define.ts";

// User agents of vulnerability scanners and attack tools; they announce themselves by default.
const SCANNER_USER_AGENT =
  /\b(?:nikto|sqlmap|nmap|nessus|openvas|acunetix|netsparker|invicti|appscan|webinspect|w3af|arachni|skipfish|wpscan|joomscan|droopescan|cmsmap|whatweb|wafw00f|dirbuster|dirb|gobuster|feroxbuster|ffuf|wfuzz|nuclei|zgrab|masscan|zmap|havij|pangolin|bsqlbf|jaeles|commix|xsser|xsstrike|dalfox|fimap|brutus|hydra|medusa|metasploit|msfconsole|burpcollaborator|qualys|nstealth|paros|webshag|vega|zmeu|morfeus|muieblackcat|sysscan|absinthe|blackwidow|bilbo|crimscanner|mysqloit|n-stealth|springenwerk|webtrends security|httperf|jorgee|struts-pwn|log4shell|interactsh|grendel-scan|black widow|openvas|netlab360|l9explore|l9tcpid|zgrab2|censysinspect|nimbostratus|fuzz faster u fool)\b/;

export const SCANNER_RULES: readonly ValueRule[] = [
  regexRule({
    id: "scanner-user-agent",
    family: "scanner",
    kinds: ["header"],
    headers: ["user-agent"],
    pipeline: "lower",
    pattern: SCANNER_USER_AGENT,
  }),
];
