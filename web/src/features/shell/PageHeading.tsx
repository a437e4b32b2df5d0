// The page's one <h1>, which also becomes the document title (WCAG 2.4.2 Page Titled).
import { Heading } from '@digdir/designsystemet-react';
import { useTitle } from './useTitle';

export function PageHeading({ children }: { children: string }) {
  useTitle(children);
  return <Heading level={1} data-size="lg">{children}</Heading>;
}
