import { Injectable } from '@nestjs/common';
import { parseFormDefinition } from '@kcbx/forms';
import { AppError, Errors } from '../common/app-error';
import type { Language } from '../common/language';
import { Principal } from '../identity/principal';
import { FormsService } from '../workflow/forms.service';
import { FormDesignRepository } from './form-design.repository';
import { draftDefinition } from './form-drafts.service';

/**
 * Publishing turns a draft (or the definition sent along) into the next immutable version. It is checked
 * exactly as a deployed `.form.json` file is (parseFormDefinition), so a definition the builder shows as
 * invalid can never reach a clerk; the refusal names every problem with its JSON pointer and line.
 */
@Injectable()
export class FormPublishingService {
  constructor(
    private readonly design: FormDesignRepository,
    private readonly forms: FormsService,
  ) {}

  async publish(p: Principal, key: string, body: unknown, lang: Language) {
    const sent = (body as { definition?: unknown } | undefined)?.definition;
    let definition: Record<string, unknown>;
    if (sent !== undefined) definition = draftDefinition(key, body);
    else {
      const draft = await this.design.draft(p.tenantId, key);
      if (!draft) throw Errors.notFound('formDraft');
      definition = draft.definition;
    }
    const latest = await this.design.latestVersion(p.tenantId, key);
    // The server numbers versions; whatever number the draft carries is replaced before the check.
    const numbered = { ...definition, version: (latest?.version ?? 0) + 1 };
    const parsed = parseFormDefinition(JSON.stringify(numbered, null, 2), `${key}.form.json`);
    if (!parsed.ok) {
      throw new AppError(
        'FORM_DEFINITION_INVALID',
        { count: parsed.errors.length },
        parsed.errors.map((e) => ({ path: e.path, line: e.line, column: e.column, keyword: e.keyword, message: e.message[lang] })),
      );
    }
    try {
      return await this.design.transaction(async (tx) => {
        const result = await this.forms.publish(tx, p.tenantId, p.userId, parsed.definition);
        await this.design.deleteDraft(p.tenantId, key, tx);
        return result;
      });
    } catch (e) {
      // Two designers publishing the same form at once both compute the same next number; the unique index
      // (tenant, key, version) lets one win and the other is told to look again rather than getting a 500.
      if (isUniqueViolation(e)) {
        throw new AppError('FORM_VERSION_CONFLICT');
      }
      throw e;
    }
  }

  /** Every published version, newest first, with who published it. */
  async versions(tenantId: string, key: string) {
    const rows = await this.design.versions(tenantId, key);
    if (!rows.length) throw Errors.notFound('form', key);
    const users = await this.design.users([...new Set(rows.map((r) => r.publishedBy))]);
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return rows.map((r) => ({
      version: r.version,
      title: r.title,
      hash: r.hash,
      publishedAt: r.publishedAt,
      publishedByName: names.get(r.publishedBy) ?? null,
    }));
  }
}

function isUniqueViolation(e: unknown): boolean {
  const driver = (e as { driverError?: { code?: string } } | undefined)?.driverError;
  return (
    driver?.code === '23505' ||
    driver?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(String((e as Error)?.message))
  );
}
