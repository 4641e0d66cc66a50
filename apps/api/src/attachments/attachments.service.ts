import { Inject, Injectable } from '@nestjs/common';
import { Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import type { Attachment } from '../database/entities';
import { coversPath, Principal } from '../identity/principal';
import { AttachmentsRepository } from './attachments.repository';
import { FILE_STORE, FileStore } from './file-store';
import { ACCEPTED_EXTENSIONS, sniffFileType } from './file-type';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly rows: AttachmentsRepository,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  async upload(p: Principal, file: { originalname: string; buffer: Buffer; size: number }, orgUnitCode?: string) {
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8');
    if (file.size > MAX_ATTACHMENT_BYTES) throw Errors.badFile('BAD_FILE/attachment-too-large');
    const type = sniffFileType(name, file.buffer);
    if (!type) {
      throw Errors.badFile('BAD_FILE/attachment-type', { extensions: ACCEPTED_EXTENSIONS });
    }
    const unitPath = await this.unitPath(p, orgUnitCode);
    const { key, sha256 } = await this.files.put(file.buffer);
    const row: Attachment = {
      id: newId(),
      tenantId: p.tenantId,
      name,
      mime: type.mime,
      size: file.size,
      sha256,
      storageKey: key,
      orgUnitPath: unitPath,
      uploadedBy: p.userId,
      uploadedAt: nowIso(),
    };
    await this.rows.add(row);
    return presentAttachment(row);
  }

  async download(p: Principal, id: string) {
    const row = await this.rows.ofTenant(p.tenantId, id);
    if (!row || !coversPath(p, row.orgUnitPath)) throw Errors.notFound('attachment');
    return { meta: presentAttachment(row), bytes: await this.files.get(row.storageKey) };
  }

  /** The unit the file belongs to: the one named (must be in scope) or the uploader's first unit. */
  private async unitPath(p: Principal, code?: string): Promise<string> {
    if (!code) {
      if (!p.assignments.length) throw Errors.forbidden();
      return p.assignments[0].orgUnitPath;
    }
    const unit = await this.rows.unitByCode(p.tenantId, code);
    if (!unit || !coversPath(p, unit.path)) throw Errors.notFound('orgUnit', code);
    return unit.path;
  }
}

export function presentAttachment(a: Attachment) {
  return { id: a.id, name: a.name, mime: a.mime, size: a.size, sha256: a.sha256, uploadedAt: a.uploadedAt };
}
