import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/auth/sign-in-form";
import { sanitizeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/current-user";
import { homePathFor } from "@/lib/auth/home-path";

export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const user = await getCurrentUser();
  if (user) redirect(homePathFor(user.role));

  const params = await searchParams;
  const callbackUrl = sanitizeCallbackUrl(params.callbackUrl);

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-sm font-semibold tracking-wide text-accent-700 uppercase">
          Employee Email
        </p>
        <div className="card p-8">
          <h1 className="mb-6 text-xl font-semibold text-zinc-900">Sign in</h1>
          <SignInForm
            callbackUrl={callbackUrl}
            failedBefore={params.error !== undefined}
          />
        </div>
      </div>
    </main>
  );
}
