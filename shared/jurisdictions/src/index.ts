export {
  type AllowedJurisdiction,
  type BlockedJurisdiction,
  getJurisdiction,
  type JurisdictionDecision,
  resolveJurisdiction,
} from "./resolve.ts";
export { type JurisdictionId, jurisdictions, territories } from "./table.ts";
export {
  type BetBucketOrder,
  type BlockReason,
  blockReasons,
  isRegion,
  type Jurisdiction,
  type Region,
  regions,
  type TerritoryRule,
} from "./types.ts";
