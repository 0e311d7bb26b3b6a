/**
 * Draws a chart when it comes near the screen rather than with the page: with thousands of
 * sessions each chart costs milliseconds to draw, and the trends page has seven, most of them
 * below the fold. Printing draws every chart still waiting, since paper shows them all.
 */
import { drawWithUPlot, type DrawPlot } from './TrendUPlot';

/** How far beyond the screen a chart starts drawing, so scrolling rarely meets a blank one. */
const AHEAD_PX = 300;

/** Whether `target` is shown, on the screen or within AHEAD_PX of it (one layout, already due for the frame). */
function nearScreen(target: HTMLElement): boolean {
  const box = target.getBoundingClientRect();
  return box.width > 0 && box.bottom > -AHEAD_PX && box.top < innerHeight + AHEAD_PX && box.right > -AHEAD_PX && box.left < innerWidth + AHEAD_PX;
}

export const drawInView: DrawPlot = (target, spec) => {
  // A chart already in view draws with the page: the observer's first report would come a frame later.
  if (nearScreen(target)) return drawWithUPlot(target, spec);
  let remove: (() => void) | undefined;
  const draw = () => {
    if (remove) return;
    seen.disconnect();
    window.removeEventListener('beforeprint', draw);
    remove = drawWithUPlot(target, spec);
  };
  const seen = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && draw(), { rootMargin: `${AHEAD_PX}px` });
  seen.observe(target);
  window.addEventListener('beforeprint', draw);
  return () => {
    seen.disconnect();
    window.removeEventListener('beforeprint', draw);
    remove?.();
  };
};
