import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ExpiringCache } from '../database/expiring-cache';
import { contentHash, FormDefinition, parseFormDefinition } from '@kcbx/forms';
import { Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import type { Tx } from '../database/transaction';
import { FormsRepository } from './forms.repository';

export interface ResourceProblem {
  resource: string;
  elementId?: string;
  line?: number;
  message: string;
}

/**
 * A published version's hash (`form_definition.hash`, listed by GET /forms/{key}/versions): the content without
 * its version number, so identical content is recognised whatever number it carries. Submissions pin this one.
 */
export const versionHash = (definition: FormDefinition): string => contentHash({ ...definition, version: 0 });

/** Published form versions per county: immutable, numbered by the server, identical content not re-versioned. */
@Injectable()
export class FormsService {
  /** The same definition object each time also lets the validator cache skip re-hashing it. */
  private readonly cache: ExpiringCache<{ definition: FormDefinition; hash: string } | null>;

  constructor(
    private readonly rows: FormsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = rows.forgetOnWrites(new ExpiringCache<{ definition: FormDefinition; hash: string } | null>(config.cacheMs, 2_000));
  }

  /** Checks a `.form.json` file; returns the definition or every problem with its line. */
  check(name: string, text: string): { definition?: FormDefinition; problems: ResourceProblem[] } {
    const parsed = parseFormDefinition(text, name);
    if (parsed.ok) return { definition: parsed.definition, problems: [] };
    return {
      problems: parsed.errors.map((e) => ({ resource: name, line: e.line, message: `${e.message.zh} / ${e.message.en}` })),
    };
  }

  /** the version `publish` would give this definition, without storing it */
  async plan(tenantId: string, definition: FormDefinition): Promise<{ key: string; version: number; isNew: boolean }> {
    const latest = await this.rows.published(tenantId, definition.key);
    if (latest && latest.hash === versionHash(definition)) return { key: latest.key, version: latest.version, isNew: false };
    return { key: definition.key, version: (latest?.version ?? 0) + 1, isNew: true };
  }

  /** stores the definition as the form's next version in the caller's transaction `tx`, unless its content is the latest's */
  async publish(
    tx: Tx,
    tenantId: string,
    userId: string,
    definition: FormDefinition,
  ): Promise<{ key: string; version: number; isNew: boolean }> {
    const latest = await this.rows.published(tenantId, definition.key, undefined, tx);
    const hash = versionHash(definition);
    if (latest && latest.hash === hash) return { key: latest.key, version: latest.version, isNew: false };
    const version = (latest?.version ?? 0) + 1;
    await this.rows.insert(
      {
        id: newId(),
        tenantId,
        key: definition.key,
        version,
        title: definition.title,
        definition: { ...definition, version } as never,
        hash,
        publishedBy: userId,
        publishedAt: nowIso(),
      },
      tx,
    );
    return { key: definition.key, version, isNew: true };
  }

  /** publishes the definitions together: all of them or, when one fails, none */
  publishAll(tenantId: string, userId: string, definitions: FormDefinition[]): Promise<{ key: string; version: number; isNew: boolean }[]> {
    return this.rows.transaction(async (tx) => {
      const out: { key: string; version: number; isNew: boolean }[] = [];
      for (const f of definitions) out.push(await this.publish(tx, tenantId, userId, f));
      return out;
    });
  }

  async get(tenantId: string, key: string, version?: number): Promise<FormDefinition> {
    return (await this.published(tenantId, key, version)).definition;
  }

  /** A published version (the latest unless `version`) with its stored hash, which a submission pins. */
  async published(tenantId: string, key: string, version?: number): Promise<{ definition: FormDefinition; hash: string }> {
    const found = await this.cache.get(`${tenantId}:${key}:${version ?? 'latest'}`, async () => {
      const row = await this.rows.published(tenantId, key, version);
      return row ? { definition: row.definition as unknown as FormDefinition, hash: row.hash } : null;
    });
    if (!found) throw Errors.notFound('form', key);
    return found;
  }

  exists(tenantId: string, key: string): Promise<boolean> {
    return this.rows.exists(tenantId, key);
  }

  async list(tenantId: string) {
    return (await this.rows.all(tenantId)).map((r) => ({
      key: r.key,
      version: r.version,
      title: r.title,
      hash: r.hash,
      publishedAt: r.publishedAt,
    }));
  }
}
