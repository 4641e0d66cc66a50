import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsRepository } from './accounts.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { LoginThrottleService } from './login-throttle';
import { LoginThrottleRepository } from './login-throttle.repository';
import { LoginService } from './login.service';
import { PasswordService } from './password.service';
import { PrincipalLoader } from './principal.loader';
import { PrincipalsRepository } from './principals.repository';
import { ReferenceScope } from './reference-scope';
import { ReferencesRepository } from './references.repository';
import { SessionService } from './session.service';
import { SessionsRepository } from './sessions.repository';
import { TokenService } from './token.service';

/**
 * Who is calling: login (with its throttle and audit), sessions, tokens, the principal behind a request, the guard
 * every route passes, and the reference scope features use to answer "not there" for what a caller may not see.
 */
@Module({
  controllers: [AuthController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    PasswordService,
    TokenService,
    PrincipalLoader,
    LoginService,
    LoginThrottleService,
    SessionService,
    ReferenceScope,
    AccountsRepository,
    LoginThrottleRepository,
    PrincipalsRepository,
    SessionsRepository,
    ReferencesRepository,
  ],
  exports: [PasswordService, TokenService, PrincipalLoader, SessionService, ReferenceScope],
})
export class IdentityModule {}
