import { Injectable } from '@nestjs/common';
import { AppError, Errors } from '../common/app-error';
import { newId } from '../database/columns';
import { Permission, PERMISSIONS, Role } from '../database/entities';
import { RolesRepository } from './roles.repository';

export interface NewRole {
  key: string;
  name: string;
  nameEn?: string;
  permissions?: Permission[];
}

@Injectable()
export class RolesService {
  constructor(private readonly roles: RolesRepository) {}

  list(tenantId: string): Promise<Role[]> {
    return this.roles.all(tenantId);
  }

  async create(tenantId: string, input: NewRole): Promise<Role> {
    const unknown = (input.permissions ?? []).filter((x) => !PERMISSIONS.includes(x));
    if (unknown.length) throw Errors.validation([{ field: 'permissions', message: `unknown permission: ${unknown.join(', ')}` }]);
    if (await this.roles.byKey(tenantId, input.key)) {
      throw new AppError('ROLE_EXISTS', { key: input.key });
    }
    return this.roles.add({
      id: newId(),
      tenantId,
      key: input.key,
      name: input.name,
      nameEn: input.nameEn ?? input.key,
      permissions: input.permissions ?? [],
    });
  }
}

export function presentRole(r: Role) {
  return { id: r.id, key: r.key, name: r.name, nameEn: r.nameEn, permissions: r.permissions };
}
