// Routes as data. Every page is its own lazy chunk, so a phone loads only the student part.
import { lazy } from 'solid-js';
import type { RouteDefinition } from '@solidjs/router';
import { BOOTH_PAGE } from '../shared/paths.ts';

export const routes: RouteDefinition[] = [
  { path: '/', component: lazy(() => import('./pages/Landing.tsx')) },
  { path: BOOTH_PAGE, component: lazy(() => import('./pages/student/BoothPage.tsx')) },
  { path: '/me', component: lazy(() => import('./pages/student/MePage.tsx')) },
  { path: '/rep', component: lazy(() => import('./pages/rep/RepPage.tsx')) },
  { path: '/admin', component: lazy(() => import('./pages/admin/AdminPage.tsx')) },
  { path: '/admin/posters', component: lazy(() => import('./pages/admin/PostersPage.tsx')) },
  { path: '/admin/dashboard', component: lazy(() => import('./pages/admin/DashboardPage.tsx')) },
  { path: '*404', component: lazy(() => import('./pages/NotFound.tsx')) },
];
