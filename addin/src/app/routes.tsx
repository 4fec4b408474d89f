import { lazy, Suspense, type ReactNode } from 'react';
import { createHashRouter } from 'react-router';
import { Loading } from '../components/Loading';
import { Layout } from './Layout';

// One chunk per view (esbuild splitting): the shell loads first, each view when opened.
const MyCases = lazy(() => import('../pages/MyCases'));
const CasePage = lazy(() => import('../pages/CasePage'));
const NotFound = lazy(() => import('../pages/NotFound'));
const ProviderOverview = lazy(() => import('../pages/ProviderOverview'));
const ProviderSettings = lazy(() => import('../pages/ProviderSettings'));

const view = (node: ReactNode) => (
  <Suspense fallback={<Loading label="Opening" />}>{node}</Suspense>
);

/** Hash routes (the tab is static files under /tab/), starting at a deep link when given. */
export function createTabRouter(initialRoute: string | null) {
  if (initialRoute !== null && (window.location.hash === '' || window.location.hash === '#/')) {
    window.location.hash = initialRoute;
  }
  return createHashRouter([
    {
      path: '/',
      element: <Layout />,
      children: [
        { index: true, element: view(<MyCases />) },
        { path: 'cases/:caseId', element: view(<CasePage />) },
        { path: 'cases/:caseId/:section', element: view(<CasePage />) },
        { path: 'providers/:providerId/overview', element: view(<ProviderOverview />) },
        { path: 'providers/:providerId/settings', element: view(<ProviderSettings />) },
        { path: '*', element: view(<NotFound />) },
      ],
    },
  ]);
}
