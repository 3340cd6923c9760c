import type { ComponentType } from 'react';

/** A desk's code-split chunk: fetched once, and known without waiting once it is there. */
export interface PageChunk {
  load(): Promise<unknown>;
  readonly component: ComponentType | undefined;
}

function chunk(load: () => Promise<{ default: ComponentType }>): PageChunk {
  let loading: Promise<unknown> | undefined;
  let component: ComponentType | undefined;
  return {
    // A failed fetch (the network at a regional office) is tried again by the next render, not remembered.
    load: () =>
      (loading ??= load().then(
        (module) => (component = module.default),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
    get component() {
      return component;
    },
  };
}

// Each desk is its own chunk: the hotline desk loads nothing of the case desk. This module holds no
// React, so the page's entry can start fetching the desk being opened before React itself is there.
export const PAGES = {
  hotlineDesk: chunk(() => import('../features/hotline-desk/hotline-desk-page')),
  caseList: chunk(() => import('../features/case-desk/case-list-page')),
  case: chunk(() => import('../features/case-desk/case-page')),
  figures: chunk(() => import('../features/hq-dashboard/figures-page')),
  legalDesk: chunk(() => import('../features/legal-desk/legal-desk-page')),
  caseAssistance: chunk(() => import('../features/legal-desk/case-assistance-page')),
  proceeding: chunk(() => import('../features/legal-desk/proceeding-page')),
  psychologyDesk: chunk(() => import('../features/psychology-desk/psychology-desk-page')),
  rehabilitationPlan: chunk(() => import('../features/psychology-desk/rehabilitation-plan-page')),
  outreachDesk: chunk(() => import('../features/outreach-desk/outreach-desk-page')),
  reports: chunk(() => import('../features/reports/reports-page')),
  report: chunk(() => import('../features/reports/report-page')),
  audit: chunk(() => import('../features/audit/audit-page')),
  shelterDesk: chunk(() => import('../features/shelter-desk/shelter-desk-page')),
  stay: chunk(() => import('../features/shelter-desk/stay-page')),
  import: chunk(() => import('../features/import/import-page')),
} as const;

// Which chunk and which words each page needs, so both start loading as soon as its address is known.
const ROUTES: readonly { path: RegExp; page: PageChunk; words: readonly string[] }[] = [
  { path: /^\/hotline/, page: PAGES.hotlineDesk, words: ['hotline-desk'] },
  { path: /^\/cases\/./, page: PAGES.case, words: ['case-desk'] },
  { path: /^\/cases/, page: PAGES.caseList, words: ['case-desk'] },
  { path: /^\/figures/, page: PAGES.figures, words: ['hq-dashboard'] },
  { path: /^\/legal\/cases\//, page: PAGES.caseAssistance, words: ['legal-desk'] },
  { path: /^\/legal\/proceedings\//, page: PAGES.proceeding, words: ['legal-desk'] },
  { path: /^\/legal/, page: PAGES.legalDesk, words: ['legal-desk'] },
  { path: /^\/psychology\/plans\//, page: PAGES.rehabilitationPlan, words: ['psychology-desk'] },
  { path: /^\/psychology/, page: PAGES.psychologyDesk, words: ['psychology-desk'] },
  { path: /^\/outreach/, page: PAGES.outreachDesk, words: ['outreach-desk'] },
  { path: /^\/reports\/./, page: PAGES.report, words: ['reports'] },
  { path: /^\/reports/, page: PAGES.reports, words: ['reports', 'hq-dashboard'] },
  { path: /^\/audit/, page: PAGES.audit, words: ['audit'] },
  { path: /^\/shelter\/stays\//, page: PAGES.stay, words: ['shelter-desk'] },
  { path: /^\/shelter/, page: PAGES.shelterDesk, words: ['shelter-desk'] },
  { path: /^\/import/, page: PAGES.import, words: ['import'] },
];

/** The translation files the page at `path` reads, besides the frame's. */
export const wordsOf = (path: string): readonly string[] => ROUTES.find((route) => route.path.test(path))?.words ?? [];

/** Starts loading the chunk of the page at `path`, so it is there when the user is signed in. */
export function preloadRoute(path: string): Promise<unknown> {
  return ROUTES.find((route) => route.path.test(path))?.page.load() ?? Promise.resolve();
}
