import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { FirstAdminRepository } from './first-admin.repository';
import { FirstAdminService } from './first-admin.service';

/** A county's first administrator (the create-admin tool) and the production first-start notice. */
@Module({
  imports: [IdentityModule],
  providers: [FirstAdminRepository, FirstAdminService],
  exports: [FirstAdminService],
})
export class FirstAdminModule {}
