// Buttons marked data-export="weights|initial|data" data-format="pt|safetensors|json" download the engine's
// files for PyTorch, named as the generated script expects them.
import { downloadData } from './download.js';

const NAMES = { weights: 'nn-playground-weights', initial: 'nn-playground-initial', data: 'nn-playground-data' };

/** engineWhenReady() gives the engine once its run is ready, else null (the click then does nothing). */
export function wireFileExports(root, engineWhenReady) {
  for (const button of root.querySelectorAll('[data-export]')) {
    button.addEventListener('click', async () => {
      const engine = engineWhenReady();
      if (!engine) return;
      const { export: what, format } = button.dataset;
      const { bytes } = await engine.exportFile(what, format);
      downloadData(bytes, `${NAMES[what]}.${format}`, 'application/octet-stream');
    });
  }
}
