import { Injectable } from '@nestjs/common';
import { checkPassword } from '@kcbx/password-policy';
import { AppError } from '../common/app-error';
import { PasswordService } from '../identity/password.service';
import { FirstAdminRepository } from './first-admin.repository';
import { firstStartNotice } from './first-start-notice';

export interface CreateAdminInput {
  county: string;
  username: string;
  password: string;
  displayName?: string;
}

export type CreateAdminResult =
  | { status: 'created'; userId: string; county: string; countyName: string; role: string; orgUnit: string }
  | { status: 'exists'; userId: string; county: string; active: boolean };

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

/**
 * A county's first administrator, for a server nobody can log in to yet. Idempotent: a username that exists
 * is reported and left exactly as it is (its password is not reset — that would be a back door for whoever
 * can run the tool, and an existing admin changes passwords through the web app).
 */
@Injectable()
export class FirstAdminService {
  constructor(
    private readonly repo: FirstAdminRepository,
    private readonly passwords: PasswordService,
  ) {}

  async createAdmin(input: CreateAdminInput): Promise<CreateAdminResult> {
    const username = input.username.trim();
    if (!USERNAME.test(username)) {
      throw new AppError('USERNAME_INVALID', { username });
    }
    const county = await this.repo.county(input.county);
    if (!county) {
      throw new AppError('COUNTY_NOT_FOUND', { county: input.county });
    }
    const existing = await this.repo.user(username);
    if (existing) {
      if (existing.countyCode !== county.tenant.code) {
        throw new AppError('USERNAME_TAKEN/other-county', { username, county: existing.countyCode });
      }
      return { status: 'exists', userId: existing.user.id, county: county.tenant.code, active: existing.user.active };
    }
    const problems = checkPassword(input.password, { username });
    if (problems.length) {
      throw new AppError(
        'PASSWORD_WEAK',
        { reasons: { zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') } },
        problems.map((p) => ({ field: 'password', code: p.code, message: p.zh })),
      );
    }
    const role = await this.repo.adminRole(county.tenant.id);
    if (!role) {
      throw new AppError('ADMIN_ROLE_MISSING', { county: county.tenant.code });
    }
    const userId = await this.repo.insertAdmin({
      tenantId: county.tenant.id,
      username,
      displayName: input.displayName?.trim() || `${county.tenant.name}系统管理员`,
      passwordHash: await this.passwords.hash(input.password),
      roleId: role.id,
      orgUnitId: county.root.id,
    });
    return {
      status: 'created',
      userId,
      county: county.tenant.code,
      countyName: county.tenant.name,
      role: `${role.key} ${role.name}`,
      orgUnit: `${county.root.code} ${county.root.name}`,
    };
  }

  /** What a production server says at its first start when nobody can log in yet; null when somebody can. */
  async firstStartNotice(): Promise<string | null> {
    const missing = await this.repo.countiesWithoutAdmin();
    const anyCounty = (await this.repo.countyCount()) > 0;
    return firstStartNotice(anyCounty, missing);
  }
}
