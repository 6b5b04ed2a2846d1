import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { authorizeSignIn } from "./authorize-sign-in";
import { sameOriginRedirect } from "./callback-url";

const EIGHT_HOURS_IN_SECONDS = 8 * 60 * 60;

/**
 * The session token carries the user id and nothing else. Role and
 * organization are read from the database on every request (see
 * current-user.ts): a role copied into a token would outlive a demotion.
 *
 * The public URL is NEXTAUTH_URL, or (on Vercel, or with TRUST_PROXY=1, see
 * instrumentation.ts) the request's X-Forwarded-Host and -Proto, so a preview
 * signs in on its own URL. next-auth then marks the cookies Secure, with the
 * __Secure- prefix, exactly when that URL is https, as behind a TLS proxy.
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

    // next-auth's default already refuses other hosts; this one also refuses
    // the look-alikes sanitizeCallbackUrl knows ("/\\host", control characters).
    redirect({ url, baseUrl }) {
      return sameOriginRedirect(url, baseUrl);
    },
  },
};
