import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { RolesService } from './roles.service';

/**
 * The county's roles for policy staff who model procedures: a user task's candidateGroups name role keys,
 * and the modeler offers them in a picker. Read-only and without permissions, so `design` suffices
 * (GET /api/admin/roles stays for administrators).
 */
@ApiTags('workflow')
@ApiBearerAuth()
@RequirePermission('design')
@Controller('roles')
export class RoleCatalogueController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @ApiOperation({ summary: "The county's role keys and names, for candidateGroups in the modeler / 角色（建模用）" })
  async list(@CurrentUser() p: Principal) {
    return (await this.roles.list(p.tenantId)).map((r) => ({ key: r.key, name: r.name, nameEn: r.nameEn }));
  }
}
