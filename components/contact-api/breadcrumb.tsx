// Plain text on purpose: "Email Contacts" is already a link in the main
// navigation, and a second link of the same name would make the accessible
// names that tests and screen readers rely on ambiguous.
export function ContactApiBreadcrumb() {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-2 text-sm text-zinc-600">
        <li>Email Contacts</li>
        <Separator />
        <li>Import</li>
        <Separator />
        <li className="font-medium text-zinc-900">Contact API</li>
      </ol>
    </nav>
  );
}

function Separator() {
  return (
    <li aria-hidden="true" className="text-zinc-400">
      ›
    </li>
  );
}
