import { useLayoutEffect, useRef } from 'preact/hooks';
import { drawWithUPlot, type DrawPlot, type PlotSpec } from './TrendUPlot';

export interface TrendPlotProps {
  /** What the chart shows, in words: its accessible name. */
  label: string;
  spec: PlotSpec;
  /** Draws on a canvas; tests pass their own because happy-dom has no canvas. */
  draw?: DrawPlot;
}

/** The canvas of a chart, announced as one image with a full description. */
export function TrendPlot({ label, spec, draw = drawWithUPlot }: TrendPlotProps) {
  const target = useRef<HTMLDivElement>(null);
  // A layout effect hands the chart over as the page is laid out; a plain effect waits a frame.
  useLayoutEffect(() => (target.current ? draw(target.current, spec) : undefined), [spec, draw]);
  return <div ref={target} class="trend-plot" role="img" aria-label={label} />;
}
