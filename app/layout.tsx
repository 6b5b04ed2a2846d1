import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Employee Email", template: "%s · Employee Email" },
  description: "Manage the email contacts of internal newsletters.",
};

export default async function RootLayout({
  children,
}: {
  children: ReactNode;
}) {
  // Every page renders per request: the CSP nonce set in proxy.ts is new on
  // each one, and a page built ahead of time would carry none.
  await connection();

  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
