import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { regionIndex } from '@kcbx/cn-codes/node';
import { Errors } from '../common/app-error';

/**
 * GB/T 2260 divisions for region pickers: one level at a time (province > city > county > township),
 * so a cascader loads a few KB per click instead of the 2 MB national tree.
 */
@ApiTags('regions')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  @Get()
  @ApiOperation({ summary: 'Children of a division (provinces without ?parent) / 行政区划' })
  children(@Query('parent') parent?: string) {
    const idx = regionIndex();
    const nodes = parent ? idx.find(parent)?.children : idx.tree;
    if (!nodes) throw Errors.notFound('division', parent);
    return nodes.map((n) => ({ code: n.code, name: n.name, isLeaf: !n.children?.length }));
  }

  @Get(':code')
  @ApiOperation({ summary: 'A division with its full path / 区划及其上级' })
  one(@Param('code') code: string) {
    const idx = regionIndex();
    if (!idx.isRegionCode(code)) throw Errors.notFound('division', code);
    const path = idx.path(code).map((n) => ({ code: n.code, name: n.name }));
    return { code, name: path[path.length - 1].name, path, fullName: path.map((n) => n.name).join('') };
  }
}
