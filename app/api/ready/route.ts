import { db } from "@/lib/db/client";
import { checkReadiness, DatabaseUnreachable } from "@/lib/db/readiness";
import { logger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "no-store" };

// GET /api/ready: readiness for a load balancer or a deploy step. 200 when the
// database answers and this build's migrations are applied, 503 otherwise.
// Says which migrations are missing; never a host, user or error text.
export async function GET(): Promise<Response> {
  try {
    const readiness = await checkReadiness(db);
    if (readiness.ready)
      return Response.json({ status: "ready" }, { headers: HEADERS });

    logger.warn({ pending: readiness.pending }, "migrations pending");
    return Response.json(
      {
        status: "not-ready",
        reason: readiness.reason,
        pending: readiness.pending,
      },
      { status: 503, headers: HEADERS },
    );
  } catch (error) {
    if (!(error instanceof DatabaseUnreachable)) throw error;

    logger.error({ err: error }, "readiness check: database unreachable");
    return Response.json(
      { status: "not-ready", reason: "database-unreachable" },
      { status: 503, headers: HEADERS },
    );
  }
}
