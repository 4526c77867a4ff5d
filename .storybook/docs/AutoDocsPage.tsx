import type { DocsContextProps, PreparedStory, StrictInputType } from 'storybook/internal/types';
import type { ReactNode } from 'react';
import { LiveStory } from './LiveStory.js';
import { Text, docsStyles } from './text.js';

function PropRow({ name, argType }: { name: string; argType: StrictInputType }) {
  // Descriptions, types and defaults as tidied by ./jsDocArgTypes.ts.
  const type = argType.table?.type?.summary;
  const value = argType.table?.defaultValue?.summary;
  return (
    <tr>
      <td style={docsStyles.cell}>
        <code>{name}</code>
        {argType.type && argType.type.required ? <span title="Required"> *</span> : null}
      </td>
      <td style={docsStyles.cell}>
        <Text>{argType.description ?? ''}</Text>
        {type ? <div style={docsStyles.type}>{type}</div> : null}
      </td>
      <td style={docsStyles.cell}>{value ? <Text>{value}</Text> : '—'}</td>
    </tr>
  );
}

/** The props table: every documented prop of the component, from its JSDoc via react-docgen. */
export function PropsTable({ story }: { story: PreparedStory }) {
  const rows = Object.entries(story.argTypes).filter(([, argType]) => !argType.table?.disable);
  return (
    <table data-docs-props style={docsStyles.table}>
      <thead>
        <tr>
          <th style={docsStyles.head}>Prop</th>
          <th style={docsStyles.head}>Description</th>
          <th style={docsStyles.head}>Default</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, argType]) => (
          <PropRow key={name} name={name} argType={argType} />
        ))}
      </tbody>
    </table>
  );
}

/** The autodocs page of a component: what it is, its first story live, its props, its states. */
export function AutoDocsPage({ context }: { context: DocsContextProps }) {
  const primary = context.storyById();
  const stories = context.componentStories().filter((story) => story.tags.includes('autodocs'));
  const docgen = (primary.component as { __docgenInfo?: { description?: string } } | undefined)?.__docgenInfo;
  const description: ReactNode =
    (primary.parameters.docs as { description?: { component?: string } } | undefined)?.description
      ?.component ?? docgen?.description;
  return (
    <article style={docsStyles.page}>
      <h1>{primary.title.split('/').at(-1)}</h1>
      {typeof description === 'string' ? (
        <p>
          <Text>{description}</Text>
        </p>
      ) : null}
      <LiveStory context={context} story={primary} />
      <h2>Props</h2>
      <PropsTable story={primary} />
      <h2>States</h2>
      <p>Every state is a story: open one to try it with the Controls, the theme and the locale.</p>
      <ul>
        {stories.map((story) => (
          <li key={story.id}>
            <a href={`./?path=/story/${story.id}`} target="_top">
              {story.name}
            </a>
          </li>
        ))}
      </ul>
    </article>
  );
}
