// Entry point: the router and the base stylesheet; every page arrives as a lazy chunk.
import { render, Suspense } from 'solid-js/web';
import { Router, type RouteSectionProps } from '@solidjs/router';
import { routes } from './routes.tsx';
import { mountAfterFirstPaint } from './lib/prerendered.ts';
import './styles/base.css';

const Layout = (props: RouteSectionProps) => (
  <Suspense fallback={<p class="page muted">Loading…</p>}>{props.children}</Suspense>
);

mountAfterFirstPaint(() => render(() => <Router root={Layout}>{routes}</Router>, document.getElementById('app')!));
