import { RouterProvider } from 'react-router';
import { AppProvider } from './provider';
import { createAppRouter } from './router';
import { createQueryClient } from '../lib/query-client';
import { getToken } from '../lib/auth-storage';
import { meQueryOptions } from '../features/auth/api/get-me';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
// Who is signed in is needed by the navbar of every page: ask while the page's code loads.
if (getToken()) queryClient.prefetchQuery(meQueryOptions);

export function App() {
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
