/** `GET /api/admin/api-keys`: a county program's key as the administrator sees it (never the secret). */
export interface ApiKeySummary {
  id: string;
  name: string;
  /** the key's public part: `kcbx_<prefix>_…` */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** `POST /api/admin/api-keys`: the new key, shown in this answer only. */
export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  key: string;
  createdAt: string;
}
