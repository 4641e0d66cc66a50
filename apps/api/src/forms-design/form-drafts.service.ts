import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { Principal } from '../identity/principal';
import { FormDraft } from './form-draft.entity';

const KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;
const DRAFT = { zh: '表单草稿', en: 'Form draft' };

/** The draft a designer body must carry: an object whose key is the key in the URL. */
export function draftDefinition(key: string, body: unknown): Record<string, unknown> {
  if (!KEY.test(key)) {
    throw Errors.validation([
      {
        field: 'key',
        message:
          '表单标识须以字母开头，只含字母、数字和 - _ . / the key must start with a letter and hold only letters, digits, "-", "_" and "."',
      },
    ]);
  }
  const definition = (body as { definition?: unknown } | undefined)?.definition;
  if (!definition || typeof definition !== 'object' || Array.isArray(definition)) {
    throw Errors.validation([{ field: 'definition', message: '缺少表单定义 / definition is required' }]);
  }
  const d = definition as Record<string, unknown>;
  if (d.key !== key) {
    throw new AppError('FORM_KEY_MISMATCH', 400, {
      zh: `定义中的标识“${String(d.key)}”与地址中的“${key}”不一致`,
      en: `The definition's key "${String(d.key)}" is not the key "${key}" in the address`,
    });
  }
  return d;
}

/** Work-in-progress forms of a county: saved as often as the designer likes, never validated here. */
@Injectable()
export class FormDraftsService {
  constructor(private readonly ds: DataSource) {}

  async list(tenantId: string) {
    const rows = await this.ds.getRepository(FormDraft).find({ where: { tenantId }, order: { key: 'ASC' } });
    return rows.map((r) => ({ key: r.key, title: r.title, savedAt: r.savedAt, savedByName: r.savedByName }));
  }

  async get(tenantId: string, key: string) {
    const row = await this.ds.getRepository(FormDraft).findOneBy({ tenantId, key });
    if (!row) throw Errors.notFound(DRAFT);
    return { key: row.key, definition: row.definition, savedAt: row.savedAt, savedByName: row.savedByName };
  }

  async save(p: Principal, key: string, body: unknown) {
    const definition = draftDefinition(key, body);
    const repo = this.ds.getRepository(FormDraft);
    const values = {
      title: (definition.title ?? key) as never,
      definition: definition as never,
      savedBy: p.userId,
      savedByName: p.displayName,
      savedAt: nowIso(),
    };
    const existing = await repo.findOneBy({ tenantId: p.tenantId, key });
    if (existing) await repo.update({ id: existing.id }, values);
    else await repo.insert({ id: newId(), tenantId: p.tenantId, key, ...values });
    return { key, savedAt: values.savedAt };
  }

  async discard(tenantId: string, key: string): Promise<void> {
    const result = await this.ds.getRepository(FormDraft).delete({ tenantId, key });
    if (!result.affected) throw Errors.notFound(DRAFT);
  }
}
