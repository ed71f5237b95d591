import { localCopySources } from '../../context/copy-sources';
import { dockerignoreMatcher, mayReincludeBelow } from '../../context/dockerignore';
import type { DockerfileRule } from '../rule';

export const copyIgnoredFile: DockerfileRule = {
  meta: {
    id: 'copy-ignored-file',
    defaultSeverity: 'warning',
    category: 'layers',
    summary: 'COPY or ADD names a path that `.dockerignore` excludes.',
    why: 'Files excluded by `.dockerignore` are never sent to the builder, so the step fails with "not found", or, for a folder, silently copies less than it names.',
    example: '# .dockerignore: dist\nCOPY dist /app/dist',
    useInstead: '# build dist inside a builder stage, or stop ignoring it\nCOPY --from=build /src/dist /app/dist',
    fixSafety: 'none',
    equivalents: ['BuildKit CopyIgnoredFile'],
  },
  check({ model, context, report }) {
    if (!context?.dockerignore) return;
    const ignored = dockerignoreMatcher(context.dockerignore);
    for (const stage of model.stages) {
      for (const source of localCopySources(model, stage)) {
        // Wildcards and variables are resolved by the builder; naming them here would be a guess.
        if (/[*?[$]/.test(source.path)) continue;
        const path = source.path.replace(/^\/+/, '');
        if (!ignored(path) || mayReincludeBelow(context.dockerignore, path)) continue;
        report({ range: source.range, message: `\`${source.path}\` is excluded by .dockerignore, so the builder never receives it.` });
      }
    }
  },
};
