import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './contract/api';

// Exactly the declared methods, on a frozen object: never ipcRenderer itself or a generic invoke.
const api = buildApi(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (event, listener) => {
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('api', api);
