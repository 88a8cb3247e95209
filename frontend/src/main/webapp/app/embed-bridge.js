// A page inside another page's iframe (see embed.js): it tells its host what happens (ready, progress,
// done) and takes the host's commands (play, pause, reset, set lr), both by postMessage.

/** Tells the embedding page an event, if there is one. */
export function publish(type, data) {
  if (window.parent !== window) window.parent.postMessage({ source: 'nn-playground', type, ...data }, '*');
}

/** Runs commands from the embedding page: handlers.play(), pause(), reset(), set(param, value). */
export function listenForCommands(handlers) {
  window.addEventListener('message', (event) => {
    const command = event.data;
    if (!command || command.target !== 'nn-playground') return;
    if (command.type === 'set') handlers.set(command.param, command.value);
    else handlers[command.type]?.();
  });
}
