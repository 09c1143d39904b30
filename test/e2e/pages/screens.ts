// The nav rail and the screens it opens, each in its own module; re-exported here for the files
// that imported them from one place.
export { NavRail, type ScreenName } from './shell';
export { ProvidersScreen } from './providers';
export { ToolsScreen } from './tools';
export { UsageScreen } from './usage';
