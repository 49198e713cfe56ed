// Benign traffic shaped like a real-money casino's API and web front end, generated from templates
// with a fixed seed so the false-positive figure is reproducible. Written for this project; it is
// not derived from the CRS suite, so it checks the detectors against data they were not tuned on.
import type { InspectOptions, WafRequest } from "../../../src/waf/index.ts";

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const FIRST_NAMES = [
  "Seán",
  "Zoë",
  "José",
  "Anne-Marie",
  "O'Neil",
  "D'Angelo",
  "Łukasz",
  "Mårten",
  "Ngozi",
  "Chloé",
  "Björn",
  "Dvořák",
  "Mary Jane",
  "Jean-Luc",
  "Siobhán",
  "Aoife",
  "Renée",
  "Nuño",
  "Ægir",
  "Li Wei",
];
const LAST_NAMES = [
  "O'Brien",
  "McDonald",
  "Smith-Jones",
  "van der Berg",
  "D'Souza",
  "Müller",
  "García Márquez",
  "O'Connor",
  "Nakamura",
  "de la Cruz",
  "Kowalczyk",
  "Al-Sayed",
  "St. John",
  "Ó Súilleabháin",
];
const MESSAGES = [
  "Hi, I can't see my deposit from yesterday. It's been 2 hours - could you check?",
  "My withdrawal (ref #4411) is still pending; when will it be processed?",
  "I'd like to set a deposit limit of €50 per week, please.",
  "Please select the right account & close the other one. Thanks!",
  "Why was my bonus removed?? I met the wagering requirements (35x).",
  "I want to self-exclude for 6 months. Where do I do that?",
  "The game froze at the last spin; I lost 20 EUR. Order by date shows it twice.",
  "Can you update my address to 12 O'Connell St., Dublin 1?",
  "I tried to log in 3 times and now I'm locked out :( help",
  "Union Bank transfer: is it accepted? My bank is 'First Union'.",
  "Drop me an email when the KYC check is done -- cheers",
  "Is the 100% welcome bonus + 50 free spins still available?",
  "Where's my money!!! 3 days and nothing. I'll go to the ombudsman.",
  "Where can I find the terms for the 'Spin & Win' promo?",
  "I uploaded my passport (front/back) and a utility bill from March.",
  "Le retrait n'est pas arrivé, pouvez-vous vérifier ?",
  "Ich habe mein Passwort vergessen und bekomme keine E-Mail.",
  "¿Por qué mi cuenta está bloqueada? No he hecho nada malo.",
  "Mi è stato addebitato due volte il deposito di 20€.",
  "Can I play blackjack on mobile? The table (VIP 3) won't load.",
  "I select the roulette table from the lobby but it says 'table full'.",
  "Please delete my account and all data per GDPR Art. 17.",
  "What is 1+1? Just testing the chat lol",
  "Update: it works now, thanks a lot! <3",
  "My user name is john_doe-88 and my ID is ply_01HZX3.",
  "I'm from Northern Ireland; can I use GBP or must it be EUR?",
  "Sort by newest first doesn't work: ?sort=-createdAt returns oldest.",
  "I got error 'insufficient funds' but my balance shows 250.00",
  "Is there a limit on cash out? e.g. 5,000/day or 20.000 per month?",
  "The 'Where's Waldo' slot is missing from the list; was it removed?",
  "Bet slip: Arsenal vs. Chelsea 2-1 @ 3.50, stake 10; cash out at 75%",
  "If I win big, do I need to pay tax? I'm in the UK.",
  "Please call me back on +44 (0)20 7946 0958 between 9-5.",
  "The link https://casino.example.com/promo?code=SPRING24&utm_source=mail is broken",
  "😀 Great games, but the live dealer stream lags a lot 🎰🎲",
  "Account -> Settings -> Limits -> Deposit: it says 'not available'.",
  "Re: ticket 55231 / your reply from 03/04/2024 at 10:15",
  "I accidentally pressed 'cancel' and now the $20 is gone?",
  "my son used my card without permission, what can i do",
  "Can you confirm the RTP of Book of Dead (96.21%)?",
];
const USER_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.6422.165 Mobile Safari/537.36",
  "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
  "CroupierApp/4.12.0 (iOS 17.5; iPhone15,3) CFNetwork/1494.0.7 Darwin/23.4.0",
  "okhttp/4.12.0",
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
  "PostmanRuntime/7.39.0",
];
const ACCEPTS = [
  "application/json",
  "application/json, text/plain, */*",
  "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
  "*/*",
];
const REFERERS = [
  "https://casino.example.com/",
  "https://casino.example.com/games/live/roulette?table=vip-3&lang=en",
  "https://www.google.com/",
  "https://casino.example.com/cashier?tab=withdraw&amount=50.00",
  "https://affiliate.example.org/review/best-casinos-2024?utm_source=newsletter&utm_medium=email",
  "android-app://com.google.android.gm/",
];
const CURRENCIES = ["EUR", "GBP", "CAD", "USD", "SEK", "NOK"];
const SEARCHES = [
  "book of dead",
  "roulette & blackjack",
  "live (vip)",
  "100% bonus",
  "mega moolah",
  "drop & win",
  "select slots",
  "union jack slots",
  "o'reilly's gold",
  "5 reel",
  "-",
  "starburst*",
  '"crazy time"',
  "hold'em",
  "jackpot > 1000",
  "c# dev",
  "1-2-3 bingo",
];

