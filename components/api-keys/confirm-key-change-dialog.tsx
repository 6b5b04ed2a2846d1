"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";

export type KeyChange = "replace" | "delete";

const COPY: Record<
  KeyChange,
  { title: string; body: string; confirm: string }
> = {
  replace: {
    title: "Replace the API key?",
    body:
      "A new Auth ID and Access Key are created and the current ones stop " +
      "working at once. Every integration that uses this API key stops " +
      "working until you give it the new credentials.",
    confirm: "Replace API Key",
  },
  delete: {
    title: "Delete the API key?",
    body:
      "The API key is deleted for good. Every integration that uses it " +
      "stops working at once. You can generate a new key later, and each " +
      "integration will then need the new credentials.",
    confirm: "Delete API Key",
  },
};

type ConfirmKeyChangeDialogProps = {
  change: KeyChange | null;
  pending: boolean;
  onConfirm: (change: KeyChange) => void;
  onCancel: () => void;
  /** Where focus goes back to when the dialog closes without a change. */
  onReturnFocus: () => void;
};

/**
 * Asks before a change that breaks integrations. The confirm button is not
 * an AlertDialog.Action, which would close at once: the dialog stays, with
 * its buttons disabled, until the server has answered.
 */
export function ConfirmKeyChangeDialog({
  change,
  pending,
  onConfirm,
  onCancel,
  onReturnFocus,
}: ConfirmKeyChangeDialogProps) {
  const copy = change ? COPY[change] : null;

  return (
    <AlertDialog.Root
      open={change !== null}
      onOpenChange={(open) => !open && !pending && onCancel()}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-zinc-900/50" />
        <AlertDialog.Content
          onEscapeKeyDown={(event) => pending && event.preventDefault()}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (document.activeElement === document.body) onReturnFocus();
          }}
          className="fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-6 shadow-xl"
        >
          <AlertDialog.Title className="text-lg font-semibold text-zinc-900">
            {copy?.title}
          </AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-zinc-700">
            {copy?.body}
          </AlertDialog.Description>
          <div className="flex justify-end gap-3 pt-2">
            <AlertDialog.Cancel disabled={pending} className="btn-secondary">
              Cancel
            </AlertDialog.Cancel>
            <button
              type="button"
              disabled={pending}
              aria-busy={pending}
              onClick={() => change && onConfirm(change)}
              className="btn bg-red-700 text-white hover:bg-red-800"
            >
              {copy?.confirm}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
