"use client";

import { useEffect, useRef, useState } from "react";

type CopyButtonProps = {
  /** The button's accessible name, which never changes: "Copy Auth ID". */
  label: string;
  value: string;
  /** The element showing the value, selected when the clipboard is refused. */
  targetId: string;
};

type CopyStatus = "idle" | "copied" | "manual";

const COPIED_MESSAGE_MS = 3000;

/**
 * Copies a value and says so only when the copy happened. Over plain HTTP,
 * or in a frame without clipboard permission, the browser refuses: the value
 * is then selected so the person can copy it with the keyboard.
 */
export function CopyButton({ label, value, targetId }: CopyButtonProps) {
  const [status, setStatus] = useState<CopyStatus>("idle");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    clearTimeout(timer.current);

    try {
      // Undefined outside a secure context, hence the optional chaining.
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(value);

      setStatus("copied");
      timer.current = setTimeout(() => setStatus("idle"), COPIED_MESSAGE_MS);
    } catch {
      selectContents(targetId);
      setStatus("manual");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={copy} className="btn-secondary">
        <CopyIcon />
        {label}
      </button>
      {/* Always rendered: a live region must exist before it speaks. */}
      <span role="status" aria-live="polite" className="text-sm text-zinc-700">
        {status === "copied" && "Copied"}
        {status === "manual" && manualCopyHint()}
      </span>
    </span>
  );
}

function selectContents(elementId: string): void {
  const element = document.getElementById(elementId);
  const selection = window.getSelection();
  if (!element || !selection) return;

  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}

function manualCopyHint(): string {
  const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);

  return isMac ? "Press ⌘C to copy" : "Press Ctrl+C to copy";
}

function CopyIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      className="size-4"
    >
      <rect x="7" y="7" width="10" height="10" rx="1.5" />
      <path d="M13 7V4.5A1.5 1.5 0 0 0 11.5 3h-7A1.5 1.5 0 0 0 3 4.5v7A1.5 1.5 0 0 0 4.5 13H7" />
    </svg>
  );
}
