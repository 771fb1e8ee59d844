/** The `host/` channels (shared/api/host.ts) answered with Electron's native dialogs. */
import { type BrowserWindow, dialog, shell } from 'electron';
import type { ApiResponse } from '../../shared/api/errors';
import { type HostChannel, type HostResults, hostSchemas } from '../../shared/api/host';
import { printReportToPrinter } from './print';

export async function invokeHost(
  channel: HostChannel,
  input: unknown,
  win: BrowserWindow | null,
): Promise<ApiResponse<HostResults[HostChannel]>> {
  const parsed = hostSchemas[channel].safeParse(input);
  if (!parsed.success)
    return { ok: false, error: { code: 'VALIDATION', message: '对话框参数有误', messageEn: 'Invalid dialog options' } };
  const options = parsed.data;
  const parent = win ?? undefined;
  switch (channel) {
    case 'host/open-file': {
      const o = options as { title: string; filters: Electron.FileFilter[]; multiple: boolean };
      const props: ('openFile' | 'multiSelections')[] = o.multiple ? ['openFile', 'multiSelections'] : ['openFile'];
      const r = parent
        ? await dialog.showOpenDialog(parent, { title: o.title, filters: o.filters, properties: props })
        : await dialog.showOpenDialog({ title: o.title, filters: o.filters, properties: props });
      return { ok: true, value: { paths: r.canceled ? [] : r.filePaths } };
    }
    case 'host/save-file': {
      const o = options as { title: string; defaultName: string; filters: Electron.FileFilter[] };
      const settings = { title: o.title, defaultPath: o.defaultName, filters: o.filters };
      const r = parent ? await dialog.showSaveDialog(parent, settings) : await dialog.showSaveDialog(settings);
      return { ok: true, value: { path: r.canceled || !r.filePath ? null : r.filePath } };
    }
    case 'host/choose-folder': {
      const o = options as { title: string };
      const settings = {
        title: o.title,
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
      };
      const r = parent ? await dialog.showOpenDialog(parent, settings) : await dialog.showOpenDialog(settings);
      return { ok: true, value: { path: r.canceled ? null : (r.filePaths[0] ?? null) } };
    }
    case 'host/show-in-folder': {
      shell.showItemInFolder((options as { path: string }).path);
      return { ok: true, value: { ok: true } };
    }
    case 'host/print': {
      const o = options as { title: string; html: string };
      try {
        return { ok: true, value: await printReportToPrinter(o.html, o.title) };
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        return {
          ok: false,
          error: { code: 'UNAVAILABLE', message: `打印失败：${reason}`, messageEn: `Printing failed: ${reason}` },
        };
      }
    }
  }
}
