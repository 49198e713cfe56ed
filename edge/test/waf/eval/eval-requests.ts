// Turns the independent evaluation corpus (tests/fixtures/waf-eval/eval-corpus.json) into requests:
// attack payloads from public collections placed where attackers put them, and benign values placed in
// the requests this platform's clients really send. Deterministic: the same requests on every run.
import type { WafRequest } from "../../../src/waf/index.ts";
import { seededRandom } from "../../seeded-random.ts";

export type EvalCorpus = {
  attacks: { attackClass: string; source: string; payload: string }[];
  benign: Record<string, string[]>;
};

export type LabelledRequest = { label: string; placement: string; request: WafRequest };

const ORIGIN = "https://api.example-casino.com";

const BROWSERS: readonly Record<string, string>[] = [
  {
    "user-agent":
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
    accept: "application/json, text/plain, */*",
    "accept-language": "en-GB,en;q=0.9,ga;q=0.8",
    "accept-encoding": "gzip, deflate, br, zstd",
    "sec-ch-ua": '"Not/A)Brand";v="8", "Chromium";v="126", "Google Chrome";v="126"',
    "sec-ch-ua-mobile": "?0",
    "sec-ch-ua-platform": '"Windows"',
    "sec-fetch-site": "same-site",
    "sec-fetch-mode": "cors",
    "sec-fetch-dest": "empty",
    origin: "https://www.example-casino.com",
    referer: "https://www.example-casino.com/en/lobby?category=slots",
  },
  {
    "user-agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    accept: "*/*",
    "accept-language": "de-DE,de;q=0.8,en-US;q=0.5,en;q=0.3",
    "accept-encoding": "gzip, deflate, br",
    origin: "https://www.example-casino.com",
    referer: "https://www.example-casino.com/de/konto/einzahlung",
    dnt: "1",
  },
  {
    "user-agent":
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    accept: "application/json",
    "accept-language": "fr-FR,fr;q=0.9",
    "accept-encoding": "gzip, deflate, br",
    referer: "https://m.example-casino.com/fr/",
  },
  {
    "user-agent": "ExampleCasino/4.12.0 (Android 14; Pixel 7; build 7731) okhttp/4.12.0",
    accept: "application/json",
    "accept-language": "pl-PL",
    "accept-encoding": "gzip",
    "x-client-version": "4.12.0",
  },
];

const COOKIES: readonly string[] = [
  "_ga=GA1.1.1234567890.1716000000; _ga_ABC123=GS1.1.1716000000.3.1.1716000500.0.0.0; locale=en-GB",
  "OptanonConsent=isGpcEnabled=0&datestamp=Thu+May+16+2024+10%3A12%3A33+GMT%2B0100+(Irish+Standard+Time)&version=202403.1.0&groups=C0001%3A1%2CC0002%3A0%2CC0004%3A1; OptanonAlertBoxClosed=2024-05-16T09:12:33.000Z",
  'cf_clearance=Abc123._-def456-1716000000-0-150; __cf_bm=xyz.789-1716000000-1.0.1.1-AbCdEf; prefs={"theme":"dark","sound":false}',
  "sid=s%3AqL9vVxk2Yw8.Xy7Zk1%2Bq3fA0%2F9LmN; currency=EUR; last_game=book-of-dead",
];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function headers(next: () => number, extra: Record<string, string> = {}, withCookie = true): Headers {
  const result = new Headers(pick(next, BROWSERS));
  result.set("host", new URL(ORIGIN).host);
  if (withCookie) result.set("cookie", pick(next, COOKIES));
  for (const [name, value] of Object.entries(extra)) result.set(name, value);
  return result;
}

function get(next: () => number, path: string, extra?: Record<string, string>): WafRequest {
  return {
    method: "GET",
    url: `${ORIGIN}${path}`,
    headers: headers(next, extra),
    body: null,
    contentType: null,
  };
}

function post(
  next: () => number,
  path: string,
  body: string,
  contentType = "application/json",
  extra: Record<string, string> = {},
  method = "POST",
): WafRequest {
  const all = headers(next, { "content-type": contentType, ...extra });
  return { method, url: `${ORIGIN}${path}`, headers: all, body, contentType };
}

const query = (value: string) => encodeURIComponent(value);

/** One attack payload in the places attackers put it; XML documents go in an XML body. */
function placeAttack(next: () => number, payload: string, attackClass: string): [string, WafRequest][] {
  if (attackClass === "xxe")
    return [
      ["xml-body", post(next, "/v1/providers/acme/callback", payload, "application/xml")],
      [
        "json-field",
        post(next, "/v1/support/tickets", JSON.stringify({ subject: "feed", message: payload })),
      ],
    ];
  return [
    ["query", get(next, `/v1/games/search?q=${query(payload)}&page=1`)],
    [
      "json-field",
      post(
        next,
        "/v1/players/me",
        JSON.stringify({ displayName: payload, locale: "en-GB" }),
        undefined,
        {},
        "PATCH",
      ),
    ],
    [
      "form",
      post(next, "/v1/contact", `name=Alex&message=${query(payload)}`, "application/x-www-form-urlencoded"),
    ],
    // Header values are ASCII without line breaks in practice (clients refuse the rest); other payloads
    // skip this place.
    ...(/^[\x20-\x7e\t]*$/.test(payload)
      ? [["header", get(next, "/v1/lobby", { "x-api-version": payload })] as [string, WafRequest]]
      : []),
    ["cookie", get(next, "/v1/wallet/balance", { cookie: `currency=EUR; last_game=${query(payload)}` })],
    ["path", get(next, `/v1/games/${query(payload)}/details`)],
  ];
}

export function evalAttacks(corpus: EvalCorpus): LabelledRequest[] {
  const next = seededRandom(7);
  return corpus.attacks.flatMap(({ attackClass, payload }) =>
    placeAttack(next, payload, attackClass).map(([placement, request]) => ({
      label: attackClass,
      placement,
      request,
    })),
  );
}

const PASSWORDS = [
  "Tr0ub4dor&3",
  "<3Casino!",
  "p@ss'word\"2024",
  "correct horse battery staple",
  "Ünïcødé-P4ss",
];
const CURRENCIES = ["EUR", "GBP", "CAD", "PLN", "SEK"];

function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function bearer(corpus: EvalCorpus): string {
  return `Bearer ${corpus.benign.tokens?.[0] ?? ""}`;
}

/** Benign values in the requests that carry them, plus the platform's ordinary API calls. */
export function evalBenign(corpus: EvalCorpus): LabelledRequest[] {
  const next = seededRandom(11);
  const out: LabelledRequest[] = [];
  const add = (label: string, placement: string, request: WafRequest) =>
    out.push({ label, placement, request });
  const auth = { authorization: bearer(corpus) };
  // Every free-text file (`free-text*.txt`, `tech-text*.txt`) goes into the text-carrying requests.
  const texts = Object.entries(corpus.benign)
    .filter(([name]) => name.startsWith("free-text") || name.startsWith("tech-text"))
    .flatMap(([, values]) => values);
  for (const text of texts) {
    add(
      "support",
      "json",
      post(
        next,
        "/v1/support/tickets",
        JSON.stringify({ subject: text.slice(0, 40), category: "payments", message: text }),
        undefined,
        auth,
      ),
    );
    add(
      "chat",
      "json",
      post(next, "/v1/chat/messages", JSON.stringify({ tableId: uuid(next), text }), undefined, auth),
    );
    add(
      "contact",
      "form",
      post(
        next,
        "/v1/contact",
        `name=Alex+Doe&email=alex%40example.com&message=${query(text)}`,
        "application/x-www-form-urlencoded",
      ),
    );
  }
  const names = corpus.benign.names ?? [];
  const addresses = corpus.benign.addresses ?? [];
  const emails = (corpus.benign["urls-emails"] ?? []).filter(
    (value) => !value.startsWith("http") && value.includes("@"),
  );
  names.forEach((name, i) => {
    const [first, ...rest] = name.split(" ");
    const body = {
      email: emails[i % emails.length],
      password: PASSWORDS[i % PASSWORDS.length],
      firstName: first,
      lastName: rest.join(" "),
      dateOfBirth: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
      phone: "+353 87 123 4567",
      address: { line1: addresses[i % addresses.length], country: "IE" },
      currency: CURRENCIES[i % CURRENCIES.length],
      acceptTerms: true,
      marketingOptIn: i % 2 === 0,
    };
    add("register", "json", post(next, "/v1/auth/register", JSON.stringify(body)));
    add(
      "profile",
      "json",
      post(
        next,
        "/v1/players/me",
        JSON.stringify({ displayName: name, address: addresses[(i + 3) % addresses.length] }),
        undefined,
        auth,
        "PATCH",
      ),
    );
  });
  for (const address of addresses)
    add(
      "address",
      "json",
      post(
        next,
        "/v1/players/me/address",
        JSON.stringify({ line1: address, city: "—", postcode: "" }),
        undefined,
        auth,
        "PUT",
      ),
    );
  for (const term of corpus.benign.searches ?? []) {
    add(
      "search",
      "query",
      get(next, `/v1/games/search?q=${query(term)}&category=slots&page=2&sort=popular`, auth),
    );
    add("search", "path", get(next, `/v1/games/tags/${query(term)}`));
  }
  for (const token of corpus.benign.tokens ?? []) {
    add("token", "query", get(next, `/v1/cashier/return?ref=${query(token)}&status=ok`));
    add(
      "token",
      "json",
      post(
        next,
        "/v1/cashier/deposits",
        JSON.stringify({
          amount: "2500",
          currency: "EUR",
          method: "card",
          reference: token,
          returnUrl: "https://www.example-casino.com/en/cashier?done=1",
        }),
        undefined,
        { ...auth, "idempotency-key": uuid(next) },
      ),
    );
    add("token", "cookie", get(next, "/v1/wallet/balance", { cookie: `session=${query(token)}; locale=en` }));
  }
  for (const link of corpus.benign["urls-emails"] ?? []) {
    add("link", "query", get(next, `/v1/auth/oauth/start?redirect=${query(link)}`));
    add("link", "json", post(next, "/v1/marketing/consent", JSON.stringify({ source: link, consent: true })));
    add(
      "link",
      "header",
      get(next, "/v1/lobby", {
        referer: link.startsWith("http") ? link : `https://www.example-casino.com/?ref=${query(link)}`,
      }),
    );
  }
  for (let i = 0; i < 40; i++) {
    const selections = Array.from({ length: 1 + (i % 6) }, () => ({
      marketId: uuid(next),
      outcomeId: uuid(next),
      odds: (1 + next() * 9).toFixed(2),
    }));
    add(
      "bet",
      "json",
      post(
        next,
        "/v1/bets",
        JSON.stringify({
          slip: { type: i % 2 ? "accumulator" : "single", selections },
          stake: { amount: String(100 + i * 250), currency: "EUR" },
          acceptOddsChange: "higher",
        }),
        undefined,
        { ...auth, "idempotency-key": uuid(next) },
      ),
    );
    add(
      "login",
      "json",
      post(
        next,
        "/v1/auth/login",
        JSON.stringify({
          email: emails[i % emails.length],
          password: PASSWORDS[i % PASSWORDS.length],
          rememberMe: true,
          deviceId: uuid(next),
        }),
      ),
    );
    add(
      "page",
      "query",
      get(
        next,
        `/v1/transactions?from=2024-05-01T00:00:00Z&to=2024-05-31T23:59:59Z&type=deposit,withdrawal&limit=50&cursor=${uuid(next)}`,
        auth,
      ),
    );
    add(
      "webhook",
      "json",
      post(
        next,
        "/webhooks/psp/adyen",
        JSON.stringify({
          live: "false",
          notificationItems: [
            {
              NotificationRequestItem: {
                eventCode: "AUTHORISATION",
                success: "true",
                pspReference: `88${String(1716000000000 + i)}`,
                merchantReference: `dep_${uuid(next)}`,
                amount: { value: 2500, currency: "EUR" },
                additionalData: { hmacSignature: "coqCmt/IZ4E3CzPvMY8zTjQVL5hYJUiBRg8UU+iCWo0=" },
              },
            },
          ],
        }),
        undefined,
        { "x-signature": "t=1716000000,v1=5d41402abc4b2a76b9719d911017c592" },
      ),
    );
  }
  return out;
}

/** The route id the edge assigns: auth routes exclude password fields from inspection. */
export function evalRouteId(request: WafRequest): string {
  if (request.url.includes("/v1/auth/register")) return "auth.register";
  if (request.url.includes("/v1/auth/login")) return "auth.login";
  return "api";
}
