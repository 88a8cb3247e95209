// Starts the training engine's worker the moment a training page begins, before the charts library and the
// page's other modules have loaded (the pages load this module with "async"); the trainer takes this engine
// over for its first run (see trainer.js). The engine comes from the link's #engine=, else 'auto'.
import { createEngine } from '../engine/nn-engine.js';

export const ENGINES = ['auto', 'wasm', 'js'];
const asked = new URLSearchParams(location.hash.slice(1)).get('engine');
export const firstChoice = ENGINES.includes(asked) ? asked : 'auto';
export const earlyEngine = createEngine({ engine: firstChoice });
earlyEngine.preload();
