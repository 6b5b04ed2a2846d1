import type { ReactNode } from "react";

import { CopyButton } from "./copy-button";
import { LabelledValue } from "./labelled-value";
import type { ApiKeyView } from "./types";

const MASK = "••••••••••••";

/** The current key after its one-time display: metadata and a masked hint. */
export function KeyDetails({ apiKey }: { apiKey: ApiKeyView }) {
  return (
    <dl className="space-y-3">
      <LabelledValue
        id="auth-id"
        label="Auth ID"
        after={
          <CopyButton
            label="Copy Auth ID"
            value={apiKey.authId}
            targetId="auth-id"
          />
        }
      >
        {apiKey.authId}
      </LabelledValue>
      <LabelledValue id="access-key" label="Access Key">
        <span aria-hidden="true">{MASK}</span>
        <span className="sr-only">hidden, ends in </span>
        {apiKey.accessKeyHint}
      </LabelledValue>
      <Fact term="Created">
        <time dateTime={apiKey.createdAt.iso}>{apiKey.createdAt.label}</time>
        {apiKey.createdBy && <> by {apiKey.createdBy}</>}
      </Fact>
      <Fact term="Last used">
        {apiKey.lastUsedAt ? (
          <time dateTime={apiKey.lastUsedAt.iso}>
            {apiKey.lastUsedAt.label}
          </time>
        ) : (
          "Never"
        )}
      </Fact>
    </dl>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[9rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-zinc-600">{term}</dt>
      <dd className="text-sm text-zinc-900">{children}</dd>
    </div>
  );
}
