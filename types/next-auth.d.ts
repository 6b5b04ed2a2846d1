import "next-auth";

// The session exposes the user id only; see lib/auth/options.ts for why.
declare module "next-auth" {
  interface Session {
    user: { id: string };
  }
}
