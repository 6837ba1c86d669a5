import { contextBridge, ipcRenderer } from 'electron'
import { createGreenroomClient, type Transport } from '../shared/client'
import type { Envelope } from '../shared/errors'
import { isEventName } from '../shared/events'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/ipc-channels'

/** IPC transport: exactly one invoke channel and one event channel; raw ipcRenderer stays here. */
const transport: Transport = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<Envelope<unknown>>,
  subscribe: (listener) => {
    const onEvent = (_event: Electron.IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (isEventName(name)) listener(name, payload)
    }
    ipcRenderer.on(EVENT_CHANNEL, onEvent)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, onEvent)
    }
  }
}

contextBridge.exposeInMainWorld('greenroom', createGreenroomClient(transport))
