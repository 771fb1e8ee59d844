/** Exposes exactly one function to the page: invoke(channel, input). Nothing else crosses. */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from '../../shared/api/bridge';
import type { KamBridge } from '../../shared/api/contract';

const bridge: KamBridge = {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, channel, input),
};

contextBridge.exposeInMainWorld('kam', bridge);
