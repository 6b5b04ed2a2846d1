import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { authorizeSignIn } from "./authorize-sign-in";

const EIGHT_HOURS_IN_SECONDS = 8 * 60 * 60;

/**
 * The session token carries the user id and nothing else. Role and
 * organization are read from the database on every request (see
 * current-user.ts): a role copied into a token would outlive a demotion.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: EIGHT_HOURS_IN_SECONDS },
  jwt: { maxAge: EIGHT_HOURS_IN_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },

  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      authorize: (credentials, request) =>
        authorizeSignIn(credentials, request?.headers),
    }),
  ],

  callbacks: {
    // next-auth would copy name, email and picture into the token; keep only
    // the subject. `user` is set on sign-in, `token` on every later request.
    jwt({ token, user }) {
      return { sub: user?.id ?? token.sub };
    },

    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub ?? "" } };
    },
  },
};
