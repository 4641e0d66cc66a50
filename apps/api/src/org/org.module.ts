import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsService } from './org-units.service';
import { RoleCatalogueController } from './role-catalogue.controller';
import { RolesController } from './roles.controller';
import { RolesService } from './roles.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';
import { OrgUnitsRepository } from './org-units.repository';
import { RolesRepository } from './roles.repository';
import { UsersRepository } from './users.repository';

/** The county's organisation: org units (the tree), roles and users with their role assignments. */
@Module({
  imports: [IdentityModule],
  controllers: [OrgUnitsController, RolesController, RoleCatalogueController, UsersController],
  providers: [OrgUnitsService, RolesService, UsersService, OrgUnitsRepository, RolesRepository, UsersRepository],
  // the repositories: for the directory import, which writes roles and users in its own transaction
  exports: [OrgUnitsService, RolesService, UsersService, RolesRepository, UsersRepository],
})
export class OrgModule {}
