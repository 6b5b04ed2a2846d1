// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,

  // `next dev` would otherwise write and keep re-adding managed blocks in an
  // AGENTS.md at the project root; the tree should only change when we do.
  agentRules: false,

  experimental: {
    agentUpgrade: false,
    agentFeedback: false,
    // Enables forbidden(): pages refused by role answer with a real 403.
    authInterrupts: true,
  },
};

module.exports = nextConfig;
