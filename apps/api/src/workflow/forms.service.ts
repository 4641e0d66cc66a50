import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ExpiringCache } from '../database/expiring-cache';
import { contentHash, FormDefinition, parseFormDefinition } from '@kcbx/forms';
import { DataSource, EntityManager } from 'typeorm';
import { Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { FormDefinitionRow } from '../database/entities';

export interface ResourceProblem {
  resource: string;
  elementId?: string;
  line?: number;
  message: string;
}

export const FORM = { zh: '表单', en: 'Form' };

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
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = new ExpiringCache<{ definition: FormDefinition; hash: string } | null>(config.cacheMs, 2_000).forgetOnWritesTo(ds, [
      FormDefinitionRow,
    ]);
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
  async plan(m: EntityManager, tenantId: string, definition: FormDefinition): Promise<{ key: string; version: number; isNew: boolean }> {
    const latest = await m
      .getRepository(FormDefinitionRow)
      .findOne({ where: { tenantId, key: definition.key }, order: { version: 'DESC' } });
    if (latest && latest.hash === versionHash(definition)) return { key: latest.key, version: latest.version, isNew: false };
    return { key: definition.key, version: (latest?.version ?? 0) + 1, isNew: true };
  }

  async publish(
    m: EntityManager,
    tenantId: string,
    userId: string,
    definition: FormDefinition,
  ): Promise<{ key: string; version: number; isNew: boolean }> {
    const repo = m.getRepository(FormDefinitionRow);
    const latest = await repo.findOne({ where: { tenantId, key: definition.key }, order: { version: 'DESC' } });
    const hash = versionHash(definition);
    if (latest && latest.hash === hash) return { key: latest.key, version: latest.version, isNew: false };
    const version = (latest?.version ?? 0) + 1;
    await repo.insert({
      id: newId(),
      tenantId,
      key: definition.key,
      version,
      title: definition.title,
      definition: { ...definition, version } as never,
      hash,
      publishedBy: userId,
      publishedAt: nowIso(),
    });
    return { key: definition.key, version, isNew: true };
  }

  async get(tenantId: string, key: string, version?: number): Promise<FormDefinition> {
    return (await this.published(tenantId, key, version)).definition;
  }

  /** A published version (the latest unless `version`) with its stored hash, which a submission pins. */
  async published(tenantId: string, key: string, version?: number): Promise<{ definition: FormDefinition; hash: string }> {
    const found = await this.cache.get(`${tenantId}:${key}:${version ?? 'latest'}`, async () => {
      const row = await this.ds.getRepository(FormDefinitionRow).findOne({
        where: { tenantId, key, ...(version ? { version } : {}) },
        order: { version: 'DESC' },
      });
      return row ? { definition: row.definition as unknown as FormDefinition, hash: row.hash } : null;
    });
    if (!found) throw Errors.notFound({ zh: `表单 ${key}`, en: `Form ${key}` });
    return found;
  }

  async exists(m: EntityManager, tenantId: string, key: string): Promise<boolean> {
    return (await m.getRepository(FormDefinitionRow).countBy({ tenantId, key })) > 0;
  }

  async list(tenantId: string) {
    const rows = await this.ds.getRepository(FormDefinitionRow).find({ where: { tenantId }, order: { key: 'ASC', version: 'DESC' } });
    return rows.map((r) => ({ key: r.key, version: r.version, title: r.title, hash: r.hash, publishedAt: r.publishedAt }));
  }
}
