"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useRef, type Ref } from "react";

import type { KeyChange } from "./confirm-key-change-dialog";

type KeyActionsMenuProps = {
  disabled: boolean;
  triggerRef: Ref<HTMLButtonElement>;
  onChoose: (change: KeyChange) => void;
};

const ITEM_CLASS =
  "cursor-pointer rounded px-3 py-2 text-sm text-zinc-800 outline-none data-[highlighted]:bg-zinc-100";

/** The three-dots menu; each item opens its confirmation dialog. */
export function KeyActionsMenu({
  disabled,
  triggerRef,
  onChoose,
}: KeyActionsMenuProps) {
  // The menu would hand focus back to its button as it closes, taking it
  // from the dialog that is opening; the dialog then returns it itself.
  const openingDialog = useRef(false);

  function choose(change: KeyChange) {
    openingDialog.current = true;
    onChoose(change);
  }

  // Not modal and not portalled, like the Import menu: a modal menu hides the
  // page from assistive technology around a focusable trigger, and a portal
  // puts the menu outside the landmarks. Both fail axe.
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        ref={triggerRef}
        disabled={disabled}
        aria-label="API key actions"
        className="btn-secondary px-2"
      >
        <DotsIcon />
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        align="end"
        sideOffset={4}
        onCloseAutoFocus={(event) => {
          if (openingDialog.current) event.preventDefault();
          openingDialog.current = false;
        }}
        className="z-30 min-w-44 rounded-md border border-zinc-200 bg-white p-1 shadow-lg"
      >
        <DropdownMenu.Item
          className={ITEM_CLASS}
          onSelect={() => choose("replace")}
        >
          Replace API Key
        </DropdownMenu.Item>
        <DropdownMenu.Item
          className={`${ITEM_CLASS} text-red-700`}
          onSelect={() => choose("delete")}
        >
          Delete API Key
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}

function DotsIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      fill="currentColor"
      className="size-5"
    >
      <circle cx="4" cy="10" r="1.6" />
      <circle cx="10" cy="10" r="1.6" />
      <circle cx="16" cy="10" r="1.6" />
    </svg>
  );
}
