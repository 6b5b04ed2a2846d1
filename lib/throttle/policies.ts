import "server-only";

import { FailedAuthThrottle } from "./failed-auth";

// Failures allowed per window. Generous for a person mistyping or an
// integration deployed with an old key; far too few for guessing.
export const CONTACT_API_POLICY = {
  name: "contact-api",
  perAddress: { points: 30, durationSeconds: 10 * 60 },
  perAccount: { points: 10, durationSeconds: 10 * 60 },
};

export const SIGN_IN_POLICY = {
  name: "sign-in",
  perAddress: { points: 20, durationSeconds: 15 * 60 },
  perAccount: { points: 5, durationSeconds: 15 * 60 },
};

export const contactApiThrottle = new FailedAuthThrottle(CONTACT_API_POLICY);
export const signInThrottle = new FailedAuthThrottle(SIGN_IN_POLICY);
