import type { Page } from 'playwright-core';
import { BudgetsPanel } from './budgets';
import { ConversationPage } from './conversation';
import { InspectorPane } from './inspector';
import { NavRail, ProvidersScreen, ToolsScreen, UsageScreen } from './screens';
import { SearchPalette } from './searchPalette';
import { ThreadsPane } from './threadsPane';

export {
  BudgetsPanel,
  ConversationPage,
  InspectorPane,
  NavRail,
  ProvidersScreen,
  SearchPalette,
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
    search: new SearchPalette(page),
    nav: new NavRail(page),
    providers: new ProvidersScreen(page),
    tools: new ToolsScreen(page),
    usage: new UsageScreen(page),
    budgets: new BudgetsPanel(page),
  };
}

export type AppPages = ReturnType<typeof appPages>;
