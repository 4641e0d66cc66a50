import { Injectable } from '@nestjs/common';
import { AppError, Errors } from '../common/app-error';
import { nowIso } from '../database/columns';
import { Principal } from '../identity/principal';
import { FormDesignRepository } from './form-design.repository';

const KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;

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
    throw new AppError('FORM_KEY_MISMATCH', { given: String(d.key), key });
  }
  return d;
}

/** Work-in-progress forms of a county: saved as often as the designer likes, never validated here. */
@Injectable()
export class FormDraftsService {
  constructor(private readonly drafts: FormDesignRepository) {}

  async list(tenantId: string) {
    const rows = await this.drafts.drafts(tenantId);
    return rows.map((r) => ({ key: r.key, title: r.title, savedAt: r.savedAt, savedByName: r.savedByName }));
  }

  async get(tenantId: string, key: string) {
    const row = await this.drafts.draft(tenantId, key);
    if (!row) throw Errors.notFound('formDraft');
    return { key: row.key, definition: row.definition, savedAt: row.savedAt, savedByName: row.savedByName };
  }

  async save(p: Principal, key: string, body: unknown) {
    const definition = draftDefinition(key, body);
    const values = {
      title: (definition.title ?? key) as never,
      definition: definition as never,
      savedBy: p.userId,
      savedByName: p.displayName,
      savedAt: nowIso(),
    };
    await this.drafts.saveDraft(p.tenantId, key, values);
    return { key, savedAt: values.savedAt };
  }

  async discard(tenantId: string, key: string): Promise<void> {
    if (!(await this.drafts.deleteDraft(tenantId, key))) throw Errors.notFound('formDraft');
  }
}
