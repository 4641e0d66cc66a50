import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Errors } from '../common/app-error';
import { newId } from '../database/columns';
import { Permission, PERMISSIONS, Role } from '../database/entities';

export interface NewRole {
  key: string;
  name: string;
  nameEn?: string;
  permissions?: Permission[];
}

@Injectable()
export class RolesService {
  constructor(private readonly ds: DataSource) {}

  list(tenantId: string): Promise<Role[]> {
    return this.ds.getRepository(Role).find({ where: { tenantId }, order: { key: 'ASC' } });
  }

  async create(tenantId: string, input: NewRole): Promise<Role> {
    const repo = this.ds.getRepository(Role);
    const unknown = (input.permissions ?? []).filter((x) => !PERMISSIONS.includes(x));
    if (unknown.length) throw Errors.validation([{ field: 'permissions', message: `unknown permission: ${unknown.join(', ')}` }]);
    if (await repo.findOneBy({ tenantId, key: input.key })) {
      throw Errors.conflict('ROLE_EXISTS', { zh: `角色 ${input.key} 已存在`, en: `Role ${input.key} already exists` });
    }
    return repo.save(
      repo.create({
        id: newId(),
        tenantId,
        key: input.key,
        name: input.name,
        nameEn: input.nameEn ?? input.key,
        permissions: input.permissions ?? [],
      }),
    );
  }
}

export function presentRole(r: Role) {
  return { id: r.id, key: r.key, name: r.name, nameEn: r.nameEn, permissions: r.permissions };
}
