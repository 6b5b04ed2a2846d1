"use client";

import { useEffect, useRef } from "react";

import { CopyButton } from "./copy-button";
import { LabelledValue } from "./labelled-value";

type OneTimeCredentialsProps = {
  authId: string;
  accessKey: string;
  onDone: () => void;
};

/**
 * The only place the Access Key is ever shown. It lives in this component's
 * props, from the action's answer, and is gone on the next page load.
 */
export function OneTimeCredentials({
  authId,
  accessKey,
  onDone,
}: OneTimeCredentialsProps) {
  const heading = useRef<HTMLHeadingElement>(null);

  // Focus follows the new key, so keyboard and screen reader users land on
  // it rather than on a button that has just disappeared.
  useEffect(() => heading.current?.focus(), [authId]);

  return (
    <section
      aria-labelledby="new-api-key-heading"
      className="space-y-4 rounded-lg border border-emerald-300 bg-emerald-50 p-5"
    >
      <h4
        id="new-api-key-heading"
        ref={heading}
        tabIndex={-1}
        className="text-base font-semibold text-zinc-900"
      >
        Your new API key
      </h4>

      <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        <strong>Copy the Access Key now.</strong> It is shown only now: once you
        leave or reload this page, nobody can see it again, and a lost key can
        only be replaced.
      </p>

      <dl className="space-y-3">
        <LabelledValue
          id="new-auth-id"
          label="Auth ID"
          after={
            <CopyButton
              label="Copy Auth ID"
              value={authId}
              targetId="new-auth-id"
            />
          }
        >
          {authId}
        </LabelledValue>
        <LabelledValue
          id="new-access-key"
          label="Access Key"
          after={
            <CopyButton
              label="Copy Access Key"
              value={accessKey}
              targetId="new-access-key"
            />
          }
        >
          {accessKey}
        </LabelledValue>
      </dl>

      <button type="button" onClick={onDone} className="btn-secondary">
        I have stored the key
      </button>
    </section>
  );
}
