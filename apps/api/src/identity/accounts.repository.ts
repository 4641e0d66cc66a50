import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { User } from '../database/entities';

/** User accounts (`app_user`) as signing in reads them. */
@Injectable()
export class AccountsRepository {
  constructor(private readonly ds: DataSource) {}

  /** the account with this username, whatever its county or state */
  byUsername(username: string): Promise<User | null> {
    return this.ds.getRepository(User).findOneBy({ username });
  }

  /** the username of an account ('' when it is gone) */
  async usernameOf(userId: string): Promise<string> {
    const user = await this.ds.getRepository(User).findOne({ where: { id: userId }, select: { username: true } });
    return user?.username ?? '';
  }
}
