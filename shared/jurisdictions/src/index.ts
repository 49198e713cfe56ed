export {
  type AllowedJurisdiction,
  type BlockedJurisdiction,
  getJurisdiction,
  type JurisdictionDecision,
  resolveJurisdiction,
} from "./resolve.ts";
export {
  type BetBucketOrder,
  type BlockReason,
  betBucketOrderSchema,
  blockReasonSchema,
  type Jurisdiction,
  jurisdictionSchema,
  type Region,
  regionSchema,
  regions,
  type TerritoryRule,
  territoryRuleSchema,
} from "./schema.ts";
export { type JurisdictionId, jurisdictions, territories } from "./table.ts";
