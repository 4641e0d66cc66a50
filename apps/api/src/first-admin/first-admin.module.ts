import { Module } from '@nestjs/common';
import { PasswordService } from '../identity/password.service';
import { FirstAdminRepository } from './first-admin.repository';
import { FirstAdminService } from './first-admin.service';

/** A county's first administrator (the create-admin tool) and the production first-start notice. */
@Module({
  providers: [FirstAdminRepository, FirstAdminService, PasswordService],
  exports: [FirstAdminService],
})
export class FirstAdminModule {}
