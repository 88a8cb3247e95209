// Which build of the core a worker runs, and loading it: WebAssembly (GC) where the browser has it, else
// JavaScript, or the one asked for. Two builds: 'nn' (training; every page) and 'nn-tools' (files, CSV,
// chapters 3 and 5, probes; see ToolExports), loaded at first use. A classic script for the workers.
'use strict';

let core = null;           // {engineInit, engineStep, ...} from either build
let engineName = null;     // 'wasm' or 'js'
let tools = null;          // the toolkit {toolsReadStateDict, toolsDescent, ...}
let toolsName = null;

async function wasmGcSupported() {
  // The smallest module that declares a GC struct type: (module (type (struct)))
  const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 3, 1, 95, 0]);
  return WebAssembly.validate(bytes);
}

/** Loads one build of the core ('nn' or 'nn-tools') as WebAssembly or JavaScript. */
async function loadBuild(name, requested) {
  if (requested !== 'js' && await wasmGcSupported()) {
    try {
      if (typeof TeaVM === 'undefined') importScripts('classes.wasm-runtime.js' + VERSION_QUERY);
      // By address, so the browser compiles while it downloads and keeps the compiled code for the next visit.
      const module = await TeaVM.wasmGC.load(name + '.wasm' + VERSION_QUERY);
      return { exports: module.exports, kind: 'wasm' };
    } catch (error) {
      if (requested === 'wasm') {
        throw new Error('WebAssembly engine failed to load: ' + error.message);
      }
    }
  } else if (requested === 'wasm') {
    throw new Error('this browser lacks WebAssembly GC; use engine "js"');
  }
  importScripts(name + '.js' + VERSION_QUERY);
  return { exports: self, kind: 'js' };
}

// Each build loads once for all who ask, even at the same time (chapter 5 asks for four descents together);
// a load that failed may be tried again (init reports the failure).
let coreLoading = null;
let toolsLoading = null;

async function loadCore(requested) {
  coreLoading ??= loadBuild('nn', requested).then(({ exports, kind }) => {
    core = exports;
    engineName = kind;
  });
  try {
    await coreLoading;
  } catch (error) {
    coreLoading = null;
    throw error;
  }
}

/** The toolkit, loaded when first needed, in the training engine's build when that is loaded. */
async function loadTools(requested) {
  toolsLoading ??= loadBuild('nn-tools', engineName || requested || 'auto').then(({ exports, kind }) => {
    tools = exports;
    toolsName = kind;
  });
  try {
    await toolsLoading;
  } catch (error) {
    toolsLoading = null;
    throw error;
  }
  return tools;
}
