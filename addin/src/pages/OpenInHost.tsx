import { Body1, Subtitle2 } from '@fluentui/react-text';

/** Shown in a plain browser outside local mode: how to open the app. */
export function OpenInHost() {
  return (
    <section aria-labelledby="open-in-host">
      <Subtitle2 as="h2" id="open-in-host">
        Open this app in Microsoft Teams or Outlook
      </Subtitle2>
      <Body1 as="p">
        Support plans signs you in with your school or provider account through Microsoft Teams,
        Outlook or the Microsoft 365 app. Open Teams, choose Apps, find “Support plans” and open it;
        or follow the link in a notification or card about a case.
      </Body1>
    </section>
  );
}
