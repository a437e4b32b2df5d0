// Every page names itself in the browser tab and for screen readers (WCAG 2.4.2).
import { useEffect } from 'react';

export function useTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} – samrad` : 'samrad';
  }, [title]);
}
