/**
 * What the CRS regression set measures that this WAF deliberately does not, with the reason. The
 * scorer leaves these cases out and prints how many it left out; docs/benchmarks.md shows both.
 */

/**
 * CRS rules about HTTP framing and hop-by-hop details. Cloudflare's front end parses the request
 * line, re-frames bodies (HTTP/1.1, HTTP/2 and HTTP/3 alike) and drops hop-by-hop headers before a
 * Worker runs, so the Worker can neither see nor be attacked through them; or the rule encodes a
 * CRS test-bed setting (argument size limits of 400 bytes) rather than an attack.
 */
export const OUT_OF_SCOPE_RULES: Record<string, string> = {
  "920100": "request line syntax is parsed by the platform before the Worker",
  "920170": "GET/HEAD bodies are dropped by the Fetch API; the Worker never sees them",
  "920171": "Transfer-Encoding framing is terminated by the platform",
  "920180": "Content-Length is optional in HTTP/2 and HTTP/3; the platform re-frames bodies",
  "920181": "Content-Length/Transfer-Encoding conflicts are resolved by the platform",
  "920210": "Connection is a hop-by-hop header removed before the Worker",
  "920290": "requests without our Host never reach the Worker",
  "920300": "CONNECT is answered by the platform and never reaches a Worker",
  "920430": "HTTP version is negotiated by the platform (no HTTP/0.9 or 1.0 quirks reach the Worker)",
  "920360": "CRS test-bed limit of 100 bytes per argument name; entity-encoded names are longer",
  "920370": "CRS test-bed limit of 400 bytes per argument; casino messages are longer by design",
  "920380": "CRS test-bed limit on argument count",
  "920390": "CRS test-bed limit on total argument size",
  "920400": "upload size limits are enforced by the platform's body limits",
  "920410": "upload size limits are enforced by the platform's body limits",
};

/**
 * CRS negative cases whose payload is itself an attack: CRS uses them to show that one narrow rule
 * stays silent while a sibling rule of the same family fires (often named in the description).
 * A family-level detector is right to flag them, so they are not counted as benign.
 */
export const ATTACK_SHAPED_NEGATIVES: Record<string, string> = {
  "920451-2": "Content-Range on a request (the description says 920450 blocks it)",
  "920200-9": "byte range 110-11 ends before it starts (CRS 920190 blocks it at PL1)",
  "920470-3": "charset=/gar/bage (CRS 920480 refuses the charset at PL1)",
  "920470-15": "ext/vcard, not an allowed content type (CRS 920420 refuses it at PL1)",
  "920470-16": "application/*+json, not an allowed content type (CRS 920420 refuses it at PL1)",
  "921421-11": "text/html request body type (CRS 920420 refuses it at PL1)",
  "921422-14": "text/html request body type (CRS 920420 refuses it at PL1)",
  "921422-15": "text/html request body type (CRS 920420 refuses it at PL1)",
  "920640-2": "JSON body with select(sleep(10))",
  "920640-4": "JSON body with select(sleep(10))",
  "920640-5": "JSON body with select(sleep(10))",
  "920660-23": "Content-Range on a request, a restricted request header",
  "930110-7": "path ending in /.. (traversal; the test notes only that httpd strips it)",
  "932207-3": "globbed /bin/ca? /et*/passwd in Referer",
  "932207-4": ";ls -al in Referer",
  "932230-1": "system('…;wget …;curl …') download-and-run chain",
  "932230-2": ";lwp-download …;wget … chain",
  "932230-9": "system('dig …;ftp …;zip …') chain",
  "932230-10": "system('…;wget …;curl …') with HTML entities",
  "932230-11": "system('…;wget …') with HTML entities",
  "932230-12": "system('…;wget …') with HTML entities",
  "932230-14": 'SSI <!--#exec cmd="/bin/cat /etc/shadow"-->',
  "932230-15": "cat /etc/passwd after a newline",
  "932230-16": "Shellshock () { :;}; /bin/bash -c curl …",
  "932230-17": "; ;top (entity-encoded separator)",
  "932230-18": "SSI exec of /bin/cat /etc/shadow",
  "932230-19": "SSI exec of /bin/cat /etc/shadow",
  "932230-20": "cat /etc/passwd after a newline",
  "932230-21": "cat /etc/passwd after a newline",
  "932230-23": "Shellshock () { :;}; /bin/bash -c ftp …",
  "932230-26": "`/bin/cat /etc/passwd` command substitution",
  "932230-27": "`cut …``dig …` command substitution",
  "932230-39": ";vi … +silent !whoami (shell escape from vi)",
  "932236-6": ";vi … +silent !whoami (shell escape from vi)",
  "932230-40": ";vim … !whoami",
  "932230-42": ";vi -c:!pwd",
  "932230-43": ";vim -c:!pwd",
  "932230-46": ";cat /path/file.gz",
  "932236-9": ";vi -c:!pwd",
  "932250-2": ";tar -xzf … /etc exfiltration",
  "932260-1": 'bash -c "echo test"',
  "932260-2": "exec 5<>/dev/tcp/8.8.8.8/80 reverse shell",
  "932260-3": ";tar -xzf … /etc exfiltration",
  "932260-14": "time curl … (command after a wrapper)",
  "932260-15": "ti''me curl … (quote-spliced wrapper)",
  "932271-5": "~+ directory-stack expansion (932270 expects it flagged)",
  "932271-6": "~- directory-stack expansion (932270 expects it flagged)",
  "933100-24": "<?php in a cookie",
  "933100-81": "system('id') call (tag is invalid, the call is not)",
  "933131-1": "$_SERVER superglobal (933130 expects it flagged)",
  "933131-2": "$_COOKIE superglobal (933130 expects it flagged)",
  "933150-20": "exec ( call with a space",
  "933150-34": "printf(foo) (933160 expects it flagged)",
  "933160-31": "eval( call",
  "934110-6": "cloud metadata address 169.254.169.254/latest/user-data (SSRF)",
  "934110-8": "GCP metadata host http://metadata.google.internal (SSRF)",
  "934110-7": "cloud metadata endpoint http://169.254.169.254/ (SSRF)",
  "934170-2": "data:// stream wrapper carrying a base64 payload",
  "941100-5": "<script> with setTimeout and javascript: in Referer",
  "941140-14": "url(javascript:alert(1))",
  "942160-12": "BENCHMARK(…,MD5(…)) blind SQL injection in the path",
  "942350-9": "';INSERT INTO … inside a comment",
  "942360-29": "||(SELECT(DBMS_LDAP.INIT(…))FROM(DUAL)) out-of-band SQL injection",
  "942360-30": "'||(select(pg_sleep(15))…)||' time-based SQL injection",
  "942360-31": "UNION ALL SELECT NULL,NULL,CONCAT(…)-- (sqlmap)",
  "942521-15": "\\'lol' or '1 tautology",
  "942522-5": "'or'1 tautology",
};
