import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { paging } from '../common/paging';
import { CurrentUser, RequirePermission } from '../identity/decorators';
import { Principal } from '../identity/principal';
import { RectificationService } from './rectification.service';

@ApiTags('rectification')
@ApiBearerAuth()
@RequirePermission('report.read')
@Controller('rectification')
export class RectificationController {
  constructor(private readonly rectification: RectificationService) {}

  @Get('items')
  @ApiOperation({
    summary:
      "The inspectorate's list of every rectification item of the county and where it stands: {total, counts (per stage, substandard, overdue), items:[{instanceId, problem, orgUnit, orgUnitName, responsibleRole, responsiblePerson, deadline, stage, openSteps, overdue, verifyFailures, substandard, accountability, startedAt, endedAt}]}; county bureau offices only / 整改销号台账",
  })
  @ApiQuery({ name: 'stage', required: false, enum: ['rectifying', 'verifying', 'archiving', 'signed-off', 'terminated'] })
  @ApiQuery({ name: 'substandard', required: false, description: 'true: only items sent to the 纪检组 (整改落实不到位)' })
  items(
    @CurrentUser() p: Principal,
    @Query('stage') stage?: string,
    @Query('substandard') substandard?: string,
    @Query('page') page = '1',
    @Query('pageSize') pageSize = '50',
  ) {
    return this.rectification.items(p, {
      stage: stage || undefined,
      substandard: substandard === 'true' ? true : substandard === 'false' ? false : undefined,
      ...paging(page, pageSize, 50, 200),
    });
  }
}
