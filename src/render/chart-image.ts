/**
 * Draws a Vega-Lite chart as an image, with no browser: Vega lays it out headless (renderer
 * `none`) and writes SVG, and resvg (prebuilt, native) turns the SVG into PNG.
 *
 * resvg draws text only with a font it is given. It gets the first of {@link FONT_FILES} that
 * exists (Debian's fonts-dejavu-core, which .ci/run installs, or Liberation Sans), else every font
 * the system has; with none at all the bars are drawn and the words are not.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { View, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CHART_FONT } from './summary-chart.js';

export const FONT_FILES: readonly ChartFont[] = [
  { file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', family: CHART_FONT },
  { file: '/usr/share/fonts/TTF/DejaVuSans.ttf', family: CHART_FONT },
  { file: '/usr/share/fonts/dejavu/DejaVuSans.ttf', family: CHART_FONT },
  { file: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', family: 'Liberation Sans' },
];

export interface ChartFont {
  readonly file: string;
  readonly family: string;
}

/** Pixels per SVG unit in the PNG: sharp on high-density screens, still small. */
export const CHART_ZOOM = 2;

export interface ChartImage {
  readonly svg: string;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** The SVG of a Vega-Lite spec. Data must be inline: nothing is loaded. */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The font resvg is given (see the module's comment); undefined: the system's fonts. */
export function chartFont(): ChartFont | undefined {
  return FONT_FILES.find((f) => existsSync(f.file));
}

/** The SVG and PNG of a Vega-Lite spec. */
export async function drawChart(spec: TopLevelSpec): Promise<ChartImage> {
  const svg = await chartSvg(spec);
  const font = chartFont();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: CHART_ZOOM },
    background: 'white',
    font: {
      fontFiles: font ? [font.file] : [],
      loadSystemFonts: !font,
      defaultFontFamily: font?.family ?? CHART_FONT,
      sansSerifFamily: font?.family ?? CHART_FONT,
    },
  });
  const image = resvg.render();
  return { svg, png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
}
