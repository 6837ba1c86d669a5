import { contextBridge, ipcRenderer } from 'electron'
import { createGreenroomClient, type Transport } from '../shared/client'
import { methodNames } from '../shared/contract'
import type { Envelope } from '../shared/errors'
import { readEventMessage } from '../shared/contract/events'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/ipc-channels'

/** IPC transport: exactly one invoke channel and one event channel; raw ipcRenderer stays here. */
const transport: Transport = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<Envelope<unknown>>,
  subscribe: (listener) => {
    const onEvent = (_event: Electron.IpcRendererEvent, name: unknown, payload: unknown): void => {
      const message = readEventMessage(name, payload)
      if (message) listener(message)
    }
    ipcRenderer.on(EVENT_CHANNEL, onEvent)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, onEvent)
    }
  }
}

contextBridge.exposeInMainWorld('greenroom', createGreenroomClient(transport, methodNames))
