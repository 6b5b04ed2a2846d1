import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-16">
      <div className="card p-8">
        <h1 className="text-2xl font-semibold text-zinc-900">Page not found</h1>
        <p className="mt-3 text-zinc-700">There is nothing at this address.</p>
        <p className="mt-4">
          <Link href="/" className="link">
            Go to the home page
          </Link>
        </p>
      </div>
    </main>
  );
}
