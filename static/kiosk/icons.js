// icons: simple line icons drawn as SVG (no emoji font needed on the
// kiosk computer). Paths on a 24×24 grid.
const PATHS = {
  browse: 'M3 6h7l2 2h9v11H3z',
  guides: 'M7 3h10v18H7z M10 8h4 M10 12h4 M10 16h4',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z M15.5 15.5L21 21',
  archive: 'M3 4h18v5H3z M5 9v11h14V9 M10 13h4',
  rate: 'M12 3l2.8 5.8 6.2.9-4.5 4.4 1.1 6.2L12 17.4 6.4 20.3l1.1-6.2L3 9.7l6.2-.9z',
  suggest: 'M3 5h18v14H3z M3 5l9 8 9-8',
  apply: 'M6 3h9l4 4v14H6z M15 3v4h4 M9 12h7 M9 16h7',
  status: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M12 7v5l3.5 2.5',
  print: 'M6 9V3h12v6 M4 9h16v8H4z M7 14h10v7H7z',
  clip: 'M8 12l6-6a3 3 0 0 1 4 4l-8 8a4.5 4.5 0 0 1-6-6l7-7',
  clock: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M12 7v5l3.5 2.5',
  warn: 'M12 3l10 18H2z M12 10v5 M12 17.5v.5',
};

// icon returns an SVG element drawing the named icon in currentColor.
export function icon(name, size = '1em') {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', size);
  svg.setAttribute('height', size);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'ico');
  const p = document.createElementNS(ns, 'path');
  p.setAttribute('d', PATHS[name] || '');
  p.setAttribute('fill', 'none');
  p.setAttribute('stroke', 'currentColor');
  p.setAttribute('stroke-width', '1.8');
  p.setAttribute('stroke-linejoin', 'round');
  p.setAttribute('stroke-linecap', 'round');
  svg.append(p);
  return svg;
}
