"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

// One message for an unknown email and a wrong password alike, so the form
// never tells a stranger which accounts exist.
const WRONG_CREDENTIALS = "Incorrect email or password.";
const UNEXPECTED_FAILURE = "Sign-in failed. Please try again.";
// Said for any email once its failures or this address's pile up.
const THROTTLED =
  "Too many failed sign-in attempts. Wait a few minutes and try again.";

type SignInFormProps = {
  /** Already sanitised on the server: a path on this site. */
  callbackUrl: string;
  /** Set when next-auth sent the browser back here after a failure. */
  failedBefore?: boolean;
};

export function SignInForm({ callbackUrl, failedBefore }: SignInFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(
    failedBefore ? UNEXPECTED_FAILURE : null,
  );
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setPending(true);

    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      callbackUrl,
      redirect: false,
    });

    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }

    setPending(false);
    setError(messageFor(result?.error));
  }

  return (
    <form onSubmit={handleSubmit} className="space-y-5" noValidate>
      <div role="alert" aria-live="assertive">
        {error && (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
      </div>

      <Field label="Email" name="email" type="email" autoComplete="username" />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
      />

      {/* The label stays "Sign in" while pending: it is the button's name. */}
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        Sign in
      </button>
    </form>
  );
}

function messageFor(error: string | null | undefined): string {
  if (error === "CredentialsSignin") return WRONG_CREDENTIALS;
  // Mirrors SIGN_IN_THROTTLED in lib/auth/authorize-sign-in.ts, which a
  // client component may not import.
  if (error === "TooManyAttempts") return THROTTLED;
  return UNEXPECTED_FAILURE;
}

type FieldProps = {
  label: string;
  name: string;
  type: "email" | "password";
  autoComplete: string;
};

function Field({ label, name, type, autoComplete }: FieldProps) {
  const id = `sign-in-${name}`;

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-400 focus:border-accent-600"
      />
    </div>
  );
}
