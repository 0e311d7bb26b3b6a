/**
 * Draws a chart when it comes near the screen rather than with the page: with thousands of
 * sessions each chart costs milliseconds to draw, and the trends page has seven, most of them
 * below the fold. Printing draws every chart still waiting, since paper shows them all.
 */
import { drawWithUPlot, type DrawPlot } from './TrendUPlot';

/** How far below the screen a chart starts drawing, so scrolling rarely meets a blank one. */
const AHEAD = '300px';

export const drawInView: DrawPlot = (target, spec) => {
  let remove: (() => void) | undefined;
  const draw = () => {
    if (remove) return;
    seen.disconnect();
    window.removeEventListener('beforeprint', draw);
    remove = drawWithUPlot(target, spec);
  };
  const seen = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && draw(), { rootMargin: AHEAD });
  seen.observe(target);
  window.addEventListener('beforeprint', draw);
  return () => {
    seen.disconnect();
    window.removeEventListener('beforeprint', draw);
    remove?.();
  };
};
