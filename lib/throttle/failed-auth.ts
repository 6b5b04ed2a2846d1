import "server-only";

import { createHash } from "node:crypto";

import { Pool } from "pg";
import {
  RateLimiterPostgres,
  type RateLimiterRes,
} from "rate-limiter-flexible";

import { logger } from "@/lib/log/logger";

// Throttling of failed authentication (Contact API keys, sign-in), counted in
// PostgreSQL so that every instance of the app sees the same counts.
//
// Only failures are counted, per client address and per account (Auth ID or
// email). A client address over its limit is refused outright. An account
// over its limit refuses addresses that have failed recently, and wrong
// guesses from anywhere, but a correct key or password from a clean address
// always passes: nobody can lock an organization out by failing on purpose.

export type ThrottleLimit = { points: number; durationSeconds: number };

export type ThrottlePolicy = {
  name: string;
  perAddress: ThrottleLimit;
  perAccount: ThrottleLimit;
};

export type Throttled = { retryAfterSeconds: number };

// The table comes from prisma/migrations (model RateLimit); the library
// never creates it.
const TABLE = "rate_limit";

const globalForThrottle = globalThis as unknown as { throttlePool?: Pool };

function pool(): Pool {
  globalForThrottle.throttlePool ??= new Pool({
    connectionString: process.env.DATABASE_URL,
    max: 5,
  });
  return globalForThrottle.throttlePool;
}

export class FailedAuthThrottle {
  private readonly addresses: RateLimiterPostgres;
  private readonly accounts: RateLimiterPostgres;

  constructor(private readonly policy: ThrottlePolicy) {
    this.addresses = limiter(`${policy.name}:ip`, policy.perAddress);
    this.accounts = limiter(`${policy.name}:account`, policy.perAccount);
  }

  /** Before checking credentials: the refusal, or null to go on. */
  async check(
    address: string | null,
    account: string | null,
  ): Promise<Throttled | null> {
    return this.safely(async () => {
      const byAddress = await this.addresses.get(addressKey(address));
      if (this.over(byAddress, this.policy.perAddress, 0)) {
        return throttled(byAddress);
      }
      if (!account || !byAddress) return null;

      // Only an address that has failed before meets the account's limit
      // here; a clean one gets to present its credentials.
      const byAccount = await this.accounts.get(accountKey(account));
      return this.over(byAccount, this.policy.perAccount, 0)
        ? throttled(byAccount)
        : null;
    });
  }

  /** After a failure: counts it, and says whether to answer 429 instead. */
  async recordFailure(
    address: string | null,
    account: string | null,
  ): Promise<Throttled | null> {
    return this.safely(async () => {
      const byAddress = await this.addresses.penalty(addressKey(address), 1);
      const byAccount = account
        ? await this.accounts.penalty(accountKey(account), 1)
        : null;

      if (this.over(byAccount, this.policy.perAccount, 1)) {
        return throttled(byAccount);
      }
      return this.over(byAddress, this.policy.perAddress, 1)
        ? throttled(byAddress)
        : null;
    });
  }

  private over(
    result: RateLimiterRes | null,
    limit: ThrottleLimit,
    justAdded: number,
  ): result is RateLimiterRes {
    return result !== null && result.consumedPoints - justAdded >= limit.points;
  }

  // A throttle that cannot reach its store lets requests through: the
  // credentials are still checked, and an outage must not become a 500.
  private async safely(
    work: () => Promise<Throttled | null>,
  ): Promise<Throttled | null> {
    try {
      return await work();
    } catch (error) {
      logger.warn(
        { err: error, throttle: this.policy.name },
        "throttle unavailable",
      );
      return null;
    }
  }
}

function limiter(keyPrefix: string, limit: ThrottleLimit): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: pool(),
    storeType: "pool",
    tableName: TABLE,
    tableCreated: true,
    keyPrefix,
    points: limit.points,
    duration: limit.durationSeconds,
  });
}

function throttled(result: RateLimiterRes): Throttled {
  return {
    retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
  };
}

function addressKey(address: string | null): string {
  return address ?? "unknown";
}

// Accounts are stored as digests: the table then holds no email address, and
// an over-long Auth ID from a header still fits the key column.
function accountKey(account: string): string {
  return createHash("sha256")
    .update(account, "utf8")
    .digest("hex")
    .slice(0, 40);
}
