import { useEffect } from 'react';

/** Sets document.title to "<title> · Storyloom" while the page is shown. */
export function useDocumentTitle(title) {
  useEffect(() => {
    document.title = title ? `${title} · Storyloom` : 'Storyloom';
  }, [title]);
}