// Short texts that trip naive WAFs: quotes, operators, shell and code words in ordinary sentences.
const TRICKY_TEXTS = [
  "I think the answer is 2 > 1 and 1 < 2, isn't it? :-)",
  "Curl up with a good book, they said. Instead I played blackjack.",
  "Bash my head against the wagering terms, that's how it feels",
  "Yum, that was a tasty win!",
  "Find my deposit please, it is missing since Monday",
  `I'm 5' 10" tall`,
  `The "best" game ever!`,
  `O'Reilly & Sons Ltd.`,
  `D'Arcy O'Neill`,
  `It's 50% off -- today only`,
  `Use code: SAVE20; valid until 31/12`,
  `Hello, my name is Bob; I live at 10 Downing St.`,
  `Price: $5.00 (incl. VAT)`,
  `1 + 1 = 2`,
  `x = y + z`,
  `a < b and c > d`,
  `I <3 you`,
  `Rock & Roll`,
  `AT&T`,
  `Tom's "special" offer`,
  `She said: 'hello' and left`,
  `Don't select me!`,
  `Drop-down menu not working`,
  `Union Square, SF`,
  `update: fixed`,
  `delete my account please`,
  `Order #12345 - where is it?`,
  `50/50 chance`,
  `C:\\Users\\Bob\\Documents\\passport.pdf`,
  `/home/bob/docs/id.png`,
  `https://www.youtube.com/watch?v=dQw4w9WgXcQ`,
  `mailto:support@casino.example.com`,
  `+44 (0)20 7946 0958`,
  `Password123!`,
  `P@ssw0rd#2024`,
  `{"nested": "json", "ok": true}`,
  `[1, 2, 3]`,
  `key=value&other=thing`,
  `SELECT is my favourite Netflix category`,
  `I was selected from the waitlist`,
  `Where's my money?`,
  `sleep(8h) then play`,
  `count me in (2 people)`,
  `max (2) per day`,
  `if (you win) then cash out`,
  `while (playing) enjoy`,
  `C# and F# developer`,
  `100% legit`,
  `#winning #blessed`,
  `@casino_support help`,
  `Bonus: 100 % up to €200 + 50 FS`,
  `Email me at john.doe+casino@gmail.com`,
  `Is it "Texas Hold'em" or "Hold 'em"?`,
  `Mr. O'Brien's "lucky" number is 7`,
  `1'000'000 jackpot`,
  `I won €1'250 – amazing`,
  `"Rock 'n' Roll"`,
  `'quoted'`,
  `"double quoted"`,
  `it''s`,
  `--`,
  `---`,
  `<>`,
  `<b>bold</b>`,
  `<p>Hello <em>world</em></p>`,
  `<a href="https://casino.example.com">link</a>`,
  `<img src="https://cdn.example.com/a.png" alt="a">`,
  `x > 5 && y < 3`,
  `a || b`,
  `cmd + c to copy`,
  `ctrl+alt+del`,
  `echo chamber`,
  `cat person`,
  `sudo make me a sandwich`,
  `rm -rf jokes aside`,
  `ls is short for list`,
  `ping me when ready`,
  `time to play; who's in?`,
  `yes | no`,
  `Who | What | Where`,
  `Table: A | B | C`,
  `Name: John; Age: 30; City: Cork`,
  `2024-01-01T10:00:00+01:00`,
  "$" + "{name} template",
  `{{user}}`,
  `Hi {{ first_name }}`,
  `Dear #{name}`,
  `100$`,
  `$100`,
  `5 EUR = 5.40 USD`,
  `version 2.0.1-beta`,
  `file.tar.gz`,
  `notes.txt`,
  `report.pdf`,
  `setup.exe is not allowed?`,
  `java.com download`,
  `I use Java and PHP`,
  `php is fun`,
  `python3 script`,
  `node.js`,
  `my id is 12345`,
  `exec summary attached`,
  `system update (iOS 17)`,
  `eval period`,
  `the file (pdf) is attached`,
  `Let's meet @ 5`,
  `Terms & Conditions (T&Cs)`,
  `R&D`,
  `Q&A session`,
  `50% + 10% = 60%?`,
  `I'd rather not`,
  `Don't / can't / won't`,
  `He's "the one" - 'truly'`,
  `;)`,
  `:-)`,
  `^_^`,
  `¯\\_(ツ)_/¯`,
  `=)`,
  `(╯°□°）╯︵ ┻━┻`,
  `window.open is blocked by my browser`,
  `document.cookie consent`,
  `alert: new message`,
  `prompt payment please`,
  `Call +1 (555) 123-4567 ext. 89`,
  `ID: ABC-123/456`,
  `Ref: 2024/05/01-XY`,
  `Path: Settings > Privacy > Cookies`,
  `Account -> Limits -> Deposit`,
  `5*5=25`,
  `2^10 = 1024`,
  `~5 minutes`,
  `!important`,
  `Is it true that 2 > 1 and 1 < 2? Asking for the quiz game`,
  `Select the best slots for me, and order by popularity.`,
];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

