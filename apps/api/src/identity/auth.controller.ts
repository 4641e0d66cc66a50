import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Request, Response } from 'express';
import { AuditService } from '../audit-log/audit.service';
import { Errors } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CurrentUser, Public } from './decorators';
import { LoginService } from './login.service';
import { presentMe } from './me.presenter';
import { Principal } from './principal';
import { PrincipalLoader } from './principal.loader';
import { IssuedSession, REFRESH_COOKIE, REFRESH_COOKIE_PATH, RefreshReuse, SessionService } from './session.service';

class LoginDto {
  @ApiProperty({ example: 'teacher' }) @IsString() @MinLength(1) @MaxLength(64) username!: string;
  @ApiProperty({ example: 'Xiji@2026' }) @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

/** One cookie from the Cookie header (no cookie parser for the one cookie the API reads). */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly principals: PrincipalLoader,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in; returns a short-lived bearer token and sets the HttpOnly refresh cookie / 登录' })
  async logIn(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const result = await this.login.login(body.username, body.password, req.ip);
    const principal = await this.principals.load(result.userId, result.tenantId);
    if (!principal) throw Errors.invalidCredentials();
    this.setRefreshCookie(res, result);
    return { accessToken: result.accessToken, expiresIn: result.expiresIn, user: presentMe(principal) };
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'A fresh access token for the refresh cookie, which is replaced (single use) / 续期' })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    try {
      const result = await this.sessions.refresh(readCookie(req, REFRESH_COOKIE));
      this.setRefreshCookie(res, result);
      return { accessToken: result.accessToken, expiresIn: result.expiresIn };
    } catch (e) {
      this.clearRefreshCookie(res);
      if (!(e instanceof RefreshReuse)) throw e;
      await this.audit.record(
        { tenantId: e.session.tenantId, userId: e.session.userId, username: null },
        { action: 'auth.refresh-reuse', entity: 'session', entityId: e.session.id, status: 401, ip: req.ip ?? null },
      );
      throw Errors.invalidToken(false);
    }
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session (its refresh cookie and every token of it) / 退出登录' })
  async logOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const id = SessionService.idOf(readCookie(req, REFRESH_COOKIE));
    if (id) await this.sessions.revoke({ id }, 'logout');
    this.clearRefreshCookie(res);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller: tenant, roles with their org units, permissions / 当前用户' })
  me(@CurrentUser() p: Principal) {
    return presentMe(p);
  }

  private setRefreshCookie(res: Response, session: IssuedSession) {
    res.cookie(REFRESH_COOKIE, session.refresh, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.env === 'production',
      path: REFRESH_COOKIE_PATH,
      maxAge: session.refreshMaxAge * 1000,
    });
  }

  private clearRefreshCookie(res: Response) {
    res.clearCookie(REFRESH_COOKIE, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.env === 'production',
      path: REFRESH_COOKIE_PATH,
    });
  }
}
