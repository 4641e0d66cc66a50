import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Whether the database answers, and which one it is. */
@Injectable()
export class HealthRepository {
  constructor(private readonly ds: DataSource) {}

  /** the database's kind once it has answered a trivial query (rejects when it does not answer) */
  async ping(): Promise<'postgres' | 'sqlite'> {
    await this.ds.query('SELECT 1');
    return this.ds.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }
}
