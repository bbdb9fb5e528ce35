import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import '../i18n';
import { theme } from '../theme';

type Options = Omit<RenderOptions, 'wrapper' | 'queries'> & {
  /** the address the component sees (useParams, Link) */
  route?: string;
};

/**
 * Renders `ui` inside what main.tsx and App.tsx give every page: Mantine with the app's theme
 * (env "test": no transitions, no portals), notifications, a fresh query cache, a router and the
 * app's i18n (French). Returns a user-event session bound to this render.
 */
export function renderWithProviders(ui: ReactElement, { route = '/', ...options }: Options = {}) {
  // a cache per test: no answer leaks from one test into another, and no retry hides a failure
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  function Providers({ children }: { children: ReactNode }) {
    return (
      <MantineProvider theme={theme} defaultColorScheme="light" env="test">
        <Notifications />
        <QueryClientProvider client={queryClient}>
          <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
        </QueryClientProvider>
      </MantineProvider>
    );
  }
  const user = userEvent.setup();
  return { user, queryClient, ...render(ui, { wrapper: Providers, ...options }) };
}
