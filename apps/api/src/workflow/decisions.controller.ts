import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DecisionSummary } from '@kcbx/api-contract';
import { Errors } from '../common/app-error';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import type { Principal } from '../identity/principal';
import { DecisionsRepository } from './decisions.repository';

/** The county's decision tables for the designers' DMN editor (deployed with `POST /api/deployments`, .dmn). */
@ApiTags('decisions / 决策表')
@RequirePermission('design')
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsRepository) {}

  @Get()
  @ApiOperation({ summary: 'The latest version of each deployed decision / 各决策表的最新版本' })
  async list(@CurrentUser() p: Principal): Promise<DecisionSummary[]> {
    const seen = new Set<string>();
    return (await this.decisions.versions(p.tenantId))
      .filter((d) => !seen.has(d.key) && seen.add(d.key))
      .map((d) => ({
        id: d.id,
        key: d.key,
        name: d.name,
        version: d.version,
        resourceName: d.resourceName,
        deployedAt: new Date(d.deployedAt).toISOString(),
      }));
  }

  @Get(':id/xml')
  @ApiOperation({ summary: 'The DMN file a decision came in / 决策表文件' })
  async xml(@CurrentUser() p: Principal, @Param('id') id: string): Promise<{ xml: string; resourceName: string }> {
    const d = await this.decisions.one(p.tenantId, id);
    if (!d) throw Errors.notFound('decision', id);
    return { xml: d.xml, resourceName: d.resourceName };
  }
}
