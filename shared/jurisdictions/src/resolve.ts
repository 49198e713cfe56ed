import { type JurisdictionId, jurisdictions, territories } from "./table.ts";
import type { BlockReason, Jurisdiction, Region } from "./types.ts";

export type AllowedJurisdiction = {
  allowed: true;
  /** Jurisdiction id, e.g. "eu", "uk", "ca-on". */
  jurisdiction: JurisdictionId;
  homeRegion: Region;
  minimumAge: number;
  defaultCurrency: string;
  currencies: readonly string[];
  limitRaiseCooldownHours: number;
  betBucketOrder: Jurisdiction["betBucketOrder"];
  /** The territory the decision was made on: "MT", "CA-ON". */
  territory: string;
};

export type BlockedJurisdiction = {
  allowed: false;
  /** The territory that was refused ("US", "CA-QC"), or null when the country is missing or malformed. */
  jurisdiction: string | null;
  reason: BlockReason;
};

export type JurisdictionDecision = AllowedJurisdiction | BlockedJurisdiction;

const rulesByCode = new Map(territories.map((rule) => [rule.code, rule]));

const countryPattern = /^[A-Z][A-Z0-9]$/;
const subdivisionPattern = /^[A-Z0-9]{1,3}$/;

/**
 * Decides whether a request from `country` (ISO 3166-1 alpha-2, as in Cloudflare's `request.cf.country`)
 * and optional `region` (ISO 3166-2 subdivision, "ON" or "CA-ON", as in `request.cf.regionCode`) may play,
 * and under which jurisdiction. Missing, malformed or special codes fail closed.
 */
export function resolveJurisdiction(input: {
  country?: string | null;
  region?: string | null;
}): JurisdictionDecision {
  const country = input.country?.trim().toUpperCase() ?? "";
  if (!countryPattern.test(country)) return { allowed: false, jurisdiction: null, reason: "unknown-country" };

  const subdivision = normaliseSubdivision(country, input.region);
  const rule = (subdivision && rulesByCode.get(subdivision)) || rulesByCode.get(country);
  const territory = rule?.code ?? country;

  if (!rule) {
    return { allowed: false, jurisdiction: subdivision ?? country, reason: "not-licensed" };
  }
  if ("blocked" in rule) {
    // Name the most specific territory we know so a Quebec player sees "CA-QC", not "CA".
    const named = rule.blocked === "subdivision-required" && subdivision ? subdivision : territory;
    return { allowed: false, jurisdiction: named, reason: rule.blocked };
  }
  const licensed = jurisdictions[rule.jurisdiction as JurisdictionId];
  return {
    allowed: true,
    jurisdiction: licensed.id,
    homeRegion: licensed.homeRegion,
    minimumAge: licensed.minimumAge,
    defaultCurrency: licensed.defaultCurrency,
    currencies: licensed.currencies,
    limitRaiseCooldownHours: licensed.limitRaiseCooldownHours,
    betBucketOrder: licensed.betBucketOrder,
    territory,
  };
}

function normaliseSubdivision(country: string, region: string | null | undefined): string | null {
  const raw = region?.trim().toUpperCase();
  if (!raw) return null;
  const local = raw.startsWith(`${country}-`) ? raw.slice(country.length + 1) : raw;
  return subdivisionPattern.test(local) ? `${country}-${local}` : null;
}

/** The jurisdiction record for an id carried in a session claim, or undefined if it is not licensed. */
export function getJurisdiction(id: string): Jurisdiction | undefined {
  return Object.hasOwn(jurisdictions, id) ? jurisdictions[id as JurisdictionId] : undefined;
}
