// The one line under a Fields screen form that says how its action went:
// an alert for a refusal (read out at once), a status for a success.

export type Notice = { kind: "error" | "success"; text: string };

export const UNREACHABLE: Notice = {
  kind: "error",
  text: "The server could not be reached. Check your connection and try again.",
};

export function FormNotice({ notice }: { notice: Notice | null }) {
  return (
    <p
      role={notice?.kind === "error" ? "alert" : "status"}
      className={notice?.kind === "error" ? "text-red-700" : "text-emerald-800"}
    >
      {notice?.text}
    </p>
  );
}
