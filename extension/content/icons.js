// Icons drawn in the page as SVG shapes, not as characters. A symbol that the page's font lacks
// (many text fonts have neither ⤢ nor ⚠; the test machine's DejaVu Sans lacks ⤢) sends the
// renderer looking for a fallback font during layout, a synchronous lookup in the browser process
// (docs/benchmarks.md, "Where the added time goes"). Shapes in the current colour need no font at
// all. Built with createElementNS, never markup. They are decorative (hidden from assistive
// technology): the pill's move button has its own name, and a notice's label is the notice.

const SVG = 'http://www.w3.org/2000/svg';

/** @param {string} d path data, stroked in the current colour (the paint is inherited by the path) */
function icon(d) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  Object.assign(svg.style, { width: '1em', height: '1em', verticalAlign: '-0.125em', fill: 'none', stroke: 'currentColor', strokeWidth: '1.5', strokeLinecap: 'round', strokeLinejoin: 'round' });
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}

/** A diagonal two-headed arrow: "move to another corner". */
export const moveIcon = () => icon('M9.5 2.5h4v4M13.5 2.5l-11 11M2.5 9.5v4h4');

/** A warning triangle with an exclamation mark: a notice. */
export const warningIcon = () => icon('M8 1.75l6.5 12h-13zM8 6.25v3.5M8 11.9v.1');
