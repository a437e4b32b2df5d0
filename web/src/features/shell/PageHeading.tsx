// The page's one <h1>, which also becomes the document title (WCAG 2.4.2 Page Titled).
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTitle } from './useTitle';

/** `lang`: when the heading is content in another language than the page (a meeting's name). */
export function PageHeading({ children, lang }: { children: string; lang?: string }) {
  useTitle(children);
  return <Heading level={1} data-size="lg" lang={lang}>{children}</Heading>;
}

/** The top of a page: its heading and the paragraph that says what the page is for. */
export function PageIntro({ heading, children }: { heading: string; children: string }) {
  return (
    <div className="stack">
      <PageHeading>{heading}</PageHeading>
      <Paragraph>{children}</Paragraph>
    </div>
  );
}
