// Entry point of the training pages: starts the controller on the page's trainer element.
import { startTrainer } from './trainer.js';

await startTrainer(document.querySelector('[data-chapter]'));
