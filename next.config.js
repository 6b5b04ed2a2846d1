// @ts-check

// Validated with the rest of the configuration in lib/config/env.ts at
// start-up; read here because next.config.js cannot import TypeScript.
const serverActionsAllowedOrigins = (
  process.env.SERVER_ACTIONS_ALLOWED_ORIGINS ?? ""
)
  .split(",")
  .map((origin) => origin.trim())
  .filter(Boolean);

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,

  // `next dev` would otherwise write and keep re-adding managed blocks in an
  // AGENTS.md at the project root; the tree should only change when we do.
  agentRules: false,

  // /api/ready compares the database with the migrations this build ships;
  // serverless hosts (Vercel) bundle only traced files, so name them.
  outputFileTracingIncludes: { "/api/ready": ["./prisma/migrations/**/*"] },

  experimental: {
    agentUpgrade: false,
    agentFeedback: false,
    // Enables forbidden(): pages refused by role answer with a real 403.
    authInterrupts: true,
    // Server actions accept only same-origin posts, plus these hosts (for a
    // proxy that rewrites Host).
    serverActions: { allowedOrigins: serverActionsAllowedOrigins },
  },
};

module.exports = nextConfig;
