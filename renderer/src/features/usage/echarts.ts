import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { BarChart, LineChart } from 'echarts/charts';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import {
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the usage charts draw is registered, which keeps the bundle small; the canvas
// renderer needs no eval, so it runs under the app's CSP. Registration happens inside `initChart`
// rather than at the top of the module: the project declares its modules free of side effects
// (package.json), so a bare top-level `use()` was dropped by the bundler and every chart failed.
let registered = false;
export function initChart(host: HTMLElement): echarts.ECharts {
  if (!registered) {
    echarts.use([
      BarChart,
      LineChart,
      GridComponent,
      LegendComponent,
      TooltipComponent,
      DataZoomInsideComponent,
      DataZoomSliderComponent,
      CanvasRenderer,
    ]);
    registered = true;
  }
  return echarts.init(host, null, { renderer: 'canvas' });
}

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | DataZoomComponentOption
>;
