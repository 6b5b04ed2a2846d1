import Link from "next/link";

// Rendered with HTTP 403 when a page calls forbidden(): a signed-in person
// whose role does not reach that page.
export default function Forbidden() {
  return (
    <section className="card max-w-2xl p-8">
      <h1 className="text-2xl font-semibold text-zinc-900">No access</h1>
      <p className="mt-3 text-zinc-700">
        Your role has no access to Email Contacts administration. Ask your
        organization&apos;s Parent Admin if you need it.
      </p>
      <p className="mt-4">
        <Link href="/" className="link">
          Go to the home page
        </Link>
      </p>
    </section>
  );
}
