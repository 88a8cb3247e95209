// Starts the training engine's worker the moment a training page begins, before the charts library and the
// page's other modules have loaded (the pages load this module with "async"); the trainer takes this engine
// over for its first run (see trainer.js). The engine comes from the link's #engine=, else 'auto'; a race's
// lanes go over one worker per core unless the link says #workers=n (to compare, say).
import { createEngine } from '../engine/nn-engine.js';

export const ENGINES = ['auto', 'wasm', 'js'];
const link = new URLSearchParams(location.hash.slice(1));
const asked = link.get('engine');
export const firstChoice = ENGINES.includes(asked) ? asked : 'auto';
export const workers = Number(link.get('workers')) >= 1 ? Number(link.get('workers')) : undefined;
export const earlyEngine = createEngine({ engine: firstChoice, workers });
// A race page says how many lanes it races (a meta tag before this script), so their workers start loading too.
earlyEngine.preload({ lanes: Number(document.querySelector('meta[name=nn-race-lanes]')?.content) || 1 });
