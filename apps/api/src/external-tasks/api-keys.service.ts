import { Injectable } from '@nestjs/common';
import type { ApiKeySummary, CreatedApiKey } from '@kcbx/api-contract';
import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import { AppError, Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import type { ApiKey } from '../database/entities';
import type { Principal } from '../identity/principal';
import { ApiKeysRepository } from './api-keys.repository';

/** Who calls with a key: a county's program, named by the administrator who made the key. */
export interface KeyHolder {
  tenantId: string;
  keyId: string;
  name: string;
}

const PREFIX = 'kcbx_';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Keys look like `kcbx_<8-char id>_<43-char secret>`: the id finds the row, the secret is compared by hash in
 * constant time. A key is shown once, when it is made; revoking it ends it at once.
 */
@Injectable()
export class ApiKeysService {
  constructor(private readonly keys: ApiKeysRepository) {}

  async create(p: Principal, name: string): Promise<CreatedApiKey> {
    const prefix = randomBytes(6).toString('base64url');
    const secret = randomBytes(32).toString('base64url');
    const row: ApiKey = {
      id: newId(),
      tenantId: p.tenantId,
      name: name.trim(),
      prefix,
      secretHash: sha256(secret),
      createdBy: p.userId,
      createdAt: nowIso(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.keys.insert(row);
    return { id: row.id, name: row.name, prefix, key: `${PREFIX}${prefix}_${secret}`, createdAt: row.createdAt };
  }

  async list(p: Principal): Promise<ApiKeySummary[]> {
    return (await this.keys.list(p.tenantId)).map(({ id, name, prefix, createdAt, lastUsedAt, revokedAt }) => ({
      id,
      name,
      prefix,
      createdAt,
      lastUsedAt,
      revokedAt,
    }));
  }

  async revoke(p: Principal, id: string): Promise<void> {
    if (!(await this.keys.revoke(p.tenantId, id))) throw Errors.notFound('apiKey', id);
  }

  /** The holder of a presented key, or API_KEY_INVALID (the same answer for unknown, wrong and revoked keys). */
  async authenticate(presented: string | undefined): Promise<KeyHolder> {
    const match = /^kcbx_([A-Za-z0-9_-]{8})_([A-Za-z0-9_-]{43})$/.exec(presented?.trim() ?? '');
    const row = match ? await this.keys.active(match[1]) : null;
    if (!match || !row || !sameHash(sha256(match[2]), row.secretHash)) throw new AppError('API_KEY_INVALID');
    await this.keys.touch(row);
    return { tenantId: row.tenantId, keyId: row.id, name: row.name };
  }
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
