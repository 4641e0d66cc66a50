import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Errors } from '../common/app-error';
import { newId, nowIso } from '../database/columns';
import { Attachment, OrgUnit } from '../database/entities';
import { coversPath, Principal } from '../identity/principal';
import { FILE_STORE, FileStore } from './file-store';
import { ACCEPTED_EXTENSIONS, sniffFileType } from './file-type';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const ATTACHMENT = { zh: '附件', en: 'Attachment' };

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly ds: DataSource,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  async upload(p: Principal, file: { originalname: string; buffer: Buffer; size: number }, orgUnitCode?: string) {
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8');
    if (file.size > MAX_ATTACHMENT_BYTES) throw Errors.badFile('Files may be at most 20 MB', '附件不能超过 20 MB');
    const type = sniffFileType(name, file.buffer);
    if (!type) {
      throw Errors.badFile(
        `Only ${ACCEPTED_EXTENSIONS.join(', ')} files whose content matches their name are accepted`,
        `只接受内容与扩展名一致的 ${ACCEPTED_EXTENSIONS.join('、')} 文件`,
      );
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
    await this.ds.getRepository(Attachment).insert(row);
    return presentAttachment(row);
  }

  async download(p: Principal, id: string) {
    const row = await this.ds.getRepository(Attachment).findOneBy({ id, tenantId: p.tenantId });
    if (!row || !coversPath(p, row.orgUnitPath)) throw Errors.notFound(ATTACHMENT);
    return { meta: presentAttachment(row), bytes: await this.files.get(row.storageKey) };
  }

  /** The unit the file belongs to: the one named (must be in scope) or the uploader's first unit. */
  private async unitPath(p: Principal, code?: string): Promise<string> {
    if (!code) {
      if (!p.assignments.length) throw Errors.forbidden();
      return p.assignments[0].orgUnitPath;
    }
    const unit = await this.ds.getRepository(OrgUnit).findOneBy({ tenantId: p.tenantId, code });
    if (!unit || !coversPath(p, unit.path)) throw Errors.notFound({ zh: `单位 ${code}`, en: `Org unit ${code}` });
    return unit.path;
  }
}

export function presentAttachment(a: Attachment) {
  return { id: a.id, name: a.name, mime: a.mime, size: a.size, sha256: a.sha256, uploadedAt: a.uploadedAt };
}
