import type {
  DeleteApiKeyResult,
  GenerateApiKeyResult,
  KeyChangeInput,
} from "@/lib/api-keys/key-change";

/** The current key as the page may show it: plain, already formatted. */
export type ApiKeyView = {
  authId: string;
  accessKeyHint: string;
  createdAt: { iso: string; label: string };
  createdBy: string | null;
  lastUsedAt: { iso: string; label: string } | null;
};

/** The server actions, handed down by the page as props. */
export type ApiKeyActions = {
  generate: (input: KeyChangeInput) => Promise<GenerateApiKeyResult>;
  remove: (input: KeyChangeInput) => Promise<DeleteApiKeyResult>;
};
