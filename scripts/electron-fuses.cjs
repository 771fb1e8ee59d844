/**
 * Electron fuses for the packaged app: switches compiled into the Electron binary, flipped in the
 * copied KAM Desk.exe by electron-builder's own `electronFuses` step (electron-builder.config.cjs),
 * which runs after packing and right before signing — flipping them edits the .exe, so it must
 * happen before a signature is made. Plain data, so the packaging test reads exactly what ships.
 *
 * Keys are electron-builder 26's `FuseOptionsV1` (app-builder-lib/out/configuration.d.ts); it
 * passes them to @electron/fuses (FuseV1Options). A key left out keeps Electron's default.
 */
module.exports = {
  // The app never starts Electron as plain Node (its workers are worker_threads, it spawns no child
  // process), so ELECTRON_RUN_AS_NODE would only let anyone run arbitrary scripts with the app's
  // identity and its signed binary.
  runAsNode: false,
  // NODE_OPTIONS (and NODE_EXTRA_CA_CERTS) could preload code into the main process from the
  // environment; nothing in the app needs them (it makes no network connections at all).
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk / SIGUSR1 would attach a debugger to the main process, which holds
  // the open customer and revenue database. Development runs unpackaged Electron, unaffected.
  enableNodeCliInspectArguments: false,
  // Windows checks app.asar against the hash electron-builder embeds in the .exe (supported on
  // Windows since Electron 30): edited app code refuses to start instead of running. Files in
  // app.asar.unpacked (workers, migrations, better-sqlite3, xlsx) are outside that check — the
  // asarUnpack list is kept to what must be real files for that reason.
  enableEmbeddedAsarIntegrityValidation: true,
  // Without it Electron falls back to a loose `resources/app` folder, which would bypass the
  // integrity check above; the app only ever ships as app.asar.
  onlyLoadAppFromAsar: true,
  // Chromium's cookie store encrypted with the OS key (DPAPI). The app sets no cookies today, so
  // this costs nothing and keeps anything a future page stores out of a plain-text file. One-way:
  // never turn it off again once shipped (the encrypted store would read as corrupt).
  enableCookieEncryption: true,
  // Kept ON (Electron's default) on purpose: the renderer is loaded from file:// (out/renderer,
  // a Vite build with `<script type="module" crossorigin>`), and switching this off changes how
  // file:// pages load their own module scripts and assets. Revisit only together with serving the
  // renderer from a custom protocol.
  grantFileProtocolExtraPrivileges: true,
};
