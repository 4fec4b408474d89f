import { Body1, Subtitle1 } from '@fluentui/react-components';
import { Link } from 'react-router';

/** An unknown tab route. */
export default function NotFound() {
  return (
    <section>
      <Subtitle1 as="h1">Page not found</Subtitle1>
      <Body1 as="p">
        This link does not lead anywhere in Support plans. <Link to="/">Go to my cases</Link>.
      </Body1>
    </section>
  );
}
