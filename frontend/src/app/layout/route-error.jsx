import { CrashMessage } from '../../components/ui/error-boundary';

/** What a route shows when rendering it threw: a friendly message, no stack trace. */
export function RouteError() {
  return (
    <div className="px-4">
      <CrashMessage />
    </div>
  );
}
