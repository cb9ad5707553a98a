/** Home page views: drawn only where their containers exist; the tables beside them work without this. */
import { drawComparison } from '../components/charts/comparison';
import { drawMap } from '../components/charts/worldmap';
import { drawNetwork } from '../components/charts/network';

const views: Array<[string, (host: HTMLElement) => Promise<void>]> = [
  ['network-view', drawNetwork],
  ['map-view', drawMap],
  ['comparison-view', drawComparison],
];
for (const [id, draw] of views) {
  const host = document.getElementById(id);
  if (host) draw(host).catch((error: unknown) => host.setAttribute('data-error', String(error)));
}
