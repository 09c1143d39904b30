import type { Page } from 'playwright-core';
import { BudgetsPanel } from './budgets';
import { ConversationPage } from './conversation';
import { Overlays } from './dialogs';
import { ExperimentsScreen } from './experiments';
import { InspectorPane } from './inspector';
import { ProvidersScreen } from './providers';
import { SearchPalette } from './searchPalette';
import { ThreadSettings } from './settings';
import { AppShell, NavRail, ShortcutsSheet } from './shell';
import { ThreadsPane } from './threadsPane';
import { ToolsScreen } from './tools';
import { UsageScreen } from './usage';

export {
  AppShell,
  BudgetsPanel,
  ConversationPage,
  ExperimentsScreen,
  InspectorPane,
  NavRail,
  Overlays,
  ProvidersScreen,
  SearchPalette,
  ShortcutsSheet,
  ThreadSettings,
  ThreadsPane,
  ToolsScreen,
  UsageScreen,
};

/** Every screen of the app on one page, each with its locators and actions. */
export function appPages(page: Page) {
  return {
    conversation: new ConversationPage(page),
    threads: new ThreadsPane(page),
    inspector: new InspectorPane(page),
    settings: new ThreadSettings(page),
    search: new SearchPalette(page),
    shell: new AppShell(page),
    nav: new NavRail(page),
    shortcuts: new ShortcutsSheet(page),
    overlays: new Overlays(page),
    providers: new ProvidersScreen(page),
    tools: new ToolsScreen(page),
    usage: new UsageScreen(page),
    budgets: new BudgetsPanel(page),
    experiments: new ExperimentsScreen(page),
  };
}

export type AppPages = ReturnType<typeof appPages>;
