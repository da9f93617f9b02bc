// electron-builder's configuration: `npm run dist` builds the app, makes the icons from
// assets/icon.svg and packs the installers for the machine it runs on, with the configuration
// build/builder-config.cjs gives for this platform and environment. The packaging test
// (test/package/) packs this same config with a stand-in Electron and reads the result back.

const { builderConfig } = require('./builder-config.cjs');

module.exports = builderConfig(process.env, process.platform);
