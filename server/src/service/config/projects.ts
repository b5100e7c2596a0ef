import type { ServiceSettings } from '../context';
import { EMPTY_PROJECT_CONFIG, type ProjectConfig } from './projectConfig';

/**
 * The project configurations the front end found, by the folder each one governs. A document takes
 * the configuration of the innermost folder that holds it (a multi-root workspace has one per
 * root); the folder `''` governs every document (the CLI's single `--config`).
 */
export class ProjectConfigs {
  private readonly byFolder = new Map<string, ProjectConfig>();

  set(folderUri: string, config: ProjectConfig | undefined): void {
    const key = folderKey(folderUri);
    if (config) this.byFolder.set(key, config);
    else this.byFolder.delete(key);
  }

  for(uri: string | undefined): ProjectConfig {
    let best: { length: number; config: ProjectConfig } | undefined;
    for (const [folder, config] of this.byFolder) {
      const holds = folder === '' || (uri !== undefined && uri.startsWith(folder));
      if (holds && (!best || folder.length > best.length)) best = { length: folder.length, config };
    }
    return best?.config ?? EMPTY_PROJECT_CONFIG;
  }
}

/** `file:///w/a` and `file:///w/a/` both govern `file:///w/a/x.yaml`, never `file:///w/ab/x.yaml`. */
function folderKey(folderUri: string): string {
  return folderUri === '' || folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
}

/** What the team agreed on wins over what one user set: the file's values replace the settings'. */
export function mergeProjectConfig(user: ServiceSettings, project: ProjectConfig): ServiceSettings {
  return {
    ...user,
    project,
    ...(project.disclosureDeadlineDays === undefined ? {} : { disclosureDeadlineDays: project.disclosureDeadlineDays }),
    ...(project.maxDocumentBytes === undefined ? {} : { maxDocumentBytes: project.maxDocumentBytes }),
  };
}
