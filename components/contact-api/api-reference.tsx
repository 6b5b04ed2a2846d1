import type { ReferenceOperation } from "@/lib/contact-api-reference/operations";

type ApiReferenceProps = {
  baseUrl: string;
  operations: ReferenceOperation[];
};

const METHOD_COLOURS: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900",
  POST: "bg-emerald-100 text-emerald-900",
  PUT: "bg-amber-100 text-amber-900",
  PATCH: "bg-violet-100 text-violet-900",
  DELETE: "bg-red-100 text-red-900",
};

// Server-rendered from the OpenAPI document: no script, no CDN, nothing the
// page would need from outside the app.
export function ApiReference({ baseUrl, operations }: ApiReferenceProps) {
  return (
    <div className="space-y-6">
      <section className="card space-y-3 p-6 text-sm text-zinc-800">
        <h2 className="text-lg font-semibold text-zinc-900">
          Before you start
        </h2>
        <p>
          Every example below reads the key from shell variables. Paste your
          Auth ID and Access Key (shown once, when the key was generated):
        </p>
        <Code>{`BASE_URL='${baseUrl}'\nAUTH_ID='eeid_…'\nACCESS_KEY='eesk_…'`}</Code>
        <p>
          The machine-readable description is at{" "}
          <a href="/api/v1/openapi.json" className="link">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI 3.1).
        </p>
      </section>

      <nav aria-label="Endpoints" className="card p-6 text-sm">
        <h2 className="text-lg font-semibold text-zinc-900">Endpoints</h2>
        <ul className="mt-3 space-y-1">
          {operations.map((operation) => (
            <li key={operation.id}>
              <a href={`#${operation.id}`} className="link font-mono">
                {operation.method} {operation.path}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {operations.map((operation) => (
        <OperationSection key={operation.id} operation={operation} />
      ))}
    </div>
  );
}

function OperationSection({ operation }: { operation: ReferenceOperation }) {
  const headingId = `${operation.id}-heading`;

  return (
    <section
      id={operation.id}
      aria-labelledby={headingId}
      className="card space-y-4 p-6 text-sm text-zinc-800"
    >
      <h2 id={headingId} className="flex flex-wrap items-center gap-3">
        <span
          className={`rounded px-2 py-0.5 font-mono text-xs font-bold ${METHOD_COLOURS[operation.method] ?? ""}`}
        >
          {operation.method}
        </span>
        <span className="font-mono text-base text-zinc-900">
          {operation.path}
        </span>
      </h2>
      <p className="font-medium text-zinc-900">{operation.summary}</p>
      {operation.description && <p>{operation.description}</p>}

      {operation.parameters.length > 0 && (
        <table className="w-full text-left">
          <caption className="text-left font-semibold text-zinc-900">
            Parameters of {operation.method} {operation.path}
          </caption>
          <thead className="border-b border-zinc-200 text-zinc-700">
            <tr>
              <th scope="col" className="py-2 pr-4">
                Name
              </th>
              <th scope="col" className="py-2 pr-4">
                In
              </th>
              <th scope="col" className="py-2 pr-4">
                Type
              </th>
              <th scope="col" className="py-2">
                Description
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {operation.parameters.map((parameter) => (
              <tr key={`${parameter.location}-${parameter.name}`}>
                <th scope="row" className="py-2 pr-4 font-mono font-normal">
                  {parameter.name}
                  {parameter.required && (
                    <span className="ml-1 text-xs text-zinc-600">
                      (required)
                    </span>
                  )}
                </th>
                <td className="py-2 pr-4">{parameter.location}</td>
                <td className="py-2 pr-4 font-mono">{parameter.type}</td>
                <td className="py-2">{parameter.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {operation.requestExample && (
        <div>
          <h3 className="font-semibold text-zinc-900">Example body</h3>
          <Code>{operation.requestExample}</Code>
        </div>
      )}

      <div>
        <h3 className="font-semibold text-zinc-900">Example request</h3>
        <Code>{operation.curl}</Code>
      </div>

      {operation.responses.length > 0 && (
        <div>
          <h3 className="font-semibold text-zinc-900">Responses</h3>
          <dl className="mt-2 grid grid-cols-[4rem_1fr] gap-x-4 gap-y-1">
            {operation.responses.map((response) => (
              <div key={response.status} className="contents">
                <dt className="font-mono">{response.status}</dt>
                <dd>{response.description}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </section>
  );
}

function Code({ children }: { children: string }) {
  // tabIndex: a scrollable region must be reachable by keyboard (axe).
  return (
    <pre
      tabIndex={0}
      className="mt-2 overflow-x-auto rounded-md bg-zinc-900 p-4 text-xs text-zinc-100"
    >
      <code>{children}</code>
    </pre>
  );
}
