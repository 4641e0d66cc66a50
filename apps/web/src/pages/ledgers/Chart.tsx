import ReactEChartsCore from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

// Only the chart kinds the dashboard draws, so the page's bundle stays small.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// Users who ask their system for less motion get still charts (the browser tests ask for it too).
const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export interface ChartClick {
  name: string;
  dataIndex: number;
}

/** An ECharts chart; clicks report the category (name) and its index, for drilling down. */
export function Chart({
  option,
  height = 280,
  onClick,
  testId,
}: {
  option: EChartsOption;
  height?: number;
  onClick?: (e: ChartClick) => void;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={reducedMotion ? { ...option, animation: false } : option}
        notMerge
        style={{ height }}
        onEvents={onClick ? { click: (e: ChartClick) => onClick(e) } : undefined}
      />
    </div>
  );
}
