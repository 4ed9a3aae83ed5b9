import { useEffect } from 'react';

/**
 * Sets document.title to "<title> · Storyloom" while the page is shown. `undefined` leaves the
 * title alone (a layout whose nested page names itself).
 */
export function useDocumentTitle(title) {
  useEffect(() => {
    if (title === undefined) return;
    document.title = title ? `${title} · Storyloom` : 'Storyloom';
  }, [title]);
}
