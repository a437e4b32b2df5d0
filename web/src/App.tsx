import { Heading, Paragraph } from '@digdir/designsystemet-react';

export function App() {
  return (
    <main style={{ padding: '2rem' }}>
      <Heading level={1} data-size="lg">samrad</Heading>
      <Paragraph>Samarbeidsråd, økonomi og kundeservice for IKT-samarbeid.</Paragraph>
    </main>
  );
}
