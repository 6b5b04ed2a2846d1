"use client";

import { unstable_isUnrecognizedActionError } from "next/navigation";
import { useRef, useState, useTransition } from "react";

import {
  ConfirmKeyChangeDialog,
  type KeyChange,
} from "./confirm-key-change-dialog";
import { KeyActionsMenu } from "./key-actions-menu";
import { KeyDetails } from "./key-details";
import { OneTimeCredentials } from "./one-time-credentials";
import type { ApiKeyActions, ApiKeyView } from "./types";

type ApiKeyPanelProps = {
  currentKey: ApiKeyView | null;
  /** Decided on the server; the actions check again for themselves. */
  canManage: boolean;
  actions?: ApiKeyActions;
};

type Notice = { kind: "error" | "info"; text: string; reload?: boolean };

type NewCredentials = { authId: string; accessKey: string };

const UNREACHABLE =
  "The server could not be reached. Check your connection and try again.";

// A tab opened before a deploy calls actions by ids the new build does not
// know; Next refuses them before running anything, so nothing changed.
const APP_UPDATED: Notice = {
  kind: "error",
  text: "Employee Email was updated since this page was opened, and nothing was changed. Reload the page, then try again.",
  reload: true,
};

/**
 * The organization's key and what may be done with it. The page re-renders
 * after every change; the new Access Key survives that only in this state.
 */
export function ApiKeyPanel({
  currentKey,
  canManage,
  actions,
}: ApiKeyPanelProps) {
  const [pending, startTransition] = useTransition();
  const inFlight = useRef(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const [dialog, setDialog] = useState<KeyChange | null>(null);
  const [created, setCreated] = useState<NewCredentials | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  // Once the page shows another key (replaced in another tab, or deleted),
  // the credentials held here are dead and must not be offered for copying.
  const showCreated = created !== null && created.authId === currentKey?.authId;
  const manageable = canManage && actions !== undefined;

  function run(change: "generate" | KeyChange) {
    // isPending only disables the buttons on the next render; the ref also
    // stops a second click that lands before it.
    if (!actions || inFlight.current) return;
    inFlight.current = true;
    setNotice(null);

    const input = { expectedAuthId: currentKey?.authId ?? null };

    startTransition(async () => {
      try {
        setNotice(await perform(actions, change, input, setCreated));
      } catch (error) {
        setNotice(
          unstable_isUnrecognizedActionError(error)
            ? APP_UPDATED
            : { kind: "error", text: UNREACHABLE },
        );
      } finally {
        inFlight.current = false;
        setDialog(null);
      }
    });
  }

  return (
    <section
      aria-labelledby="current-key-heading"
      className="card space-y-5 p-6"
    >
      <div className="flex items-start justify-between gap-4">
        <h3
          id="current-key-heading"
          className="text-lg font-semibold text-zinc-900"
        >
          Your organization&apos;s key
        </h3>
        {manageable && currentKey && (
          <KeyActionsMenu
            disabled={pending}
            triggerRef={menuButton}
            onChoose={setDialog}
          />
        )}
      </div>

      {notice && <NoticeLine notice={notice} />}

      {showCreated ? (
        <OneTimeCredentials
          authId={created.authId}
          accessKey={created.accessKey}
          onDone={() => setCreated(null)}
        />
      ) : currentKey ? (
        <KeyDetails apiKey={currentKey} />
      ) : (
        <NoKey
          canGenerate={manageable}
          pending={pending}
          onGenerate={() => run("generate")}
        />
      )}

      {manageable && (
        <ConfirmKeyChangeDialog
          change={dialog}
          pending={pending}
          onConfirm={run}
          onCancel={() => setDialog(null)}
          onReturnFocus={() => menuButton.current?.focus()}
        />
      )}
    </section>
  );
}

async function perform(
  actions: ApiKeyActions,
  change: "generate" | KeyChange,
  input: { expectedAuthId: string | null },
  setCreated: (credentials: NewCredentials | null) => void,
): Promise<Notice | null> {
  if (change === "delete") {
    const result = await actions.remove(input);
    if (!result.ok) return { kind: "error", text: result.error };

    setCreated(null);
    return {
      kind: "info",
      text: result.alreadyDeleted
        ? "The API key was already deleted."
        : "The API key was deleted. Integrations that used it can no longer connect.",
    };
  }

  const result = await actions.generate(input);
  if (!result.ok) return { kind: "error", text: result.error };

  setCreated({ authId: result.authId, accessKey: result.accessKey });
  return null;
}

function NoticeLine({ notice }: { notice: Notice }) {
  const isError = notice.kind === "error";

  return (
    <div
      role={isError ? "alert" : "status"}
      className={
        isError
          ? "flex flex-wrap items-center gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900"
          : "rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-800"
      }
    >
      <p>{notice.text}</p>
      {notice.reload && (
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="btn-secondary"
        >
          Reload page
        </button>
      )}
    </div>
  );
}

type NoKeyProps = {
  canGenerate: boolean;
  pending: boolean;
  onGenerate: () => void;
};

function NoKey({ canGenerate, pending, onGenerate }: NoKeyProps) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-700">
        Your organization has no API key. Integrations cannot use the Contact
        API until one is generated.
      </p>
      {canGenerate && (
        <button
          type="button"
          disabled={pending}
          aria-busy={pending}
          onClick={onGenerate}
          className="btn-primary"
        >
          Generate API Key
        </button>
      )}
    </div>
  );
}
