// Buttons marked data-export="weights|initial|data" data-format="pt|safetensors|json" download the engine's
// files for PyTorch, named as the generated script expects them; data-export="settings" downloads the run's
// settings as JSON, which the command line takes as they are (train --config nn-playground-run.json).
import { downloadData } from './download.js';

const NAMES = { weights: 'nn-playground-weights', initial: 'nn-playground-initial', data: 'nn-playground-data' };

/** runWhenReady() gives {engine, info} once a run is ready, else null (the click then does nothing). */
export function wireFileExports(root, runWhenReady) {
  for (const button of root.querySelectorAll('[data-export]')) {
    button.addEventListener('click', async () => {
      const run = runWhenReady();
      if (!run) return;
      const { export: what, format } = button.dataset;
      if (what === 'settings') {
        downloadData(`${JSON.stringify(run.info.config, null, 2)}\n`, 'nn-playground-run.json', 'application/json');
        return;
      }
      const { bytes } = await run.engine.exportFile(what, format);
      downloadData(bytes, `${NAMES[what]}.${format}`, 'application/octet-stream');
    });
  }
}
