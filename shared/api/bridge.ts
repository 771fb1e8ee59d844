/** The single IPC channel the preload forwards `invoke(channel, input)` on. */
export const IPC_CHANNEL = 'kam:invoke';
