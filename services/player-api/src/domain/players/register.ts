import { newId } from "@croupier/core/ids";
import { resolveJurisdiction } from "@croupier/jurisdictions";
import type { Sql } from "postgres";
import type { DomainContext } from "../../deps.ts";
import { errors } from "../../errors.ts";
import { normalizeEmail } from "./player-record.ts";

export interface RegisterInput {
  email: string;
  password: string;
  dateOfBirth: string;
  country: string;
  subdivision?: string;
  currency?: string;
}

/**
 * Registers a player in this home region. The jurisdiction comes from the same table the edge
 * uses. The ledger account is opened inside the transaction, so a failure leaves no player row.
 */
export async function registerPlayer({ ctx, input }: { ctx: DomainContext; input: RegisterInput }) {
  const { deps } = ctx;
  const decision = resolveJurisdiction({ country: input.country, region: input.subdivision ?? null });
  if (!decision.allowed) throw errors.jurisdictionBlocked(decision.reason);
  if (decision.homeRegion !== deps.config.REGION) throw errors.wrongHomeRegion(decision.homeRegion);
  const now = deps.clock();
  if (ageOn(input.dateOfBirth, now) < decision.minimumAge) throw errors.underage(decision.minimumAge);
  const currency = input.currency ?? decision.defaultCurrency;
  if (!decision.currencies.includes(currency)) throw errors.currencyNotOffered(currency);
  if (normalizeEmail(input.email) === input.password.trim().toLowerCase()) {
    throw errors.weakPassword("The password must not be the email address.");
  }

  const passwordHash = await deps.passwords.hash(input.password);
  const playerId = newId("ply");
  await deps.database.sql.begin(async (tx) => {
    const sql = tx as unknown as Sql;
    const inserted = await sql`
      insert into players (id, email, email_normalized, password_hash, date_of_birth, country, jurisdiction, region, currency)
      values (${playerId}, ${input.email.trim()}, ${normalizeEmail(input.email)}, ${passwordHash}, ${input.dateOfBirth},
              ${decision.territory}, ${decision.jurisdiction}, ${decision.homeRegion}, ${currency})
      on conflict (email_normalized) do nothing returning id`;
    if (inserted.length === 0) throw errors.emailTaken();
    await deps.ledger.openAccount(ctx.correlation, {
      playerId,
      currency,
      jurisdiction: decision.jurisdiction,
    });
  });
  deps.counters?.registrations.inc({ jurisdiction: decision.jurisdiction });
  return {
    playerId,
    jurisdiction: decision.jurisdiction,
    region: decision.homeRegion,
    currency,
    status: "active" as const,
  };
}

/** Whole years between a YYYY-MM-DD birth date and `now` (UTC). */
export function ageOn(dateOfBirth: string, now: Date): number {
  const [year, month, day] = dateOfBirth.split("-").map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - year;
  const beforeBirthday =
    now.getUTCMonth() + 1 < month || (now.getUTCMonth() + 1 === month && now.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  return age;
}
