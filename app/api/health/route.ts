// GET /api/health: liveness only; touches no database and needs no credentials.
export function GET(): Response {
  return Response.json(
    { status: "ok" },
    { headers: { "Cache-Control": "no-store" } },
  );
}
