import { BrowserWindow, ipcMain, webContents, type IpcMainInvokeEvent } from 'electron';
import { channelNames, type EventName, type EventPayload } from '../contract';
import { isAppUrl } from '../navigation';
import { dispatch, type Logger } from './dispatch';
import type { EventSink, Handlers } from './handlers';

/** Only our own top-level page may call main: not an iframe, not a page that navigated elsewhere. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return isAppUrl(frame.url);
}

export function registerIpc(handlers: Handlers, log: Logger): () => void {
  for (const name of channelNames) {
    ipcMain.handle(name, (event, payload: unknown) => {
      if (!trustedSender(event)) {
        log(`refused ${name} from untrusted frame ${event.senderFrame?.url ?? 'unknown'}`);
        return { ok: false, error: { code: 'invalid_request', message: 'untrusted sender' } };
      }
      return dispatch(handlers, name, payload, { senderId: event.sender.id }, log);
    });
  }
  return () => {
    for (const name of channelNames) ipcMain.removeHandler(name);
  };
}

export const electronEventSink: EventSink = {
  toSender<E extends EventName>(senderId: number, event: E, payload: EventPayload<E>) {
    const target = webContents.fromId(senderId);
    if (target && !target.isDestroyed()) target.send(event, payload);
  },
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>) {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(event, payload);
    }
  },
};
