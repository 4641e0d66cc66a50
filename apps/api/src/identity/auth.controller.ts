import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Errors } from '../common/app-error';
import { CurrentUser, Public } from './decorators';
import { LoginService } from './login.service';
import { presentMe } from './me.presenter';
import { Principal } from './principal';
import { PrincipalLoader } from './principal.loader';
import { TokenService } from './token.service';

class LoginDto {
  @ApiProperty({ example: 'teacher' }) @IsString() @MinLength(1) @MaxLength(64) username!: string;
  @ApiProperty({ example: 'Xiji@2026' }) @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly principals: PrincipalLoader,
    private readonly tokens: TokenService,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in; returns a short-lived bearer token / 登录' })
  async logIn(@Body() body: LoginDto) {
    const result = await this.login.login(body.username, body.password);
    const principal = await this.principals.load(result.userId, result.tenantId);
    if (!principal) throw Errors.accountDisabled();
    return { accessToken: result.accessToken, expiresIn: result.expiresIn, user: presentMe(principal) };
  }

  @Post('auth/refresh')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Exchange a valid token for a fresh one / 续期' })
  refresh(@CurrentUser() p: Principal) {
    return this.tokens.issue({ sub: p.userId, tid: p.tenantId, usr: p.username });
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller: tenant, roles with their org units, permissions / 当前用户' })
  me(@CurrentUser() p: Principal) {
    return presentMe(p);
  }
}
