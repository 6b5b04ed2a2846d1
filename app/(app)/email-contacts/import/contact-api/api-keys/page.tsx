import type { Metadata } from "next";
import type { ReactNode } from "react";

import { ApiKeyPanel } from "@/components/api-keys/api-key-panel";
import { RecentChanges } from "@/components/api-keys/recent-changes";
import type { ApiKeyView } from "@/components/api-keys/types";
import { ContactApiDisabledNotice } from "@/components/contact-api/feature-disabled-notice";
import { getApiKeyOverview, type ApiKeyOverview } from "@/lib/api-keys/manage";
import { requireEmailContactsAccess } from "@/lib/auth/current-user";
import { canManageApiKey } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format/date-time";

import { deleteApiKeyAction } from "./actions/delete-api-key";
import { generateApiKeyAction } from "./actions/generate-api-key";

export const metadata: Metadata = { title: "API Keys" };

// The organization is the signed-in user's, read from the database for this
// request; nothing in the URL can point the page at another one.
export default async function ApiKeysPage() {
  const user = await requireEmailContactsAccess();
  const canManage = canManageApiKey(user.role);

  if (!user.organization.contactApiEnabled) {
    return (
      <PageFrame>
        <ContactApiDisabledNotice />
      </PageFrame>
    );
  }

  const overview = await getApiKeyOverview(user.organization.id);

  return (
    <PageFrame>
      <p className="text-zinc-700">
        Services such as an HR system or a sync job use this key to read and
        change the contacts of {user.organization.name}. Your organization has
        one key, shared by every integration.
      </p>
      {!canManage && (
        <p className="text-sm text-zinc-700">
          Only the Parent Admin can manage the API key.
        </p>
      )}

      <ApiKeyPanel
        currentKey={toView(overview.key)}
        canManage={canManage}
        actions={
          canManage
            ? { generate: generateApiKeyAction, remove: deleteApiKeyAction }
            : undefined
        }
      />
      <RecentChanges
        changes={overview.recentChanges.map((change) => ({
          ...change,
          createdAt: dated(change.createdAt),
        }))}
      />
    </PageFrame>
  );
}

function PageFrame({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="api-keys-heading" className="max-w-3xl space-y-6">
      <h2 id="api-keys-heading" className="text-xl font-semibold text-zinc-900">
        API Keys
      </h2>
      {children}
    </section>
  );
}

// Dates are formatted here, on the server, so the browser renders the same
// text as the server did whatever its time zone.
function toView(key: ApiKeyOverview["key"]): ApiKeyView | null {
  if (!key) return null;

  return {
    authId: key.authId,
    accessKeyHint: key.accessKeyHint,
    createdAt: dated(key.createdAt),
    createdBy: key.createdBy
      ? `${key.createdBy.name} (${key.createdBy.email})`
      : null,
    lastUsedAt: key.lastUsedAt ? dated(key.lastUsedAt) : null,
  };
}

function dated(date: Date): { iso: string; label: string } {
  return { iso: date.toISOString(), label: formatDateTime(date) };
}
