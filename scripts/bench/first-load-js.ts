import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import vm from "node:vm";

// First-load JS of one App Router page, from the production build's own
// manifests: the root main files every page loads, plus the chunks of each
// segment (layouts and page) in the route's client reference manifest.
// Polyfills are left out: modern browsers skip their nomodule script.

export type FirstLoadJs = {
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
};

type BuildManifest = { rootMainFiles: string[] };
type ClientReferenceManifest = { entryJSFiles: Record<string, string[]> };

function readClientReferenceManifest(
  nextDir: string,
  page: string,
): ClientReferenceManifest {
  const file = path.join(
    nextDir,
    "server/app",
    page,
    "page_client-reference-manifest.js",
  );
  // The file assigns to globalThis.__RSC_MANIFEST; run it in a sandbox.
  const sandbox: { self?: unknown; globalThis?: unknown } & Record<
    string,
    unknown
  > = {};
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox);

  const manifests = sandbox.__RSC_MANIFEST as Record<
    string,
    ClientReferenceManifest
  >;
  const manifest = manifests[`${page}/page`];
  if (!manifest) throw new Error(`No client manifest for ${page} in ${file}`);
  return manifest;
}

/** `page` as in app/, route groups included: "/(app)/email-contacts/...". */
export function firstLoadJs(nextDir: string, page: string): FirstLoadJs {
  const build = JSON.parse(
    readFileSync(path.join(nextDir, "build-manifest.json"), "utf8"),
  ) as BuildManifest;
  const { entryJSFiles } = readClientReferenceManifest(nextDir, page);

  // The page's own segments: app/layout, each nested layout, the page.
  const segments = Object.keys(entryJSFiles).filter((segment) => {
    const route = segment.replace(/^\[project\]\/app/, "");
    return (
      route === `${page}/page` ||
      (route.endsWith("/layout") &&
        `${page}/`.startsWith(route.replace(/layout$/, "")))
    );
  });

  const unique = new Set([
    ...build.rootMainFiles,
    ...segments.flatMap((segment) => entryJSFiles[segment] ?? []),
  ]);
  const files = [...unique].map((file) => {
    const content = readFileSync(path.join(nextDir, file));
    return {
      file,
      bytes: content.length,
      gzipBytes: gzipSync(content, { level: 9 }).length,
    };
  });

  return {
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
  };
}
