import type { BlockReason, Jurisdiction, TerritoryRule } from "./types.ts";

/**
 * The licensed jurisdictions. Adding one is a licensing decision: it needs a licence, a home region
 * with its own data, and the RG parameters the regulator mandates.
 */
export const jurisdictions = {
  eu: {
    id: "eu",
    name: "European Union (Malta licence)",
    regulator: "MGA",
    homeRegion: "eu",
    minimumAge: 18,
    defaultCurrency: "EUR",
    currencies: ["EUR"],
    limitRaiseCooldownHours: 24,
    betBucketOrder: "cash-first",
  },
  uk: {
    id: "uk",
    name: "Great Britain",
    regulator: "UKGC",
    homeRegion: "uk",
    minimumAge: 18,
    defaultCurrency: "GBP",
    currencies: ["GBP"],
    limitRaiseCooldownHours: 24,
    // UKGC: real money is wagered before bonus money.
    betBucketOrder: "cash-first",
  },
  "ca-on": {
    id: "ca-on",
    name: "Ontario",
    regulator: "AGCO / iGaming Ontario",
    homeRegion: "ca",
    minimumAge: 19,
    defaultCurrency: "CAD",
    currencies: ["CAD"],
    limitRaiseCooldownHours: 24,
    betBucketOrder: "cash-first",
  },
} as const satisfies Record<string, Jurisdiction>;

export type JurisdictionId = keyof typeof jurisdictions;

const euLicensed = [
  "AT",
  "BG",
  "CY",
  "CZ",
  "DE",
  "EE",
  "FI",
  "GR",
  "HR",
  "HU",
  "IE",
  "LT",
  "LU",
  "LV",
  "MT",
  "PL",
  "RO",
  "SI",
  "SK",
  "IS",
  "LI",
];

// Countries under comprehensive sanctions regimes (EU/UK/UN/OFAC); no business at all.
const sanctioned = ["BY", "CU", "IR", "KP", "RU", "SY"];
// Occupied or sanctioned subdivisions of otherwise handled countries.
const sanctionedSubdivisions = ["UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65"];

// Markets with their own licensing regime that this operator does not hold.
const ownLicenceRegime = [
  "US",
  "FR",
  "NL",
  "BE",
  "IT",
  "ES",
  "PT",
  "DK",
  "SE",
  "NO",
  "CH",
  "AU",
  "UA",
  "TR",
  "GI",
  "IM",
  "JE",
  "GG",
];

const block = (code: string, reason: BlockReason): TerritoryRule => ({ code, blocked: reason });

/**
 * Country and subdivision rules. Anything not listed is blocked ("not-licensed"): the table is an
 * allowlist, so a forgotten country fails closed.
 */
export const territories: readonly TerritoryRule[] = [
  ...euLicensed.map((code) => ({ code, jurisdiction: "eu" })),
  { code: "GB", jurisdiction: "uk" },
  // Canada licenses per province: only Ontario is covered; a Canadian request without a province fails closed.
  { code: "CA-ON", jurisdiction: "ca-on" },
  block("CA", "subdivision-required"),
  ...sanctioned.map((code) => block(code, "sanctioned")),
  ...sanctionedSubdivisions.map((code) => block(code, "sanctioned")),
  ...ownLicenceRegime.map((code) => block(code, "own-licence-regime")),
  // Cloudflare's "unknown" and "Tor" pseudo-countries.
  block("XX", "unknown-country"),
  block("T1", "unknown-country"),
];