function id(next: () => number, prefix: string): string {
  let out = `${prefix}_01J`;
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  for (let i = 0; i < 23; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

function uuid(next: () => number): string {
  const hex = () => Math.floor(next() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join("");
  return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`;
}

// What analytics and consent managers leave in browsers (JSON, arrays and quoted stamps in cookies):
// a classic source of WAF false positives.
const TRACKER_COOKIES = [
  "CookieConsent={stamp:%27-1%27%2Cnecessary:true%2Cpreferences:true%2Cstatistics:true%2Cmarketing:true%2Cmethod:%27implied%27%2Cver:1%2Cutc:1700000000000%2Cregion:%27us-06%27}",
  "CookieConsent={stamp:%27Xl3Yw5n1k9wJ8Yc0E7mQ2a==%27%2Cnecessary:true%2Cpreferences:false%2Cstatistics:true%2Cmarketing:false%2Cmethod:%27explicit%27%2Cver:3%2Cutc:1700000000000%2Cregion:%27mt%27}",
  "mp_123_mixpanel=%7B%22distinct_id%22%3A%22test%22%2C%22%24device_id%22%3A%22test%22%2C%22%24initial_referrer%22%3A%22https%3A%2F%2Fexample.com%22%7D",
  "_pk_ref.10281.d9ab=%5B%22%22%2C%22%22%2C1668009606%2C%22https%3A%2F%2Fwww.google.com%2F%22%5D",
  "OptanonConsent=isGpcEnabled=0&datestamp=Thu+Nov+26+2026&version=202310.1.0&isIABGlobal=false&hosts=&groups=C0001%3A1%2CC0002%3A0",
  "FCCDCF=%5Bnull%2Cnull%2Cnull%2C%5B%22CP1234%22%2C%221~%22%5D%2Cnull%2Cnull%2C%5B%5D%5D",
  "pbjs-id5id=%7B%22signature%22%3A%22ID5_AQabc%22%2C%22created_at%22%3A%222025-12-01T18%3A16%3A25.231Z%22%7D",
  "euconsent-v2=CP1234ABCDEFAAGABCENAXCgAAAAAAAAAAYgAAAAAAAA.YAAAAAAAAAAA; usprivacy=1YNN; _sp_v1_consent=1!1:1:-1:-1:-1",
];

function baseHeaders(next: () => number): Headers {
  const headers = new Headers({
    host: "api.casino.example.com",
    "user-agent": pick(next, USER_AGENTS),
    accept: pick(next, ACCEPTS),
    "accept-language": pick(next, [
      "en-GB,en;q=0.9",
      "de-DE,de;q=0.9,en;q=0.8",
      "fr-FR,fr;q=0.9",
      "es-ES,es;q=0.9,en;q=0.5",
    ]),
    "accept-encoding": "gzip, deflate, br, zstd",
  });
  if (next() < 0.7) headers.set("referer", pick(next, REFERERS));
  if (next() < 0.6) {
    headers.set(
      "cookie",
      `_ga=GA1.1.${Math.floor(next() * 1e9)}.${Math.floor(next() * 1e9)}; consent=${encodeURIComponent("analytics=no;marketing=yes")}; lang=en; theme=dark; session=eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJwbHlfMDEifQ.${uuid(next).replaceAll("-", "")}; ${pick(next, TRACKER_COOKIES)}`,
    );
  }
  if (next() < 0.5)
    headers.set(
      "authorization",
      `Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIke2lkfSJ9.${uuid(next).replaceAll("-", "")}`,
    );
  headers.set("x-request-id", uuid(next));
  return headers;
}

type Template = (next: () => number) => WafRequest;

const TEMPLATES: Template[] = [
  (next) => {
    const body = JSON.stringify({
      email: `${pick(next, FIRST_NAMES)
        .toLowerCase()
        .replace(
          /[^a-z]/g,
          "",
        )}.${Math.floor(next() * 999)}@example.${pick(next, ["com", "ie", "co.uk", "de"])}`,
      firstName: pick(next, FIRST_NAMES),
      lastName: pick(next, LAST_NAMES),
      dateOfBirth: `19${Math.floor(50 + next() * 49)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
      address: {
        line1: `${Math.floor(next() * 200)} ${pick(next, ["O'Connell St.", "Main Road", "Rue de l'Église", "Hauptstraße 5/2", "Flat 3, 12-14 King's Rd"])}`,
        city: pick(next, ["Dublin", "London", "Köln", "Montréal", "Toronto"]),
        postcode: pick(next, ["D01 F5P2", "SW1A 1AA", "H2X 1Y4", "50667"]),
      },
      phone: pick(next, ["+353 87 123 4567", "+44 (0)20 7946 0958", "+1-514-555-0199"]),
      marketingOptIn: next() < 0.5,
      password: "Tr0ub4dor&3' OR x",
    });
    return {
      method: "POST",
      url: "https://api.casino.example.com/v1/auth/register",
      headers: withType(baseHeaders(next), "application/json"),
      body,
      contentType: "application/json",
    };
  },
  (next) => {
    const body = JSON.stringify({
      amount: String(Math.floor(next() * 1e9)),
      currency: pick(next, CURRENCIES),
      method: pick(next, ["card", "trustly", "paypal", "skrill"]),
      returnUrl: "https://casino.example.com/cashier?status=done&tab=deposit",
      idempotencyKey: uuid(next),
    });
    return {
      method: "POST",
      url: "https://api.casino.example.com/v1/wallet/deposits",
      headers: withType(baseHeaders(next), "application/json"),
      body,
      contentType: "application/json",
    };
  },
  (next) => {
    const body = JSON.stringify({
      subject: pick(next, ["Withdrawal", "Bonus", "Account", "Technical problem", "KYC"]),
      message: `${pick(next, MESSAGES)} ${pick(next, MESSAGES)}`,
      attachments: [
        {
          name: pick(next, [
            "passport.jpg",
            "bill (march).pdf",
            "screenshot 2024-05-01 at 10.15.png",
            "IMG_2034.HEIC",
          ]),
          size: Math.floor(next() * 5e6),
        },
      ],
    });
    return {
      method: "POST",
      url: "https://api.casino.example.com/v1/support/tickets",
      headers: withType(baseHeaders(next), "application/json"),
      body,
      contentType: "application/json",
    };
  },
  (next) => {
    const query = new URLSearchParams({
      q: pick(next, SEARCHES),
      page: String(1 + Math.floor(next() * 9)),
      sort: pick(next, ["-createdAt", "name", "popularity"]),
      "filter[provider]": pick(next, ["netent", "evolution", "play'n go", "pragmatic"]),
    });
    return {
      method: "GET",
      url: `https://api.casino.example.com/v1/games?${query}`,
      headers: baseHeaders(next),
      body: null,
      contentType: null,
    };
  },
  (next) => {
    const bets = Array.from({ length: 1 + Math.floor(next() * 6) }, () => ({
      betId: id(next, "bet"),
      selection: pick(next, ["red", "black", "17", "1st 12", "split 8/11", "corner 25-29"]),
      amount: String(Math.floor(next() * 1e7)),
      currency: "EUR",
    }));
    const body = JSON.stringify({
      roundId: id(next, "rnd"),
      tableId: `tbl_${Math.floor(next() * 99)}`,
      bets,
    });
    return {
      method: "POST",
      url: "https://api.casino.example.com/v1/live/tables/vip-3/bets",
      headers: withType(baseHeaders(next), "application/json"),
      body,
      contentType: "application/json",
    };
  },
  (next) => {
    const form = new URLSearchParams({
      username: `${pick(next, FIRST_NAMES)}${Math.floor(next() * 99)}`,
      remember: "on",
      redirect: "/account/limits?tab=deposit",
    });
    return {
      method: "POST",
      url: "https://casino.example.com/login",
      headers: withType(baseHeaders(next), "application/x-www-form-urlencoded"),
      body: form.toString(),
      contentType: "application/x-www-form-urlencoded",
    };
  },
  (next) => ({
    method: pick(next, ["GET", "HEAD", "OPTIONS"]),
    url: `https://api.casino.example.com/v1/players/${id(next, "ply")}/transactions?from=2024-01-01T00:00:00Z&to=2024-03-31T23:59:59Z&limit=50&cursor=${uuid(next)}`,
    headers: baseHeaders(next),
    body: null,
    contentType: null,
  }),
  (next) => {
    const body = JSON.stringify({
      type: "limit.update",
      limits: { deposit: { daily: "5000", weekly: "20000" }, session: { minutes: 90 } },
      reason: pick(next, MESSAGES),
      notes: "Player asked to 'cool off' -- agent: A. O'Hara",
    });
    return {
      method: "PATCH",
      url: `https://api.casino.example.com/v1/players/${id(next, "ply")}/limits`,
      headers: withType(baseHeaders(next), "application/merge-patch+json"),
      body,
      contentType: "application/merge-patch+json",
    };
  },
  (next) => {
    const body = JSON.stringify({
      text: pick(next, MESSAGES),
      channel: "live-chat",
      locale: pick(next, ["en", "de", "fr", "es", "it"]),
      clientTime: new Date(1714000000000 + Math.floor(next() * 1e9)).toISOString(),
    });
    return {
      method: "POST",
      url: "https://api.casino.example.com/v1/chat/messages",
      headers: withType(baseHeaders(next), "application/json"),
      body,
      contentType: "application/json",
    };
  },
  (next) => ({
    method: "GET",
    url: `https://casino.example.com/promo/${pick(next, ["spring-24", "welcome", "vip/club"])}?utm_source=${pick(next, ["google", "newsletter", "affiliate-123"])}&utm_campaign=${encodeURIComponent(pick(next, ["Spring Sale 2024", "100% + 50 FS", "Drop & Win"]))}&gclid=${uuid(next)}`,
    headers: baseHeaders(next),
    body: null,
    contentType: null,
  }),
  (next) => {
    const body = JSON.stringify({
      event: "game.round.settled",
      provider: "evolution",
      data: {
        roundId: id(next, "rnd"),
        result: { number: Math.floor(next() * 37), colour: "red" },
        payouts: [{ playerId: id(next, "ply"), amount: "3500000", currency: "EUR" }],
      },
      signature: uuid(next),
    });
    return {
      method: "POST",
      url: "https://api.casino.example.com/v1/providers/evolution/callbacks",
      headers: withType(baseHeaders(next), "application/json"),
      body,
      contentType: "application/json",
    };
  },
  (next) => {
    const text = pick(next, TRICKY_TEXTS);
    return next() < 0.5
      ? {
          method: "GET",
          url: `https://api.casino.example.com/v1/search?q=${encodeURIComponent(text)}`,
          headers: baseHeaders(next),
          body: null,
          contentType: null,
        }
      : {
          method: "POST",
          url: "https://api.casino.example.com/v1/chat/messages",
          headers: withType(baseHeaders(next), "application/json"),
          body: JSON.stringify({ text, channel: "live-chat" }),
          contentType: "application/json",
        };
  },
  webRequest,
];

/** Ordinary requests to other web stacks the edge may sit in front of (shops, CMSs, wikis, APIs). */
const WEB_URLS = [
  "/tienda1/publico/anadir.jsp?id=2&nombre=Jam%F3n+Ib%E9rico&precio=85&cantidad=49&B1=A%F1adir+al+carrito",
  "/search?q=c%2B%2B+tutorial&redirect=%2Fhome%3Ftab%3D1&fields=id,name,email&callback=jQuery123_456&_=1714000000000&ids[]=1&ids[]=2",
  "/api/items?filter=price>=10&sort=-price&page[size]=20&include=author,comments",
  "/wiki/Special:Search?search=O%27Reilly+%26+Associates&go=Go",
  "/index.php?option=com_content&view=article&id=12:welcome&catid=2&Itemid=101",
  "/login?next=%2Faccount%2Fsettings%3Ftab%3Dsecurity%26lang%3Den",
  "/search?q=%22exact+phrase%22+-exclude+site%3Aexample.com+OR+filetype%3Apdf",
  "/static/js/app.8f3a1c.js",
];

export function webRequest(next: () => number): WafRequest {
  return {
    method: "GET",
    url: `https://www.example.com${pick(next, WEB_URLS)}`,
    headers: baseHeaders(next),
    body: null,
    contentType: null,
  };
}

function withType(headers: Headers, type: string): Headers {
  headers.set("content-type", type);
  return headers;
}

/** `count` requests, the same on every run. */
export function benignCorpus(count: number, seed = 20240601): WafRequest[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => (TEMPLATES[i % TEMPLATES.length] as Template)(next));
}

/** The route id the edge would assign: auth routes exclude password fields. */
export function routeIdFor(request: WafRequest): string {
  return request.url.includes("/auth/register") ? "auth.register" : "api";
}

/**
 * The WAF options the edge would pass: the route id and, as the route table does, the method the
 * route serves (every request here is legitimate, so its route serves its method, PATCH included).
 */
export function routeOptionsFor(request: WafRequest): Omit<InspectOptions, "paranoiaLevel"> {
  return { routeId: routeIdFor(request), allowedMethods: [request.method] };
}
