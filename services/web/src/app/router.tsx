import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AppLayout } from '../components/layout/app-layout';
import { RequireRole } from '../components/layout/require-role';
import { RouteError } from '../components/layout/route-error';
import { type Role, useAuth } from '../lib/auth';
import { SignInRoute } from './routes/sign-in';

/** Where each role starts. */
const HOME: Record<Role, string> = {
  case_worker: '/households',
  supervisor: '/households',
  auditor: '/households',
  analyst: '/analytics',
  admin: '/admin/users',
};

function Home() {
  const { user } = useAuth();
  return <Navigate to={user ? HOME[user.role] : '/sign-in'} replace />;
}

const WORKERS: Role[] = ['case_worker', 'supervisor'];
const READERS: Role[] = ['case_worker', 'supervisor', 'auditor'];

// Screens load on first visit: a case worker's phone never downloads the analyst's charts.
const lazy = (load: () => Promise<{ Component: React.ComponentType }>) => ({ lazy: load });

const router = createBrowserRouter([
  { path: '/sign-in', Component: SignInRoute, ErrorBoundary: RouteError },
  {
    Component: AppLayout,
    ErrorBoundary: RouteError,
    children: [
      { index: true, Component: Home },
      {
        element: <RequireRole roles={READERS} />,
        children: [
          { path: 'households', ...lazy(() => import('./routes/households')) },
          { path: 'review-rounds', ...lazy(() => import('./routes/review-rounds')) },
          { path: 'review-rounds/:id', ...lazy(() => import('./routes/review-round')) },
        ],
      },
      {
        // Admins too: a household's page, to erase its personal data.
        element: <RequireRole roles={[...READERS, 'admin']} />,
        children: [
          { path: 'households/:id', ...lazy(() => import('./routes/household')) },
          // Each action checks its own roles (an auditor opens "audit", a case worker "review").
          { path: 'households/:id/:action', ...lazy(() => import('./routes/household-action')) },
        ],
      },
      {
        element: <RequireRole roles={WORKERS} />,
        children: [
          { path: 'households/new', ...lazy(() => import('./routes/register-household')) },
          { path: 'imports', ...lazy(() => import('./routes/imports')) },
          // Each step checks its own roles (a case worker surveys, a supervisor decides).
          { path: 'review-rounds/:id/:step', ...lazy(() => import('./routes/review-round-step')) },
          { path: 'review-rounds/:id/survey/:householdId', ...lazy(() => import('./routes/review-round-step')) },
        ],
      },
      {
        element: <RequireRole roles={['supervisor']} />,
        children: [{ path: 'review-rounds/new', ...lazy(() => import('./routes/review-round-new')) }],
      },
      {
        element: <RequireRole roles={['case_worker', 'supervisor', 'auditor', 'analyst']} />,
        children: [{ path: 'reports', ...lazy(() => import('./routes/reports')) }],
      },
      {
        element: <RequireRole roles={['auditor', 'admin']} />,
        children: [{ path: 'access-log', ...lazy(() => import('./routes/access-log')) }],
      },
      {
        element: <RequireRole roles={['admin']} />,
        children: [
          { path: 'admin/users', ...lazy(() => import('./routes/admin-users')) },
          { path: 'admin/units', ...lazy(() => import('./routes/admin-units')) },
          { path: 'admin/configuration', ...lazy(() => import('./routes/admin-configuration')) },
        ],
      },
      {
        element: <RequireRole roles={['analyst']} />,
        children: [{ path: 'analytics', ...lazy(() => import('./routes/analytics')) }],
      },
      { path: 'account', ...lazy(() => import('./routes/account')) },
      { path: '*', ...lazy(() => import('./routes/not-found')) },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
