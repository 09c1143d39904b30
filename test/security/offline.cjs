// Preloaded into Electronegativity: it fetches translations and Electron release lists with `got`,
// which here (offline) retries for seconds and can crash on a timer. Every fetch fails at once instead.
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'got') {
    const offline = () =>
      Promise.reject(new Error('offline: Electronegativity runs without the network in tests'));
    return Object.assign(offline, { default: offline, get: offline });
  }
  return load.call(this, request, parent, isMain);
};
