import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '../database/entities';
import type { Tx } from '../database/transaction';

/** The county's roles (`role`). */
@Injectable()
export class RolesRepository {
  constructor(private readonly ds: DataSource) {}

  all(tenantId: string): Promise<Role[]> {
    return this.ds.getRepository(Role).find({ where: { tenantId }, order: { key: 'ASC' } });
  }

  byKey(tenantId: string, key: string, tx?: Tx): Promise<Role | null> {
    return (tx ?? this.ds.manager).getRepository(Role).findOneBy({ tenantId, key });
  }

  /** stores a new role */
  add(role: Role): Promise<Role> {
    const repo = this.ds.getRepository(Role);
    return repo.save(repo.create(role));
  }
}
